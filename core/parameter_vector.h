#pragma once

#include "core/network.h"
#include "core/types.h"

namespace nnlab {

/// Every weight and bias of `network` as one column vector, layer by layer: the layer's weights
/// row by row (weights(i, j) at i · units + j), then its biases. The point a network is in
/// parameter space, for the loss landscape.
Eigen::VectorXd flattenParameters(const Network& network);
/// `shape` with its parameters replaced by `parameters` (laid out as flattenParameters). Throws
/// std::invalid_argument when the count differs from shape.parameterCount().
Network withParameters(Network shape, const Eigen::VectorXd& parameters);

}  // namespace nnlab
