#include "ui/backprop/answer_format.h"

#include <algorithm>
#include <cmath>

namespace nnlab {

std::vector<int> answerDecimals(const Matrix& predictions, const Matrix& targets) {
  std::vector<int> decimals(static_cast<std::size_t>(targets.cols()), -1);
  if (predictions.rows() != targets.rows() || predictions.cols() != targets.cols()) return decimals;
  for (Eigen::Index t = 0; t < targets.cols(); ++t) {
    double largest = 0.0;
    bool whole = true;
    for (Eigen::Index i = 0; i < predictions.rows(); ++i) {
      const double p = std::abs(predictions(i, t));
      const double y = std::abs(targets(i, t));
      if (!std::isfinite(p)) continue;
      largest = std::max({largest, p, y});
      whole = whole && p == std::floor(p) && y == std::floor(y);
    }
    if (predictions.rows() == 0 || largest >= 1e6) continue;  // four significant digits
    if (whole) {
      decimals[t] = 0;
      continue;
    }
    const int integerDigits =
        largest < 1.0 ? 1 : static_cast<int>(std::floor(std::log10(largest))) + 1;
    decimals[t] = std::clamp(5 - integerDigits, 0, 4);
  }
  return decimals;
}

QString formatAnswer(double value, int decimals) {
  if (std::isnan(value)) return {};
  return decimals < 0 ? QString::number(value, 'g', 4) : QString::number(value, 'f', decimals);
}

}  // namespace nnlab
