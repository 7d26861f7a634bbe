#include "forward_values.h"

namespace nnlab {

ForwardValues ForwardValues::compute(const Network& network, const RowVector& inputs) {
  ForwardValues values;
  if (inputs.size() != network.inputs()) return values;
  values.activations.push_back(inputs);
  for (const DenseLayer& layer : network.layers()) {
    RowVector z = values.activations.back() * layer.weights;
    if (layer.hasBias()) z += layer.bias;
    RowVector a(z.size());
    for (Eigen::Index j = 0; j < z.size(); ++j) a(j) = applyActivation(layer.activation, z(j));
    values.preActivations.push_back(std::move(z));
    values.activations.push_back(std::move(a));
  }
  return values;
}

}  // namespace nnlab
