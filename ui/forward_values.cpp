#include "forward_values.h"

namespace nnlab {

ForwardValues ForwardValues::compute(const Network& network, const RowVector& inputs) {
  ForwardValues values;
  if (inputs.size() != network.inputs()) return values;
  values.activations.push_back(inputs);
  for (const DenseLayer& layer : network.layers()) {
    RowVector z = values.activations.back() * layer.weights;
    if (layer.hasBias()) z += layer.bias;
    // The core's row-wise form: softmax needs the whole layer to normalise each unit.
    Matrix a(1, z.size());
    applyActivation(layer.activation, Matrix(z), a);
    values.preActivations.push_back(std::move(z));
    values.activations.push_back(std::move(a));
  }
  return values;
}

}  // namespace nnlab
