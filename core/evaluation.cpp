#include "core/evaluation.h"

#include <vector>

namespace nnlab {
namespace {

bool isZeroOrOne(double value) { return value == 0.0 || value == 1.0; }

// Whether every row of `targets` names exactly one class: a 0/1 column, or one-hot rows.
bool areClasses(const Matrix& targets) {
  for (Eigen::Index r = 0; r < targets.rows(); ++r) {
    double ones = 0.0;
    for (Eigen::Index k = 0; k < targets.cols(); ++k) {
      if (!isZeroOrOne(targets(r, k))) return false;
      ones += targets(r, k);
    }
    if (targets.cols() > 1 && ones != 1.0) return false;
  }
  return true;
}

// Rows r of `values` with the dataset's test flag equal to `test`.
Matrix gather(const Matrix& values, const Dataset& dataset, bool test, int count) {
  Matrix result(count, values.cols());
  Eigen::Index next = 0;
  for (int r = 0; r < dataset.rows(); ++r) {
    if (dataset.isTestRow(r) == test) result.row(next++) = values.row(r);
  }
  return result;
}

}  // namespace

std::optional<double> classificationAccuracy(const Matrix& predictions, const Matrix& targets) {
  if (targets.rows() == 0 || !areClasses(targets)) return std::nullopt;
  Eigen::Index right = 0;
  for (Eigen::Index r = 0; r < targets.rows(); ++r) {
    if (targets.cols() == 1) {
      right += (predictions(r, 0) >= 0.5) == (targets(r, 0) == 1.0);
    } else {
      Eigen::Index predicted = 0;
      Eigen::Index actual = 0;
      predictions.row(r).maxCoeff(&predicted);
      targets.row(r).maxCoeff(&actual);
      right += predicted == actual;
    }
  }
  return static_cast<double>(right) / static_cast<double>(targets.rows());
}

Evaluation evaluatePredictions(Loss loss, const Matrix& predictions, const Dataset& dataset) {
  Evaluation result;
  const int tests = dataset.testRowCount();
  if (tests == 0) {
    result.trainLoss = lossValue(loss, predictions, dataset.targets);
    result.trainAccuracy = classificationAccuracy(predictions, dataset.targets);
    return result;
  }
  const int trains = dataset.rows() - tests;
  for (const bool test : {false, true}) {
    const int count = test ? tests : trains;
    const Matrix p = gather(predictions, dataset, test, count);
    const Matrix y = gather(dataset.targets, dataset, test, count);
    const double value =
        count > 0 ? lossValue(loss, p, y) : std::numeric_limits<double>::quiet_NaN();
    (test ? result.testAccuracy : result.trainAccuracy) = classificationAccuracy(p, y);
    if (test) {
      result.testLoss = value;
    } else {
      result.trainLoss = value;
    }
  }
  return result;
}

}  // namespace nnlab
