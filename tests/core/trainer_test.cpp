#include "core/trainer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <tuple>
#include <vector>

#include "core/presets.h"
#include "core/random.h"

namespace nnlab {
namespace {

// ── Gradient checks: every activation × loss × bias, against central differences ──────────────

using GradientCase = std::tuple<Activation, Loss, bool>;

class TrainerGradientTest : public ::testing::TestWithParam<GradientCase> {};

Dataset gradientData(Loss loss) {
  Matrix inputs(5, 3);
  inputs << 0.1, -0.4, 0.9,  //
      0.7, 0.2, -0.3,        //
      -0.5, 0.8, 0.4,        //
      0.3, -0.9, -0.6,       //
      -0.2, 0.5, 0.75;
  Matrix targets(5, 2);
  targets << 0.2, 0.9, 0.8, 0.1, 0.6, 0.4, 0.3, 0.7, 1.0, 0.0;
  if (loss != Loss::Bce) targets.col(1).array() *= 1.5;  // regression targets outside [0, 1]
  return Dataset::fromMatrices(inputs, targets);
}

double lossAt(Trainer& trainer) { return trainer.evaluate(); }

TEST_P(TrainerGradientTest, BackpropMatchesFiniteDifferences) {
  const auto [activation, loss, bias] = GetParam();
  NetworkSpec spec{3, {{4, activation}, {3, activation}, {2, Activation::Sigmoid}}, bias};
  if (loss != Loss::Bce) spec.layers.back().activation = activation;
  Network network(spec);
  network.initialize(Init::Uniform, 7);
  // Non-zero biases keep every relu away from its kink at exactly z = 0, where a central
  // difference would see half the slope.
  for (int l = 0; l < network.layerCount(); ++l) {
    for (int j = 0; j < network.layer(l).bias.size(); ++j)
      network.layer(l).bias(j) = 0.03 * (j + 1);
  }
  TrainingSettings settings;
  settings.loss = loss;
  Trainer trainer(network, gradientData(loss), settings);

  Gradients analytic;
  trainer.computeGradients(analytic);
  const double h = 1e-6;
  for (int l = 0; l < network.layerCount(); ++l) {
    const auto check = [&](double& parameter, double expected, const char* what, int i, int j) {
      const double original = parameter;
      parameter = original + h;
      trainer.setNetwork(network);
      const double plus = lossAt(trainer);
      parameter = original - h;
      trainer.setNetwork(network);
      const double minus = lossAt(trainer);
      parameter = original;
      const double numeric = (plus - minus) / (2 * h);
      EXPECT_NEAR(expected, numeric, 1e-6 * std::max(1.0, std::abs(numeric)))
          << what << " of layer " << l << " at (" << i << ", " << j << ")";
    };
    auto& layer = network.layer(l);
    for (int i = 0; i < layer.weights.rows(); ++i) {
      for (int j = 0; j < layer.weights.cols(); ++j) {
        check(layer.weights(i, j), analytic.weights[l](i, j), "weight", i, j);
      }
    }
    for (int j = 0; j < layer.bias.size(); ++j)
      check(layer.bias(j), analytic.bias[l](j), "bias", 0, j);
    EXPECT_EQ(layer.hasBias(), bias);
  }
}

std::string gradientCaseName(const ::testing::TestParamInfo<GradientCase>& info) {
  const auto [activation, loss, bias] = info.param;
  return std::string(activationName(activation)) + "_" + std::string(lossName(loss)) +
         (bias ? "_bias" : "_nobias");
}

// Step is left out: its derivative is 0 where it exists, so there is nothing to compare; a test
// below checks that no gradient flows through it.
INSTANTIATE_TEST_SUITE_P(AllCombinations, TrainerGradientTest,
                         ::testing::Combine(::testing::Values(Activation::Sigmoid, Activation::Tanh,
                                                              Activation::Relu, Activation::Linear),
                                            ::testing::Values(Loss::Sse, Loss::Mse, Loss::Bce),
                                            ::testing::Bool()),
                         gradientCaseName);

TEST(TrainerTest, RegularisationGradientsMatchFiniteDifferences) {
  Network network(NetworkSpec{3, {{4, Activation::Tanh}, {2, Activation::Linear}}, true});
  network.initialize(Init::Uniform, 3);
  TrainingSettings settings;
  settings.loss = Loss::Mse;
  settings.l2 = 0.3;
  settings.l1 = 0.05;
  Trainer trainer(network, gradientData(Loss::Mse), settings);
  Gradients analytic;
  trainer.computeGradients(analytic);
  // Loss plus penalty l1·Σ|w| + (l2/2)·Σw², weights only.
  const auto penalised = [&](const Network& n) {
    trainer.setNetwork(n);
    double penalty = 0;
    for (const auto& layer : n.layers()) {
      penalty += 0.05 * layer.weights.array().abs().sum() + 0.15 * layer.weights.squaredNorm();
    }
    return trainer.evaluate() + penalty;
  };
  const double h = 1e-6;
  Network probe = network;
  for (int i = 0; i < 3; ++i) {
    probe.layer(0).weights(i, 1) += h;
    const double plus = penalised(probe);
    probe.layer(0).weights(i, 1) -= 2 * h;
    const double minus = penalised(probe);
    probe.layer(0).weights(i, 1) += h;
    EXPECT_NEAR(analytic.weights[0](i, 1), (plus - minus) / (2 * h), 1e-6);
  }
}

TEST(TrainerTest, NoGradientFlowsThroughAStepLayer) {
  Network network(NetworkSpec{3, {{4, Activation::Step}, {1, Activation::Sigmoid}}, true});
  network.initialize(Init::Uniform, 5);
  Trainer trainer(network, seedPreset().dataset);
  Gradients gradients;
  trainer.computeGradients(gradients);
  EXPECT_TRUE(gradients.weights[0].isZero());
  EXPECT_FALSE(gradients.weights[1].isZero());
}

// ── The seed experiment ────────────────────────────────────────────────────────────────────────

TEST(TrainerTest, SeedExperimentLearnsTheTableWithFallingLoss) {
  const Preset seed = seedPreset();
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  double previous = trainer.evaluate();
  for (int epoch = 0; epoch < 1500; ++epoch) {
    const StepResult result = trainer.step(1);
    ASSERT_EQ(result.epochs, 1);
    ASSERT_FALSE(result.diverged);
    ASSERT_LE(result.loss, previous + 1e-15) << "loss rose at epoch " << epoch;
    previous = result.loss;
  }
  EXPECT_EQ(trainer.epoch(), 1500);
  const Matrix predictions = trainer.predictAll();
  for (int row = 0; row < 4; ++row) {
    EXPECT_NEAR(predictions(row, 0), seed.dataset.targets(row, 0), 0.05) << "row " << row;
  }
}

// The article's update, written out as its numpy code does it:
//   layer1 = σ(X·W1); out = σ(layer1·W2)
//   d2 = 2(y − out)·σ'(out);  W2 += layer1ᵀ·d2
//   d1 = (d2·W2ᵀ)·σ'(layer1); W1 += Xᵀ·d1      (W2ᵀ taken before W2 changes)
TEST(TrainerTest, OneGdStepEqualsTheSeedNumpyUpdate) {
  const Preset seed = seedPreset();
  const Network start = seed.makeNetwork();
  const Matrix& x = seed.dataset.inputs;
  const Matrix& y = seed.dataset.targets;
  const Matrix w1 = start.layer(0).weights;
  const Matrix w2 = start.layer(1).weights;
  const auto sigmoid = [](const Matrix& z) -> Matrix {
    return (1.0 + (-z.array()).exp()).inverse().matrix();
  };
  const Matrix layer1 = sigmoid(x * w1);
  const Matrix output = sigmoid(layer1 * w2);
  const Matrix d2 = (2.0 * (y - output).array() * output.array() * (1.0 - output.array())).matrix();
  const Matrix d1 =
      ((d2 * w2.transpose()).array() * layer1.array() * (1.0 - layer1.array())).matrix();
  const Matrix expectedW2 = w2 + layer1.transpose() * d2;
  const Matrix expectedW1 = w1 + x.transpose() * d1;

  Trainer trainer(start, seed.dataset, seed.settings);
  trainer.step(1);
  EXPECT_TRUE(trainer.network().layer(0).weights.isApprox(expectedW1, 1e-14));
  EXPECT_TRUE(trainer.network().layer(1).weights.isApprox(expectedW2, 1e-14));
}

// A sigmoid output saturated at the wrong answer still learns under bce: ∂L/∂z = ŷ − y there,
// even though ŷ itself is clamped for the logarithm.
TEST(TrainerTest, BceLearnsFromAConfidentlyWrongSigmoid) {
  Matrix inputs(1, 1);
  inputs << 1.0;
  Matrix targets(1, 1);
  targets << 0.0;
  Network unit(NetworkSpec{1, {{1, Activation::Sigmoid}}, false});
  unit.layer(0).weights(0, 0) = 30.0;  // ŷ = 1 − 1e-13: inside the clamp
  TrainingSettings settings;
  settings.loss = Loss::Bce;
  settings.optimizer.learningRate = 0.5;
  Trainer trainer(unit, Dataset::fromMatrices(inputs, targets), settings);
  EXPECT_GT(trainer.evaluate(), 20.0);
  trainer.step(1000);
  EXPECT_LT(trainer.evaluate(), 0.01);
}

// ── Determinism, divergence, allocation ───────────────────────────────────────────────────────

TEST(TrainerTest, SameSeedGivesBitIdenticalWeights) {
  for (Init init : {Init::Uniform01, Init::Uniform, Init::Xavier, Init::He}) {
    Network a(NetworkSpec{3, {{5, Activation::Tanh}, {2, Activation::Sigmoid}}, true});
    Network b = a;
    a.initialize(init, 42);
    b.initialize(init, 42);
    TrainingSettings settings;
    settings.optimizer.kind = OptimizerKind::Sgd;
    settings.batchSize = 2;
    Trainer ta(a, gradientData(Loss::Sse), settings);
    Trainer tb(b, gradientData(Loss::Sse), settings);
    ta.step(50);
    tb.step(50);
    for (int l = 0; l < 2; ++l) {
      EXPECT_EQ(
          0, std::memcmp(ta.network().layer(l).weights.data(), tb.network().layer(l).weights.data(),
                         sizeof(double) * ta.network().layer(l).weights.size()));
    }
  }
}

TEST(TrainerTest, DifferentSeedsGiveDifferentWeights) {
  Network a(seedPreset().spec);
  Network b = a;
  a.initialize(Init::Uniform01, 1);
  b.initialize(Init::Uniform01, 2);
  EXPECT_FALSE(a.layer(0).weights.isApprox(b.layer(0).weights));
}

TEST(TrainerTest, InitialisationRangesHold) {
  Network network(NetworkSpec{64, {{32, Activation::Relu}, {8, Activation::Linear}}, true});
  network.initialize(Init::Uniform01, 9);
  EXPECT_GE(network.layer(0).weights.minCoeff(), 0.0);
  EXPECT_LT(network.layer(0).weights.maxCoeff(), 1.0);
  network.initialize(Init::He, 9);
  const double limit = std::sqrt(6.0 / 64);
  EXPECT_LE(network.layer(0).weights.cwiseAbs().maxCoeff(), limit);
  EXPECT_GT(network.layer(0).weights.cwiseAbs().maxCoeff(), 0.9 * limit);
  EXPECT_TRUE(network.layer(0).bias.isZero());
  network.initialize(Init::Zeros, 9);
  EXPECT_TRUE(network.layer(1).weights.isZero());
}

// A fixed reference value: if the generator or the order of draws changes, saved seeds in
// people's notes would no longer reproduce their runs.
TEST(TrainerTest, Uniform01DrawsAreStableAcrossBuilds) {
  Network network(seedPreset().spec);
  network.initialize(Init::Uniform01, 1);
  Random random(1);
  EXPECT_EQ(network.layer(0).weights(0, 0), random.uniform01());
  EXPECT_EQ(network.layer(0).weights(0, 1), random.uniform01());
  Random check(1);
  EXPECT_EQ(check.next(), 0x910A2DEC89025CC1ULL);  // SplitMix64's published first output for 1
}

// Reference values for the other initialisations too: a seed written down must give the same
// network in every later build.
TEST(TrainerTest, EveryInitialisationIsStableAcrossBuilds) {
  const struct {
    Init init;
    double first, middle, last;
  } cases[] = {
      {Init::Uniform, 0x1.eeb991317f5b4p-3, 0x1.523f18e0173c4p-3, -0x1.b40f303759212p-2},
      {Init::Xavier, 0x1.ac71be171d024p-2, 0x1.24ee17030bc19p-2, -0x1.93b665decc427p-1},
      {Init::He, 0x1.5dd2c48cda7bbp-1, 0x1.de5a4dd2ca83cp-2, -0x1.ddadd70747a1fp-1},
  };
  for (const auto& c : cases) {
    Network network(NetworkSpec{3, {{5, Activation::Tanh}, {2, Activation::Sigmoid}}, true});
    network.initialize(c.init, 42);
    EXPECT_EQ(network.layer(0).weights(0, 0), c.first) << initName(c.init);
    EXPECT_EQ(network.layer(0).weights(2, 4), c.middle) << initName(c.init);
    EXPECT_EQ(network.layer(1).weights(4, 1), c.last) << initName(c.init);
  }
}

// The minibatch order is drawn from the shuffle seed alone. One linear weight trained on rows
// one at a time ends where the order of its updates takes it (the updates do not commute).
TEST(TrainerTest, MinibatchOrderIsStableAcrossBuilds) {
  Matrix inputs(5, 1);
  inputs << 1, 2, 3, 4, 5;
  Matrix targets(5, 1);
  targets << 1, 0, 1, 0, 1;
  const auto weightAfterOneEpoch = [&](std::uint64_t shuffleSeed) {
    Network network(NetworkSpec{1, {{1, Activation::Linear}}, false});
    network.layer(0).weights(0, 0) = 1.0;
    TrainingSettings settings;
    settings.optimizer.kind = OptimizerKind::Sgd;
    settings.optimizer.learningRate = 0.01;
    settings.batchSize = 1;
    settings.shuffleSeed = shuffleSeed;
    Trainer trainer(network, Dataset::fromMatrices(inputs, targets), settings);
    trainer.step(1);
    return trainer.network().layer(0).weights(0, 0);
  };
  // Near, not equal: the arithmetic may fuse differently between compilers; other orders land
  // ~0.05 away.
  EXPECT_NEAR(weightAfterOneEpoch(3), 0x1.9dcbad68029dcp-2, 1e-12);
  EXPECT_NEAR(weightAfterOneEpoch(4), 0x1.7da59d3301344p-2, 1e-12);
}

TEST(TrainerTest, DivergenceIsReportedAndStopsTheStep) {
  Network network(NetworkSpec{3, {{8, Activation::Relu}, {1, Activation::Linear}}, true});
  network.initialize(Init::Uniform01, 3);
  TrainingSettings settings;
  settings.optimizer.learningRate = 1000;
  Trainer trainer(network, seedPreset().dataset, settings);
  const StepResult result = trainer.step(1000);
  EXPECT_TRUE(result.diverged);
  EXPECT_LT(result.epochs, 1000);
  EXPECT_FALSE(std::isfinite(result.loss));
  EXPECT_EQ(trainer.epoch(), result.epochs);
}

TEST(TrainerTest, MinibatchEpochVisitsEveryRowOnce) {
  // With lr 0 the weights stay, so the epoch loss over shuffled minibatches must equal the
  // full-batch loss: every row counted exactly once, whatever the batch split.
  Network network(NetworkSpec{3, {{4, Activation::Sigmoid}, {2, Activation::Sigmoid}}, true});
  network.initialize(Init::Xavier, 11);
  TrainingSettings settings;
  settings.optimizer.kind = OptimizerKind::Sgd;
  settings.optimizer.learningRate = 0.0;
  settings.batchSize = 2;  // 5 rows: batches of 2, 2, 1
  Trainer trainer(network, gradientData(Loss::Sse), settings);
  const double full = trainer.evaluate();
  EXPECT_NEAR(trainer.step(1).loss, full, 1e-12);
  settings.loss = Loss::Mse;
  trainer.setSettings(settings);
  EXPECT_NEAR(trainer.step(1).loss, trainer.evaluate(), 1e-12);
}

TEST(TrainerTest, SettingsChangeKeepsWeights) {
  const Preset seed = seedPreset();
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  trainer.step(10);
  const Network before = trainer.network();
  TrainingSettings settings = seed.settings;
  settings.optimizer.learningRate = 0.5;
  trainer.setSettings(settings);
  EXPECT_TRUE(trainer.network().layer(0).weights == before.layer(0).weights);
  EXPECT_EQ(trainer.epoch(), 10);
  settings.batchSize = -1;
  EXPECT_THROW(trainer.setSettings(settings), std::invalid_argument);
  EXPECT_EQ(trainer.settings().optimizer.learningRate, 0.5);
}

TEST(TrainerTest, MismatchedDataIsRefusedWithAReason) {
  const Preset seed = seedPreset();
  Dataset wide = Dataset::fromMatrices(Matrix::Zero(4, 5), Matrix::Zero(4, 1));
  try {
    Trainer trainer(seed.makeNetwork(), wide, seed.settings);
    FAIL() << "expected a refusal";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "the data has 5 input columns but the network has 3 inputs");
  }
}

// step(n, afterEpoch) tells every epoch's loss, the same as n calls of step(1), and ends where
// the observer says so: on the fixed-size path (the seed) and the general one (tanh).
TEST(TrainerTest, AnEpochObserverSeesEveryLossAndCanEndTheStep) {
  for (Activation hidden : {Activation::Sigmoid, Activation::Tanh}) {
    const Preset seed = seedPreset();
    Network network = seed.makeNetwork();
    network.layer(0).activation = hidden;
    Trainer observed(network, seed.dataset, seed.settings);
    Trainer single(network, seed.dataset, seed.settings);
    std::vector<double> losses;
    const StepResult result = observed.step(100, [&losses](double loss) {
      losses.push_back(loss);
      return losses.size() < 40;
    });
    EXPECT_EQ(result.epochs, 40);
    EXPECT_EQ(observed.epoch(), 40);
    ASSERT_EQ(losses.size(), 40u);
    for (double loss : losses) EXPECT_EQ(loss, single.step(1).loss);
    EXPECT_EQ(result.loss, losses.back());
    EXPECT_EQ(observed.network().layer(0).weights, single.network().layer(0).weights);
  }
}

}  // namespace
}  // namespace nnlab
