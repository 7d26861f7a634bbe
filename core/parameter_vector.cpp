#include "core/parameter_vector.h"

#include <stdexcept>
#include <string>

namespace nnlab {

Eigen::VectorXd flattenParameters(const Network& network) {
  Eigen::VectorXd flat(network.parameterCount());
  Eigen::Index at = 0;
  for (const DenseLayer& layer : network.layers()) {
    for (Eigen::Index i = 0; i < layer.weights.rows(); ++i)
      for (Eigen::Index j = 0; j < layer.weights.cols(); ++j) flat(at++) = layer.weights(i, j);
    for (Eigen::Index j = 0; j < layer.bias.size(); ++j) flat(at++) = layer.bias(j);
  }
  return flat;
}

Network withParameters(Network shape, const Eigen::VectorXd& parameters) {
  if (parameters.size() != shape.parameterCount())
    throw std::invalid_argument("expected " + std::to_string(shape.parameterCount()) +
                                " parameters, got " + std::to_string(parameters.size()));
  Eigen::Index at = 0;
  for (int l = 0; l < shape.layerCount(); ++l) {
    DenseLayer& layer = shape.layer(l);
    for (Eigen::Index i = 0; i < layer.weights.rows(); ++i)
      for (Eigen::Index j = 0; j < layer.weights.cols(); ++j)
        layer.weights(i, j) = parameters(at++);
    for (Eigen::Index j = 0; j < layer.bias.size(); ++j) layer.bias(j) = parameters(at++);
  }
  return shape;
}

}  // namespace nnlab
