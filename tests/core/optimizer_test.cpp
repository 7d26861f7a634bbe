#include "core/optimizer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nnlab {
namespace {

// One linear unit with one weight w and a bias b; gradients are fed by hand so the expected
// values can be worked out on paper.
Network oneWeight(double w, double b) {
  Network network(NetworkSpec{1, {{1, Activation::Linear}}, true});
  network.layer(0).weights(0, 0) = w;
  network.layer(0).bias(0) = b;
  return network;
}

Gradients gradient(double gw, double gb) {
  Gradients g;
  g.weights.push_back(Matrix::Constant(1, 1, gw));
  g.bias.push_back(RowVector::Constant(1, gb));
  return g;
}

TEST(OptimizerTest, GradientDescentMovesAgainstTheGradient) {
  Network network = oneWeight(1.0, 0.5);
  Optimizer optimizer({OptimizerKind::Gd, 0.1});
  optimizer.reset(network);
  optimizer.update(gradient(2.0, -1.0), network);
  EXPECT_DOUBLE_EQ(network.layer(0).weights(0, 0), 0.8);  // 1 − 0.1·2
  EXPECT_DOUBLE_EQ(network.layer(0).bias(0), 0.6);        // 0.5 + 0.1·1
}

TEST(OptimizerTest, MomentumMatchesHandComputationAfterTwoSteps) {
  Network network = oneWeight(1.0, 0.0);
  OptimizerSettings settings{OptimizerKind::Momentum, 0.1};
  settings.momentum = 0.9;
  Optimizer optimizer(settings);
  optimizer.reset(network);
  // v1 = −0.1·2 = −0.2;          w1 = 1 − 0.2 = 0.8
  optimizer.update(gradient(2.0, 0.0), network);
  EXPECT_DOUBLE_EQ(network.layer(0).weights(0, 0), 0.8);
  // v2 = 0.9·(−0.2) − 0.1·1 = −0.28; w2 = 0.8 − 0.28 = 0.52
  optimizer.update(gradient(1.0, 0.0), network);
  EXPECT_NEAR(network.layer(0).weights(0, 0), 0.52, 1e-15);
}

TEST(OptimizerTest, AdamMatchesHandComputationAfterTwoSteps) {
  Network network = oneWeight(1.0, 0.0);
  OptimizerSettings settings{OptimizerKind::Adam, 0.01};
  Optimizer optimizer(settings);
  optimizer.reset(network);
  // t = 1, g = 2: m = 0.2, v = 0.004; m̂ = 2, v̂ = 4; step = 0.01·2/(2 + 1e-8)
  optimizer.update(gradient(2.0, 0.0), network);
  const double w1 = 1.0 - 0.01 * 2.0 / (2.0 + 1e-8);
  EXPECT_NEAR(network.layer(0).weights(0, 0), w1, 1e-15);
  // t = 2, g = −1: m = 0.9·0.2 − 0.1 = 0.08, v = 0.999·0.004 + 0.001 = 0.004996
  // m̂ = 0.08/0.19, v̂ = 0.004996/0.001999
  optimizer.update(gradient(-1.0, 0.0), network);
  const double mHat = 0.08 / (1 - 0.81);
  const double vHat = 0.004996 / (1 - 0.998001);
  const double w2 = w1 - 0.01 * mHat / (std::sqrt(vHat) + 1e-8);
  EXPECT_NEAR(network.layer(0).weights(0, 0), w2, 1e-13);
  EXPECT_EQ(optimizer.steps(), 2);
}

TEST(OptimizerTest, LearningRateChangeKeepsAdamState) {
  Network network = oneWeight(1.0, 0.0);
  Optimizer optimizer({OptimizerKind::Adam, 0.01});
  optimizer.reset(network);
  optimizer.update(gradient(2.0, 0.0), network);
  optimizer.setSettings({OptimizerKind::Adam, 0.02}, network);
  EXPECT_EQ(optimizer.steps(), 1);
  optimizer.setSettings({OptimizerKind::Momentum, 0.02}, network);
  EXPECT_EQ(optimizer.steps(), 0);
}

TEST(OptimizerTest, NamesRoundTrip) {
  for (auto kind : {OptimizerKind::Gd, OptimizerKind::Sgd, OptimizerKind::Momentum,
                    OptimizerKind::Adam, OptimizerKind::Perceptron}) {
    EXPECT_EQ(parseOptimizer(optimizerName(kind)), kind);
  }
  EXPECT_FALSE(parseOptimizer("rmsprop").has_value());
}

}  // namespace
}  // namespace nnlab

namespace nnlab {
namespace {

// Δθ of the last update, for every optimizer: what update() subtracted (up to one rounding).
TEST(OptimizerTest, LastChangeIsTheChangeTheLastUpdateMade) {
  for (OptimizerKind kind :
       {OptimizerKind::Gd, OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam}) {
    Network network(NetworkSpec{2, {{3, Activation::Tanh}, {1, Activation::Sigmoid}}, true});
    network.initialize(Init::Uniform, 4);
    OptimizerSettings settings;
    settings.kind = kind;
    settings.learningRate = 0.1;
    Optimizer optimizer(settings);
    optimizer.reset(network);
    Gradients g = Gradients::zerosLike(network);
    EXPECT_EQ(optimizer.lastChange(g).weights[0].cwiseAbs().maxCoeff(), 0.0);
    for (int step = 0; step < 3; ++step) {
      for (std::size_t l = 0; l < g.weights.size(); ++l) {
        g.weights[l].setRandom();
        g.bias[l].setRandom();
      }
      const Network before = network;
      optimizer.update(g, network);
      const Gradients change = optimizer.lastChange(g);
      for (int l = 0; l < network.layerCount(); ++l) {
        const Matrix moved = network.layer(l).weights - before.layer(l).weights;
        EXPECT_TRUE(change.weights[l].isApprox(moved, 1e-12)) << optimizerName(kind);
        const RowVector movedBias = network.layer(l).bias - before.layer(l).bias;
        EXPECT_TRUE(change.bias[l].isApprox(movedBias, 1e-12)) << optimizerName(kind);
      }
    }
  }
}

}  // namespace
}  // namespace nnlab
