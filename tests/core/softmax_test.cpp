// Softmax outputs and the categorical cross-entropy loss: values, and backprop through them
// checked against central differences.
#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

#include "core/activation.h"
#include "core/dataset.h"
#include "core/loss.h"
#include "core/model_json.h"
#include "core/trainer.h"

namespace nnlab {
namespace {

using SoftmaxCase = std::tuple<Loss, bool>;

class SoftmaxGradientTest : public ::testing::TestWithParam<SoftmaxCase> {};

// Five samples, three classes; one-hot targets (ce assumes rows that sum to 1).
Dataset softmaxData() {
  Matrix inputs(5, 3);
  inputs << 0.1, -0.4, 0.9,  //
      0.7, 0.2, -0.3,        //
      -0.5, 0.8, 0.4,        //
      0.3, -0.9, -0.6,       //
      -0.2, 0.5, 0.75;
  Matrix targets(5, 3);
  targets << 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0;
  return Dataset::fromMatrices(inputs, targets);
}

TEST_P(SoftmaxGradientTest, BackpropMatchesFiniteDifferences) {
  const auto [loss, bias] = GetParam();
  Network network(NetworkSpec{3, {{4, Activation::Tanh}, {3, Activation::Softmax}}, bias});
  network.initialize(Init::Uniform, 11);
  for (int l = 0; l < network.layerCount(); ++l) {
    for (int j = 0; j < network.layer(l).bias.size(); ++j)
      network.layer(l).bias(j) = 0.05 * (j + 1);
  }
  TrainingSettings settings;
  settings.loss = loss;
  Trainer trainer(network, softmaxData(), settings);
  Gradients analytic;
  trainer.computeGradients(analytic);
  const double h = 1e-6;
  const auto numeric = [&](double& parameter) {
    const double original = parameter;
    parameter = original + h;
    trainer.setNetwork(network);
    const double plus = trainer.evaluate();
    parameter = original - h;
    trainer.setNetwork(network);
    const double minus = trainer.evaluate();
    parameter = original;
    return (plus - minus) / (2 * h);
  };
  for (int l = 0; l < network.layerCount(); ++l) {
    auto& layer = network.layer(l);
    for (int i = 0; i < layer.weights.rows(); ++i) {
      for (int j = 0; j < layer.weights.cols(); ++j) {
        const double expected = numeric(layer.weights(i, j));
        EXPECT_NEAR(analytic.weights[l](i, j), expected, 1e-6 * std::max(1.0, std::abs(expected)))
            << "weight (" << i << ", " << j << ") of layer " << l;
      }
    }
    for (int j = 0; j < layer.bias.size(); ++j) {
      const double expected = numeric(layer.bias(j));
      EXPECT_NEAR(analytic.bias[l](j), expected, 1e-6 * std::max(1.0, std::abs(expected)))
          << "bias " << j << " of layer " << l;
    }
  }
}

std::string softmaxCaseName(const ::testing::TestParamInfo<SoftmaxCase>& info) {
  const auto [loss, bias] = info.param;
  return std::string(lossName(loss)) + (bias ? "_bias" : "_nobias");
}

INSTANTIATE_TEST_SUITE_P(Losses, SoftmaxGradientTest,
                         ::testing::Combine(::testing::Values(Loss::Ce, Loss::Sse, Loss::Mse),
                                            ::testing::Bool()),
                         softmaxCaseName);

TEST(SoftmaxTest, RowsSumToOneAndSurviveHugeLogits) {
  Matrix z(2, 3);
  z << 1000.0, 1001.0, 999.0,  //
      -3.0, 0.0, 2.0;
  Matrix a(2, 3);
  applyActivation(Activation::Softmax, z, a);
  ASSERT_TRUE(a.allFinite());
  EXPECT_NEAR(a.row(0).sum(), 1.0, 1e-12);
  EXPECT_NEAR(a.row(1).sum(), 1.0, 1e-12);
  EXPECT_NEAR(a(0, 1), 1.0 / (1.0 + std::exp(-1.0) + std::exp(-2.0)), 1e-12);
  applyActivation(Activation::Softmax, z, z);  // in place
  EXPECT_TRUE(z.isApprox(a));
}

TEST(SoftmaxTest, CrossEntropyIsTheMeanOverSamples) {
  Matrix prediction(2, 2);
  prediction << 0.25, 0.75, 0.5, 0.5;
  Matrix target(2, 2);
  target << 0, 1, 1, 0;
  EXPECT_NEAR(lossValue(Loss::Ce, prediction, target), -(std::log(0.75) + std::log(0.5)) / 2,
              1e-15);
  prediction(0, 1) = 0.0;  // clamped away from 0: large but finite
  EXPECT_TRUE(std::isfinite(lossValue(Loss::Ce, prediction, target)));
  EXPECT_EQ(parseLoss("ce"), Loss::Ce);
  EXPECT_EQ(parseActivation("softmax"), Activation::Softmax);
}

TEST(SoftmaxTest, HiddenSoftmaxIsRefusedWithAReason) {
  const NetworkSpec hidden{3, {{4, Activation::Softmax}, {3, Activation::Softmax}}, true};
  const auto problem = hidden.validate();
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("only the output layer"), std::string::npos) << *problem;
  EXPECT_THROW(Network{hidden}, std::invalid_argument);
  // A network edited after it was built is still refused by the trainer.
  Network edited(NetworkSpec{3, {{4, Activation::Tanh}, {3, Activation::Softmax}}, true});
  edited.layer(0).activation = Activation::Softmax;
  const auto trainerProblem = Trainer::incompatibility(edited, softmaxData(), TrainingSettings{});
  ASSERT_TRUE(trainerProblem.has_value());
  EXPECT_NE(trainerProblem->find("only the output layer"), std::string::npos);
  Network fine(NetworkSpec{3, {{4, Activation::Tanh}, {3, Activation::Softmax}}, true});
  EXPECT_FALSE(Trainer::incompatibility(fine, softmaxData(), TrainingSettings{}).has_value());
}

TEST(SoftmaxTest, SoftmaxWithCrossEntropyLearnsThreeClasses) {
  Network network(NetworkSpec{3, {{8, Activation::Tanh}, {3, Activation::Softmax}}, true});
  network.initialize(Init::Xavier, 3);
  TrainingSettings settings;
  settings.loss = Loss::Ce;
  settings.optimizer.kind = OptimizerKind::Adam;
  settings.optimizer.learningRate = 0.05;
  Trainer trainer(network, softmaxData(), settings);
  const double before = trainer.evaluate();
  trainer.step(300);
  EXPECT_LT(trainer.evaluate(), 0.05 * before);
}

TEST(SoftmaxTest, ModelFileKeepsSoftmax) {
  Network network(NetworkSpec{3, {{4, Activation::Tanh}, {3, Activation::Softmax}}, true});
  network.initialize(Init::Xavier, 5);
  const std::string text = modelToJson(network);
  EXPECT_NE(text.find("\"softmax\""), std::string::npos);
  const Network back = modelFromJson(text, "m.json");
  EXPECT_TRUE(back.sameShape(network));
  const Matrix x = softmaxData().inputs;
  EXPECT_EQ(back.predict(x), network.predict(x));
  EXPECT_NEAR(network.predict(x).row(0).sum(), 1.0, 1e-12);
}

}  // namespace
}  // namespace nnlab
