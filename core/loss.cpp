#include "core/loss.h"

#include <array>

#include "core/name_table.h"

namespace nnlab {
namespace {

// Keeps ln ŷ finite when a sigmoid saturates to exactly 0 or 1.
constexpr double kEpsilon = 1e-12;

constexpr NameTable<Loss, 4> kLosses{{{
    {Loss::Sse, "sse", "SSE"},
    {Loss::Mse, "mse", "MSE"},
    {Loss::Bce, "bce", "BCE"},
    {Loss::Ce, "ce", "CE"},
}}};

}  // namespace

std::string_view lossName(Loss loss) { return kLosses.name(loss); }

std::string_view lossLabel(Loss loss) { return kLosses.label(loss); }

std::optional<Loss> parseLoss(std::string_view name) { return kLosses.parse(name); }

std::string lossNames() { return kLosses.names(); }

double lossSum(Loss loss, const Matrix& prediction, const Matrix& target) {
  switch (loss) {
    case Loss::Sse:
    case Loss::Mse:
      return (prediction - target).squaredNorm();
    case Loss::Bce: {
      const auto p = prediction.array().max(kEpsilon).min(1.0 - kEpsilon);
      const auto y = target.array();
      return -(y * p.log() + (1.0 - y) * (1.0 - p).log()).sum();
    }
    case Loss::Ce:
      return -(target.array() * prediction.array().max(kEpsilon).log()).sum();
  }
  return 0.0;
}

double lossDivisor(Loss loss, double rows, double columns) {
  switch (loss) {
    case Loss::Sse:
      return 1.0;
    case Loss::Ce:
      return rows;
    case Loss::Mse:
    case Loss::Bce:
      break;
  }
  return rows * columns;
}

double lossValue(Loss loss, const Matrix& prediction, const Matrix& target) {
  return lossSum(loss, prediction, target) / lossDivisor(loss,
                                                         static_cast<double>(prediction.rows()),
                                                         static_cast<double>(prediction.cols()));
}

void lossGradient(Loss loss, const Matrix& prediction, const Matrix& target, double divisor,
                  Matrix& gradient) {
  switch (loss) {
    case Loss::Sse:
    case Loss::Mse:
      // ∂/∂ŷ Σ (ŷ − y)² = 2(ŷ − y)
      gradient.array() = (2.0 / divisor) * (prediction - target).array();
      break;
    case Loss::Bce: {
      // ∂/∂ŷ −[y ln ŷ + (1 − y) ln(1 − ŷ)] = (ŷ − y) / (ŷ(1 − ŷ)); zero where the clamp holds ŷ.
      const auto p = prediction.array().max(kEpsilon).min(1.0 - kEpsilon);
      const auto inside = (prediction.array() == p).cast<double>();
      gradient.array() = inside * (p - target.array()) / (p * (1.0 - p)) / divisor;
      break;
    }
    case Loss::Ce: {
      // ∂/∂ŷ −Σ y ln ŷ = −y / ŷ; zero where the clamp holds ŷ at ε.
      const auto p = prediction.array().max(kEpsilon);
      const auto inside = (prediction.array() == p).cast<double>();
      gradient.array() = -inside * target.array() / p / divisor;
      break;
    }
  }
}

double lossSumAndGradient(Loss loss, const Matrix& prediction, const Matrix& target, double divisor,
                          Matrix& gradient) {
  if (loss == Loss::Bce || loss == Loss::Ce) {
    lossGradient(loss, prediction, target, divisor, gradient);
    return lossSum(loss, prediction, target);
  }
  return squaredErrorSumAndGradient(prediction, target, divisor, gradient);
}

}  // namespace nnlab
