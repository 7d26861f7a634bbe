#include "core/dataset.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "core/random.h"

namespace nnlab {

int Dataset::testRowCount() const {
  return static_cast<int>(
      std::count_if(testRows.begin(), testRows.end(), [](char flag) { return flag != 0; }));
}

namespace {

// No flags and all-zero flags are the same split.
bool sameSplit(const Dataset& a, const Dataset& b) {
  for (int row = 0; row < a.rows(); ++row)
    if (a.isTestRow(row) != b.isTestRow(row)) return false;
  return true;
}

}  // namespace

bool sameData(const Dataset& a, const Dataset& b) {
  return a.inputs.rows() == b.inputs.rows() && a.inputs.cols() == b.inputs.cols() &&
         a.targets.cols() == b.targets.cols() && a.inputs == b.inputs && a.targets == b.targets &&
         a.inputNames == b.inputNames && a.targetNames == b.targetNames && sameSplit(a, b);
}

Dataset Dataset::fromMatrices(Matrix inputs, Matrix targets) {
  Dataset dataset;
  dataset.inputs = std::move(inputs);
  dataset.targets = std::move(targets);
  for (int i = 0; i < dataset.inputColumns(); ++i) {
    dataset.inputNames.push_back(std::string("X").append(std::to_string(i + 1)));
  }
  for (int i = 0; i < dataset.targetColumns(); ++i) {
    const bool single = dataset.targetColumns() == 1;
    dataset.targetNames.push_back(single ? "y" : std::string("y").append(std::to_string(i + 1)));
  }
  return dataset;
}

Dataset selectRows(const Dataset& dataset, bool test) {
  std::vector<int> picked;
  for (int r = 0; r < dataset.rows(); ++r) {
    if (dataset.isTestRow(r) == test) picked.push_back(r);
  }
  Dataset result;
  const auto count = static_cast<Eigen::Index>(picked.size());
  result.inputs.resize(count, dataset.inputColumns());
  result.targets.resize(count, dataset.targetColumns());
  for (Eigen::Index i = 0; i < count; ++i) {
    result.inputs.row(i) = dataset.inputs.row(picked[i]);
    result.targets.row(i) = dataset.targets.row(picked[i]);
  }
  result.inputNames = dataset.inputNames;
  result.targetNames = dataset.targetNames;
  return result;
}

void splitTestRows(Dataset& dataset, double percent, std::uint64_t seed) {
  if (!(percent >= 0.0 && percent <= 100.0)) {
    throw std::invalid_argument("the test share must be between 0 and 100 percent");
  }
  const int n = dataset.rows();
  const auto tests = static_cast<int>(std::lround(n * percent / 100.0));
  dataset.testRows.assign(tests > 0 ? n : 0, 0);
  if (tests == 0) return;
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  Random random(seed);
  for (int i = 0; i < tests; ++i) {  // a partial Fisher–Yates: the first `tests` are the sample
    std::swap(order[i], order[i + random.below(static_cast<std::uint64_t>(n - i))]);
    dataset.testRows[order[i]] = 1;
  }
}

Dataset expandClassLabels(const Dataset& dataset, int classes) {
  if (dataset.targetColumns() != 1) {
    throw std::invalid_argument("class labels must be a single target column (the data has " +
                                std::to_string(dataset.targetColumns()) + ")");
  }
  if (classes < 2) throw std::invalid_argument("class labels need at least 2 classes");
  Dataset result = dataset;
  result.targets = Matrix::Zero(dataset.rows(), classes);
  for (int r = 0; r < dataset.rows(); ++r) {
    const double label = dataset.targets(r, 0);
    if (!(label >= 0.0 && label < classes && label == std::floor(label))) {
      std::ostringstream text;
      text << "row " << r + 1 << ": class label " << label << " is not a whole number from 0 to "
           << classes - 1 << " (the output layer has " << classes << " units)";
      throw std::invalid_argument(text.str());
    }
    result.targets(r, static_cast<Eigen::Index>(label)) = 1.0;
  }
  const std::string base = dataset.targetNames.empty() ? "y" : dataset.targetNames.front();
  result.targetNames.clear();
  for (int k = 0; k < classes; ++k) result.targetNames.push_back(base + "=" + std::to_string(k));
  return result;
}

}  // namespace nnlab
