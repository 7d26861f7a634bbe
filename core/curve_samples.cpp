#include "core/curve_samples.h"

#include <vector>

namespace nnlab {

CurveSamples CurveSamples::compute(const Network& network, const InputScaling& scaling, double low,
                                   double high, int count) {
  CurveSamples samples;
  if (network.inputs() != 1 || network.outputs() != 1 || network.layerCount() == 0 || count < 2)
    return samples;
  samples.inputs.resize(count, 1);
  for (int i = 0; i < count; ++i) samples.inputs(i, 0) = low + (high - low) * i / (count - 1);
  const bool scaled = !scaling.isIdentity() && scaling.offset().size() == 1;
  const Matrix x = scaled ? scaling.apply(samples.inputs) : samples.inputs;
  samples.output = network.predict(x);
  if (network.layerCount() < 2) return samples;
  // The first hidden layer alone is a network of its own: its outputs are the units' curves.
  const Network first = Network::fromLayers(1, std::vector<DenseLayer>{network.layer(0)});
  samples.hidden = first.predict(x);
  if (network.layerCount() == 2) {
    // z_out = Σ_j a_j · W₂(j, 0) + b: column j is unit j's term of that sum.
    const Matrix& outgoing = network.layer(1).weights;  // units × 1
    samples.contributions = samples.hidden * outgoing.col(0).asDiagonal();
  }
  return samples;
}

}  // namespace nnlab
