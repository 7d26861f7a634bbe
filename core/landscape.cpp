#include "core/landscape.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/parameter_vector.h"

namespace nnlab {

namespace {

/// Indices of at most `count` of `n` points, evenly spread, the first and last included.
std::vector<std::size_t> spread(std::size_t n, int count) {
  std::vector<std::size_t> chosen;
  const std::size_t m = std::min<std::size_t>(n, static_cast<std::size_t>(std::max(count, 2)));
  for (std::size_t i = 0; i < m; ++i)
    chosen.push_back(m == 1 ? 0
                            : static_cast<std::size_t>(
                                  std::llround(static_cast<double>(i) * (n - 1) / (m - 1))));
  return chosen;
}

/// A unit vector orthogonal to every one of `others` (unit, orthogonal): the first standard
/// basis vector that keeps enough of itself after Gram–Schmidt. Zero when none exists (size 1).
Eigen::VectorXd orthogonalTo(const std::vector<Eigen::VectorXd>& others, Eigen::Index size) {
  for (Eigen::Index k = 0; k < size; ++k) {
    Eigen::VectorXd v = Eigen::VectorXd::Unit(size, k);
    for (const auto& other : others) v -= other.dot(v) * other;
    if (v.norm() > 0.5) return v.normalized();
  }
  return Eigen::VectorXd::Zero(size);
}

}  // namespace

Eigen::Vector2d LandscapePlane::project(const Eigen::VectorXd& point) const {
  const Eigen::VectorXd d = point - centre;
  return {first.dot(d), second.dot(d)};
}

Eigen::VectorXd LandscapePlane::pointAt(double a, double b) const {
  return centre + a * first + b * second;
}

LandscapePlane principalPlane(const std::vector<Eigen::VectorXd>& points, int maxPoints) {
  if (points.empty()) throw std::invalid_argument("the plane needs at least one point");
  const Eigen::Index p = points.front().size();
  const std::vector<std::size_t> chosen = spread(points.size(), maxPoints);
  const auto n = static_cast<Eigen::Index>(chosen.size());
  LandscapePlane plane;
  plane.centre = Eigen::VectorXd::Zero(p);
  for (const std::size_t i : chosen) plane.centre += points[i];
  plane.centre /= static_cast<double>(n);
  Eigen::MatrixXd x(n, p);  // one centred point per row
  for (Eigen::Index r = 0; r < n; ++r) x.row(r) = (points[chosen[r]] - plane.centre).transpose();
  // Xᵀ·X (p × p) and X·Xᵀ (n × n) share their non-zero eigenvalues; a direction of the first is
  // Xᵀ·u for an eigenvector u of the second. Decompose the smaller of the two.
  const bool gram = n < p;
  const Eigen::MatrixXd product =
      gram ? Eigen::MatrixXd(x * x.transpose()) : Eigen::MatrixXd(x.transpose() * x);
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(product);
  const Eigen::VectorXd& values = solver.eigenvalues();  // ascending
  const double total = std::max(values.sum(), 0.0);
  std::vector<Eigen::VectorXd> directions;
  std::vector<double> shares;
  for (Eigen::Index k = values.size() - 1; k >= 0 && directions.size() < 2; --k) {
    if (!(values(k) > 1e-12 * std::max(total, 1e-300))) break;
    Eigen::VectorXd v = gram ? Eigen::VectorXd(x.transpose() * solver.eigenvectors().col(k))
                             : Eigen::VectorXd(solver.eigenvectors().col(k));
    if (v.norm() == 0.0) break;
    directions.push_back(v.normalized());
    shares.push_back(values(k) / total);
  }
  while (directions.size() < 2) {
    directions.push_back(orthogonalTo(directions, p));
    shares.push_back(0.0);
  }
  const Eigen::VectorXd travel = points.back() - points.front();
  for (Eigen::VectorXd& v : directions) {
    double side = v.dot(travel);
    if (std::abs(side) <= 1e-12 * travel.norm()) {
      Eigen::Index largest = 0;
      v.cwiseAbs().maxCoeff(&largest);
      side = v(largest);
    }
    if (side < 0.0) v = -v;
  }
  plane.first = directions[0];
  plane.second = directions[1];
  plane.firstShare = shares[0];
  plane.secondShare = shares[1];
  return plane;
}

std::optional<LossGrid> computeLossGrid(const LossGridRequest& request,
                                        const std::function<bool(int, int)>& progress) {
  if (request.resolution < 2) throw std::invalid_argument("the grid needs at least 2 × 2 nodes");
  if (request.plane.centre.size() != request.shape.parameterCount())
    throw std::invalid_argument("the plane does not fit the network");
  LossGrid grid;
  grid.left = request.left, grid.right = request.right;
  grid.bottom = request.bottom, grid.top = request.top;
  grid.resolution = request.resolution;
  grid.values.resize(static_cast<std::size_t>(grid.resolution) * grid.resolution);
  // The trainer's own evaluation, so that a node on the path has the loss the run reported.
  Trainer trainer(request.shape, request.data, request.settings);
  for (int row = 0; row < grid.resolution; ++row) {
    for (int column = 0; column < grid.resolution; ++column) {
      const Eigen::VectorXd point = request.plane.pointAt(grid.a(column), grid.b(row));
      trainer.setNetwork(withParameters(request.shape, point));
      grid.values[static_cast<std::size_t>(row) * grid.resolution + column] = trainer.evaluate();
    }
    if (progress && !progress(row + 1, grid.resolution)) return std::nullopt;
  }
  return grid;
}

}  // namespace nnlab
