#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/types.h"

namespace nnlab {

/// How far predictions ŷ are from targets y, over a batch of N samples with K outputs.
///   sse = Σ (ŷ − y)²                         — the seed article's loss: no ½, no mean
///   mse = sse / (N·K)
///   bce = mean over N·K of −[y ln ŷ + (1 − y) ln(1 − ŷ)], ŷ clamped to [ε, 1 − ε]
///   ce  = mean over the N samples of −Σ_k y_k ln ŷ_k, ŷ clamped to ≥ ε (categorical
///         cross-entropy: one-hot targets, usually a softmax output)
enum class Loss { Sse, Mse, Bce, Ce };

std::string_view lossName(Loss loss);
/// The name shown to people: "SSE", "MSE", "BCE", "CE".
std::string_view lossLabel(Loss loss);
std::optional<Loss> parseLoss(std::string_view name);
std::string lossNames();

/// The summed per-entry loss, before any mean: Σ (ŷ − y)² or Σ −[y ln ŷ + (1 − y) ln(1 − ŷ)].
double lossSum(Loss loss, const Matrix& prediction, const Matrix& target);
/// Divisor turning lossSum over `rows` × `columns` values into the loss: 1 for sse, N for ce,
/// N·K otherwise.
double lossDivisor(Loss loss, double rows, double columns);
/// The loss of a whole batch: lossSum / lossDivisor.
double lossValue(Loss loss, const Matrix& prediction, const Matrix& target);
/// gradient = ∂L/∂ŷ, where L = lossSum / `divisor` (lossDivisor of the batch at hand).
/// `gradient` must have ŷ's shape.
void lossGradient(Loss loss, const Matrix& prediction, const Matrix& target, double divisor,
                  Matrix& gradient);
/// lossSum and lossGradient in one pass over the batch (the trainer's hot path).
double lossSumAndGradient(Loss loss, const Matrix& prediction, const Matrix& target, double divisor,
                          Matrix& gradient);

/// sse and mse: gradient = 2(ŷ − y)/divisor, and returns Σ(ŷ − y)², for matrices of any size,
/// fixed or not (lossSumAndGradient and the fixed-size loop run it).
template <typename P, typename T, typename G>
double squaredErrorSumAndGradient(const P& prediction, const T& target, double divisor,
                                  G& gradient) {
  gradient.noalias() = prediction - target;  // ŷ − y, then scaled into 2(ŷ − y)/divisor
  const double sum = gradient.squaredNorm();
  gradient *= 2.0 / divisor;
  return sum;
}

}  // namespace nnlab
