#pragma once

#include <Eigen/Core>

namespace nnlab {

/// A batch of values, one sample per row (N × features). Column-major, as Eigen prefers.
using Matrix = Eigen::MatrixXd;
/// One value per unit of a layer (1 × units); broadcast over the rows of a batch.
using RowVector = Eigen::RowVectorXd;

}  // namespace nnlab
