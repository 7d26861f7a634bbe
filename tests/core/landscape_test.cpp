// The loss landscape's numbers: the principal plane of a run's weights, the loss over it, and the
// runner's recorded weights it is drawn from.
#include "core/landscape.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "core/loss.h"
#include "core/parameter_vector.h"
#include "core/presets.h"
#include "core/training_runner.h"
#include "tests/core/runner_test_support.h"

namespace nnlab {
namespace {

Eigen::VectorXd vec(std::initializer_list<double> values) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (const double x : values) v(i++) = x;
  return v;
}

TEST(Landscape, ParametersFlattenLayerByLayerAndComeBack) {
  const Preset seed = *findPreset("seed");
  Network network = seed.makeNetwork();
  network.layer(0).weights(1, 2) = 0.25;
  const Eigen::VectorXd flat = flattenParameters(network);
  ASSERT_EQ(flat.size(), network.parameterCount());
  EXPECT_EQ(flat(1 * 4 + 2), 0.25);  // weights(i, j) at i·units + j
  EXPECT_EQ(flat(12), network.layer(1).weights(0, 0));
  const Network back = withParameters(network, flat);
  EXPECT_EQ(back.layer(0).weights, network.layer(0).weights);
  EXPECT_EQ(back.layer(1).weights, network.layer(1).weights);
  EXPECT_THROW(withParameters(network, Eigen::VectorXd::Zero(3)), std::invalid_argument);
}

TEST(Landscape, PrincipalPlaneOfPointsOnAnEllipseInAPlaneOf3D) {
  // Points centred on c, spread 3 along u and 1 along v (u, v orthonormal, tilted in 3-D).
  const Eigen::VectorXd c = vec({1.0, 2.0, 3.0});
  const Eigen::VectorXd u = vec({1.0, 1.0, 0.0}).normalized();
  const Eigen::VectorXd v = vec({0.0, 0.0, 1.0});
  std::vector<Eigen::VectorXd> points;
  for (int k = 0; k < 8; ++k) {
    const double t = 2.0 * M_PI * k / 8.0;
    points.push_back(c + 3.0 * std::cos(t) * u + std::sin(t) * v);
  }
  const LandscapePlane plane = principalPlane(points);
  EXPECT_NEAR((plane.centre - c).norm(), 0.0, 1e-12);
  EXPECT_NEAR(std::abs(plane.first.dot(u)), 1.0, 1e-12);
  EXPECT_NEAR(std::abs(plane.second.dot(v)), 1.0, 1e-12);
  EXPECT_NEAR(plane.first.dot(plane.second), 0.0, 1e-12);
  // Variance 9/2 along u, 1/2 along v: shares 0.9 and 0.1.
  EXPECT_NEAR(plane.firstShare, 0.9, 1e-12);
  EXPECT_NEAR(plane.secondShare, 0.1, 1e-12);
  // Points in the plane come back exactly from their coordinates.
  const Eigen::Vector2d at = plane.project(points[1]);
  EXPECT_NEAR((plane.pointAt(at(0), at(1)) - points[1]).norm(), 0.0, 1e-12);
  // The last point lies on the positive side of the first along each direction.
  EXPECT_GE(plane.project(points.back())(0), plane.project(points.front())(0));
}

TEST(Landscape, TheGramFormGivesTheSameDirectionsWhenPointsAreFewerThanDimensions) {
  // 3 points in 5-D: the PCA goes through the 3 × 3 Gram matrix.
  std::vector<Eigen::VectorXd> points{vec({0, 0, 0, 0, 0}), vec({4, 0, 0, 0, 0}),
                                      vec({2, 0, 1, 0, 0})};
  const LandscapePlane plane = principalPlane(points);
  EXPECT_NEAR(plane.first.norm(), 1.0, 1e-12);
  EXPECT_NEAR(std::abs(plane.first(0)), 1.0, 1e-12);   // the long side, along x₁
  EXPECT_NEAR(std::abs(plane.second(2)), 1.0, 1e-12);  // then x₃
  EXPECT_NEAR(plane.firstShare + plane.secondShare, 1.0, 1e-12);
}

TEST(Landscape, PointsOnALineGetAnOrthogonalSecondDirection) {
  const LandscapePlane plane = principalPlane({vec({0, 0, 0}), vec({1, 1, 0})});
  EXPECT_NEAR(plane.first.dot(vec({1, 1, 0}).normalized()), 1.0, 1e-12);
  EXPECT_NEAR(plane.second.norm(), 1.0, 1e-12);
  EXPECT_NEAR(plane.first.dot(plane.second), 0.0, 1e-12);
  EXPECT_EQ(plane.secondShare, 0.0);
}

TEST(Landscape, TheGridLossAtANodeIsTheLossOfTheWeightsThere) {
  const Preset seed = *findPreset("seed");
  const Network start = seed.makeNetwork();
  Network middle = start, end = start;
  middle.layer(0).weights.array() += 0.3;
  end.layer(1).weights.array() -= 0.5;
  end.layer(0).weights(0, 0) += 1.0;
  // Three networks span a plane exactly: each one lies on it.
  const LandscapePlane plane =
      principalPlane({flattenParameters(start), flattenParameters(middle), flattenParameters(end)});
  const Eigen::Vector2d at = plane.project(flattenParameters(middle));
  LossGridRequest request{start, seed.dataset, seed.settings, plane};
  request.resolution = 3;  // the middle node is the centre of the square: put `middle` there
  request.left = at(0) - 1.0, request.right = at(0) + 1.0;
  request.bottom = at(1) - 0.5, request.top = at(1) + 0.5;
  const auto grid = computeLossGrid(request);
  ASSERT_TRUE(grid);
  const double expected =
      lossValue(seed.settings.loss, middle.predict(seed.dataset.inputs), seed.dataset.targets);
  EXPECT_NEAR(grid->at(1, 1), expected, 1e-12 * expected);
  EXPECT_NE(grid->at(0, 0), grid->at(1, 1));
  EXPECT_DOUBLE_EQ(grid->a(2), at(0) + 1.0);
  EXPECT_DOUBLE_EQ(grid->b(0), at(1) - 0.5);
}

TEST(Landscape, TheGridStopsWhenCancelled) {
  const Preset seed = *findPreset("seed");
  const Network start = seed.makeNetwork();
  LossGridRequest request{start, seed.dataset, seed.settings,
                          principalPlane({flattenParameters(start)})};
  request.resolution = 8;
  int rows = 0;
  const auto grid = computeLossGrid(request, [&](int done, int total) {
    EXPECT_EQ(total, 8);
    rows = done;
    return done < 3;
  });
  EXPECT_FALSE(grid);
  EXPECT_EQ(rows, 3);
}

TEST(Landscape, TheRunnerGivesTheRecordedWeightsOfItsHistory) {
  const Preset seed = *findPreset("seed");
  TrainingRunner runner(seed.makeNetwork(), seed.init, seed.seed, seed.dataset, seed.settings);
  runner.step(20);
  const auto done = testing::waitFor(runner, [](const TrainingSnapshot& s) {
    return s.epoch == 20 && s.state == RunState::Paused;
  });
  const std::vector<RecordedWeights> records = runner.historyWeights().get();
  ASSERT_GE(records.size(), 2u);
  EXPECT_EQ(records.front().epoch, 0);
  for (std::size_t i = 1; i < records.size(); ++i)
    EXPECT_GT(records[i].epoch, records[i - 1].epoch);
  // Each record is the run's own weights at its epoch.
  const auto shown = runner.snapshotAt(records.back().epoch).get();
  ASSERT_TRUE(shown);
  EXPECT_EQ(records.back().parameters, flattenParameters(shown->network));
  EXPECT_NE(records.front().parameters, records.back().parameters);
}

}  // namespace
}  // namespace nnlab
