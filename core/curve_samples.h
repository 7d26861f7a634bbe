#pragma once

#include "core/input_scaling.h"
#include "core/network.h"
#include "core/types.h"

namespace nnlab {

/// A 1-input, 1-output network sampled over an interval of its input, for drawing it as a curve:
/// the output, and each unit of the first hidden layer (its activation, and for a network with
/// one hidden layer its share of the output's sum, a·w). Computed with Network::predict.
struct CurveSamples {
  Matrix inputs;  ///< count × 1, the raw inputs (as the data gives them), evenly spaced
  Matrix output;  ///< count × 1: ŷ
  /// count × units of the first hidden layer: a = f(x·W₁ + b₁); 0 columns without a hidden layer.
  Matrix hidden;
  /// count × units: a_j · W₂(j, 0), whose sum plus the output's bias is the output's z; empty
  /// unless the network has exactly one hidden layer.
  Matrix contributions;

  /// Samples `network` (1 input, 1 output) at `count` ≥ 2 evenly spaced raw inputs from `low` to
  /// `high`, rescaled by `scaling` as the network reads them. Empty for other networks.
  static CurveSamples compute(const Network& network, const InputScaling& scaling, double low,
                              double high, int count);
  bool empty() const { return output.rows() == 0; }
};

}  // namespace nnlab
