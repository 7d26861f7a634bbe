#pragma once

#include <vector>

#include "core/optimizer.h"
#include "core/types.h"

namespace nnlab {

/// One layer of one update, as the trainer computed it (every matrix holds the bits training
/// used). Shapes: rows × units for z, a, ∂L/∂a and δ; fan_in × units for weights and gradients.
struct LayerTrace {
  Matrix weightsBefore;
  RowVector biasBefore;  ///< empty without bias
  Matrix z;              ///< z = a_in·W + b
  Matrix a;              ///< a = f(z)
  /// ∂L/∂a: from the loss for the output layer, δ_{l+1}·W_{l+1}ᵀ below it. Empty for an output
  /// layer whose δ the trainer takes in one piece (softmax + ce, sigmoid + bce).
  Matrix lossGradient;
  Matrix delta;         ///< δ = ∂L/∂z
  Matrix dataGradient;  ///< a_inᵀ·δ, the gradient of the data term alone
  Matrix gradWeights;   ///< what the optimizer received: dataGradient + the L1/L2 terms
  RowVector gradBias;   ///< Σ_rows δ (empty without bias)
  Matrix weightsAfter;
  RowVector biasAfter;
};

/// Everything one parameter update of a Trainer computed, captured from the trainer's own code
/// path (see Trainer::traceNextUpdate), so nothing here is a second implementation.
struct UpdateTrace {
  long long epoch = 0;    ///< epochs completed before this update
  std::vector<int> rows;  ///< the batch: indices into the dataset's rows, in batch order
  int trainingRows = 0;   ///< rows an epoch trains on (the batch is all of them or a part)
  Matrix inputs;          ///< the batch as the first layer sees it (rows × inputs)
  Matrix targets;         ///< the batch as the loss sees it (rows × outputs)
  double lossSum = 0.0;   ///< the batch's summed loss (before the divisor)
  double divisor = 1.0;   ///< lossSum / divisor is the loss; ∂L/∂a carries the same divisor
  bool fused = false;  ///< the output δ is ŷ − y over the divisor (softmax + ce, sigmoid + bce)
  bool diverged = false;  ///< the loss was not finite: no update was applied
  std::vector<LayerTrace> layers;
  OptimizerSettings optimizer;
  OptimizerState optimizerBefore;
  OptimizerState optimizerAfter;
};

}  // namespace nnlab
