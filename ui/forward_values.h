#pragma once

#include <vector>

#include "network.h"

namespace nnlab {

/// z and a of every neuron for one sample, computed on the GUI side from a snapshot's weights
/// (cheap: one vector-matrix product per layer). Index 0 of `activations` is the input itself.
struct ForwardValues {
  std::vector<RowVector> preActivations;  ///< per network layer, 1 × units: z = x·W + b
  std::vector<RowVector> activations;     ///< inputs, then per layer 1 × units: a = f(z)

  /// Runs `network` on `inputs` (1 × network.inputs()); empty when the sizes do not fit.
  static ForwardValues compute(const Network& network, const RowVector& inputs);
  bool empty() const { return activations.empty(); }
};

}  // namespace nnlab
