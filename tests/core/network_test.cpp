#include "core/network.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/presets.h"
#include "core/trainer.h"

namespace nnlab {
namespace {

Network smallNetwork(bool bias) {
  Network network(NetworkSpec{2, {{3, Activation::Tanh}, {1, Activation::Sigmoid}}, bias});
  network.initialize(Init::Uniform, 3);
  if (bias) {
    network.layer(0).bias << 0.1, -0.2, 0.3;
    network.layer(1).bias << -0.05;
  }
  return network;
}

TEST(NetworkTest, PredictIsTheForwardPassWrittenOut) {
  const Network network = smallNetwork(true);
  Matrix x(5, 2);
  x << 0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8, -0.9, -1.0;
  const auto& l1 = network.layer(0);
  const auto& l2 = network.layer(1);
  const Matrix hidden = ((x * l1.weights).rowwise() + l1.bias).array().tanh().matrix();
  const Matrix z2 = (hidden * l2.weights).rowwise() + l2.bias;
  const Matrix expected = (1.0 + (-z2.array()).exp()).inverse().matrix();
  EXPECT_TRUE(network.predict(x).isApprox(expected, 1e-14));
}

TEST(NetworkTest, PredictGivesTrainingsOwnBits) {
  // Prediction and training run one forward pass: the seed's answers agree to the last bit.
  const Preset seed = seedPreset();
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  trainer.step(25);
  const Matrix trained = trainer.predictAll();
  EXPECT_EQ(trainer.network().predict(seed.dataset.inputs), trained);
}

TEST(NetworkTest, PredictRefusesTheWrongNumberOfInputs) {
  EXPECT_THROW(smallNetwork(false).predict(Matrix::Zero(2, 3)), std::invalid_argument);
}

TEST(NetworkTest, ShapeParametersAndSpecFollowTheLayers) {
  const Network network = smallNetwork(true);
  EXPECT_EQ(network.inputs(), 2);
  EXPECT_EQ(network.outputs(), 1);
  EXPECT_EQ(network.layerCount(), 2);
  EXPECT_EQ(network.parameterCount(), 2 * 3 + 3 + 3 * 1 + 1);
  EXPECT_EQ(network.spec().shapeText(), "2-3-1");
  EXPECT_TRUE(network.spec().bias);
  EXPECT_FALSE(smallNetwork(false).spec().bias);
  EXPECT_TRUE(network.sameShape(smallNetwork(true)));
  EXPECT_FALSE(network.sameShape(smallNetwork(false)));
}

TEST(NetworkTest, SoftmaxBelowTheOutputIsRefusedTheSameWayEverywhere) {
  const NetworkSpec spec{2, {{3, Activation::Softmax}, {2, Activation::Softmax}}, true};
  const auto problem = spec.validate();
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(*problem, *softmaxPlacementProblem(spec.layers));
  EXPECT_NE(problem->find("layer 1 of 2"), std::string::npos) << *problem;
  std::vector<DenseLayer> layers(2);
  layers[0].weights = Matrix::Zero(2, 3);
  layers[0].activation = Activation::Softmax;
  layers[1].weights = Matrix::Zero(3, 2);
  layers[1].activation = Activation::Softmax;
  try {
    Network::fromLayers(2, layers);
    FAIL() << "a hidden softmax was accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(error.what(), *problem);
  }
  layers[0].activation = Activation::Relu;
  EXPECT_NO_THROW(Network::fromLayers(2, layers));
  const std::vector<LayerSpec> fine{{3, Activation::Tanh}, {2, Activation::Softmax}};
  EXPECT_FALSE(softmaxPlacementProblem(fine).has_value());
}

TEST(NetworkTest, InvalidSpecsAreRefusedWithAReason) {
  const NetworkSpec noInputs{0, {{1, Activation::Sigmoid}}, true};
  const NetworkSpec noLayers{2, {}, true};
  const NetworkSpec emptyLayer{2, {{0, Activation::Sigmoid}}, true};
  EXPECT_TRUE(noInputs.validate().has_value());
  EXPECT_TRUE(noLayers.validate().has_value());
  EXPECT_TRUE(emptyLayer.validate().has_value());
  EXPECT_THROW(Network{emptyLayer}, std::invalid_argument);
}

TEST(NetworkTest, InitialisationIsReproducibleAndNamed) {
  Network a = smallNetwork(true), b = smallNetwork(true);
  a.initialize(Init::Xavier, 9);
  b.initialize(Init::Xavier, 9);
  EXPECT_EQ(a.layer(0).weights, b.layer(0).weights);
  b.initialize(Init::Xavier, 10);
  EXPECT_NE(a.layer(0).weights, b.layer(0).weights);
  for (Init init : {Init::Uniform01, Init::Uniform, Init::Xavier, Init::He, Init::Zeros}) {
    EXPECT_EQ(parseInit(initName(init)), init);
  }
  EXPECT_EQ(initNames(), "uniform01, uniform, xavier, he, zeros");
  EXPECT_EQ(parseInit("glorot"), std::nullopt);
}

TEST(NetworkTest, AllFiniteNoticesANaN) {
  Network network = smallNetwork(true);
  EXPECT_TRUE(network.allFinite());
  network.layer(1).bias(0) = std::nan("");
  EXPECT_FALSE(network.allFinite());
}

}  // namespace
}  // namespace nnlab
