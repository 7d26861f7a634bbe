#pragma once

#include <string>
#include <string_view>

#include "core/explained_update.h"

namespace nnlab {

// The formulas of one explained update with their numbers written in — plain mathematical
// notation without words, shared by `nnlab-cli explain` and the window's backprop view.

/// Joins text pieces by appending them (GCC 12 warns, wrongly, about "literal" + std::string&&).
template <typename... Parts>
std::string joinText(const Parts&... parts) {
  std::string out;
  (out.append(std::string_view(parts)), ...);
  return out;
}

/// The loss's definition ("SSE = Σ (y − ŷ)²").
std::string lossFormula(Loss loss);

/// A number as the explanations print it: `digits` significant digits, no "-0".
std::string formatNumber(double value, int digits);
/// A number inside a formula: negative ones in parentheses ("2·(−0.27)").
std::string formulaTerm(double value);

/// ∂L/∂ŷ of one output written as a formula ("2(ŷ − y)" for sse).
std::string lossGradientFormula(Loss loss);
/// f'(z) written in terms of a = f(z), as training computes it ("a(1 − a)" for sigmoid).
std::string derivativeFormula(Activation activation);

/// z_j of batch row `row`: "Σ_i a_i·w_ij + b_j" with its numbers, ending in "= z" (at most
/// `maxTerms` products are written; the rest are elided with "…").
std::string weightedSumSubstituted(const ExplainedUpdate& update, int layer, int row, int unit,
                                   int maxTerms = 6);
/// ∂L/∂ŷ_j of batch row `row` with its numbers: "2·(0.7299 − 0) = 1.45986".
std::string lossGradientSubstituted(const ExplainedUpdate& update, int row, int unit);
/// f'(z) of a unit with output `a`: "0.7299·(1 − 0.7299) = 0.197131".
std::string derivativeSubstituted(Activation activation, double a, double value);
/// The loss of one output of batch row `row`: "(0.7299 − 0)² = 0.5328" for sse and mse (before
/// the divisor), the cross-entropy terms otherwise.
std::string lossTermSubstituted(const ExplainedUpdate& update, int row, int unit);

}  // namespace nnlab
