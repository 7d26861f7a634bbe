// CurveSamples: the 1-input curve view's numbers come from the network's own forward pass.
#include "core/curve_samples.h"

#include <gtest/gtest.h>

namespace nnlab {
namespace {

Network sineLike(int hiddenLayers) {
  NetworkSpec spec;
  spec.inputs = 1;
  for (int i = 0; i < hiddenLayers; ++i) spec.layers.push_back({5, Activation::Tanh});
  spec.layers.push_back({1, Activation::Linear});
  Network network(spec);
  network.initialize(Init::Xavier, 7);
  return network;
}

TEST(CurveSamples, OutputIsThePredictionAtEvenlySpacedInputs) {
  const Network network = sineLike(1);
  const auto samples = CurveSamples::compute(network, InputScaling(), -2.0, 2.0, 5);
  ASSERT_EQ(samples.output.rows(), 5);
  EXPECT_DOUBLE_EQ(samples.inputs(0, 0), -2.0);
  EXPECT_DOUBLE_EQ(samples.inputs(1, 0), -1.0);
  EXPECT_DOUBLE_EQ(samples.inputs(4, 0), 2.0);
  const Matrix expected = network.predict(samples.inputs);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(samples.output(i, 0), expected(i, 0));
}

TEST(CurveSamples, ContributionsSumToTheOutputOfALinearOutputLayer) {
  const Network network = sineLike(1);
  const auto samples = CurveSamples::compute(network, InputScaling(), -1.0, 1.0, 9);
  ASSERT_EQ(samples.hidden.cols(), 5);
  ASSERT_EQ(samples.contributions.cols(), 5);
  const double bias = network.layer(1).bias(0);
  for (int i = 0; i < 9; ++i) {
    const double x = samples.inputs(i, 0);
    const double a0 = std::tanh(x * network.layer(0).weights(0, 0) + network.layer(0).bias(0));
    EXPECT_NEAR(samples.hidden(i, 0), a0, 1e-12);
    EXPECT_NEAR(samples.contributions(i, 0), a0 * network.layer(1).weights(0, 0), 1e-12);
    EXPECT_NEAR(samples.contributions.row(i).sum() + bias, samples.output(i, 0), 1e-12);
  }
}

TEST(CurveSamples, InputsAreRescaledAsTheNetworkReadsThem) {
  const Network network = sineLike(1);
  const InputScaling scaling(ScalingKind::ZScore, RowVector::Constant(1, 3.0),
                             RowVector::Constant(1, 2.0));
  const auto samples = CurveSamples::compute(network, scaling, 1.0, 5.0, 3);
  ASSERT_EQ(samples.output.rows(), 3);
  EXPECT_DOUBLE_EQ(samples.inputs(2, 0), 5.0);
  const Matrix expected = network.predict(scaling.apply(samples.inputs));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(samples.output(i, 0), expected(i, 0));
  EXPECT_NE(samples.output(0, 0), network.predict(samples.inputs)(0, 0));
}

TEST(CurveSamples, DeeperNetworksHaveHiddenCurvesButNoContributions) {
  const auto samples = CurveSamples::compute(sineLike(2), InputScaling(), -1.0, 1.0, 4);
  EXPECT_EQ(samples.hidden.cols(), 5);
  EXPECT_EQ(samples.contributions.size(), 0);
}

TEST(CurveSamples, EmptyForNetworksWithoutOneInputAndOneOutput) {
  NetworkSpec spec;
  spec.inputs = 2;
  spec.layers = {{3, Activation::Tanh}, {1, Activation::Sigmoid}};
  EXPECT_TRUE(CurveSamples::compute(Network(spec), InputScaling(), 0.0, 1.0, 10).empty());
}

}  // namespace
}  // namespace nnlab
