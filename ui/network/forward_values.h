#pragma once

#include <vector>

#include "core/network.h"

namespace nnlab {

struct TrainingSnapshot;

/// z and a of every neuron for one sample, computed on the GUI side from a snapshot's weights
/// (cheap: one vector-matrix product per layer). Index 0 of `activations` is the input itself.
struct ForwardValues {
  std::vector<RowVector> preActivations;  ///< per network layer, 1 × units: z = x·W + b
  std::vector<RowVector> activations;     ///< inputs, then per layer 1 × units: a = f(z)

  RowVector rawInputs;  ///< the dataset row as given, before any input scaling
  /// Per network layer, 1 × units: δ = ∂L/∂z of this sample in the update the snapshot's
  /// settings make (see addDeltas); empty until computed.
  std::vector<RowVector> deltas;

  /// Runs `network` on `inputs` (1 × network.inputs()); empty when the sizes do not fit.
  static ForwardValues compute(const Network& network, const RowVector& inputs);
  /// The snapshot's network on dataset row `sample`, rescaled as the network reads it; empty
  /// when there is no such row.
  static ForwardValues forSample(const TrainingSnapshot& snapshot, int sample);
  bool empty() const { return activations.empty(); }
  /// Fills `deltas` for dataset row `sample` of `snapshot`: one backward pass of that row, as
  /// its share of a batch of the size the settings train with.
  void addDeltas(const TrainingSnapshot& snapshot, int sample);
  /// f'(z) of a unit whose output is `a`, for sigmoid and tanh (which saturate); 1 otherwise.
  static double slope(Activation activation, double a);
  /// Below this slope a unit passes almost no gradient back (σ' is at most 0.25).
  static constexpr double kSaturated = 0.01;
};

}  // namespace nnlab
