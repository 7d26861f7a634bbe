#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/dataset.h"
#include "core/network.h"
#include "core/trainer.h"
#include "core/types.h"

namespace nnlab {

/// A plane through parameter space: the centre of a run's recorded weights and their two
/// principal directions (PCA of the centred records), so that the run's path lies as near the
/// plane as any plane allows (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets").
struct LandscapePlane {
  Eigen::VectorXd centre;  ///< mean of the points
  Eigen::VectorXd first;   ///< unit direction of the largest variance
  Eigen::VectorXd second;  ///< unit direction of the next largest, orthogonal to `first`
  /// Shares of the points' variance along `first` and `second` (0 when they do not vary).
  double firstShare = 0.0;
  double secondShare = 0.0;

  /// Coordinates (along first, along second) of `point`'s projection onto the plane.
  Eigen::Vector2d project(const Eigen::VectorXd& point) const;
  /// The point of parameter space at plane coordinates (a, b): centre + a·first + b·second.
  Eigen::VectorXd pointAt(double a, double b) const;
};

/// The principal plane of `points` (all of one size ≥ 1; at least one point). Each direction's
/// sign is chosen so that the last point lies on its positive side of the first (or, when they
/// tie, its largest component is positive). Directions the points do not span (fewer than 3
/// points, or points on a line) are completed with unit vectors orthogonal to the others.
/// At most `maxPoints` points, evenly spread (first and last included), enter the PCA.
LandscapePlane principalPlane(const std::vector<Eigen::VectorXd>& points, int maxPoints = 512);

/// The loss over a square of a plane: resolution × resolution values at the nodes
/// a_c = left + c·(right − left)/(resolution − 1), b_r likewise from bottom to top.
struct LossGrid {
  double left = -1.0, right = 1.0, bottom = -1.0, top = 1.0;
  int resolution = 0;
  std::vector<double> values;  ///< row r (b_r, from the bottom) · resolution + column c

  double a(int column) const { return left + (right - left) * column / (resolution - 1); }
  double b(int row) const { return bottom + (top - bottom) * row / (resolution - 1); }
  double at(int row, int column) const { return values[row * resolution + column]; }
};

/// What a loss grid is computed from: the network's shape, the data as the network reads it
/// (input scaling applied) and the settings (for the loss), the plane, the square and its size.
struct LossGridRequest {
  Network shape;
  Dataset data;
  TrainingSettings settings;
  LandscapePlane plane;
  double left = -1.0, right = 1.0, bottom = -1.0, top = 1.0;
  int resolution = 32;  ///< ≥ 2
};

/// The training loss (as Trainer::evaluate: no regularisation) of the weights at every node of
/// the request's grid. `progress(rowsDone, rows)` is called after each row; when it returns false
/// the computation stops and the result is nullopt (cancelled). Throws std::invalid_argument when
/// the pieces do not fit together.
std::optional<LossGrid> computeLossGrid(const LossGridRequest& request,
                                        const std::function<bool(int, int)>& progress = {});

}  // namespace nnlab
