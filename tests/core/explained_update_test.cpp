#include "core/explained_update.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <tuple>

#include "core/presets.h"
#include "tests/core/runner_test_support.h"

namespace nnlab {
namespace {

// Bit-for-bit equality of two matrices (NaN never occurs here).
::testing::AssertionResult sameBits(const Matrix& a, const Matrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) {
    return ::testing::AssertionFailure() << "shapes differ: " << a.rows() << "×" << a.cols()
                                         << " and " << b.rows() << "×" << b.cols();
  }
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    if (a.data()[i] != b.data()[i]) {
      return ::testing::AssertionFailure()
             << "entry " << i << ": " << a.data()[i] << " vs " << b.data()[i];
    }
  }
  return ::testing::AssertionSuccess();
}

// Equal up to the one rounding that a fused multiply-add saves: the compiler may fuse the
// optimizer's θ − lr·g, so the shown product lr·g and θ_after can differ in the last bit.
::testing::AssertionResult withinOneRounding(const Matrix& a, const Matrix& b,
                                             const Matrix& scale) {
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    const double allowed = 4 * std::numeric_limits<double>::epsilon() *
                           (std::abs(a.data()[i]) + std::abs(scale.data()[i]));
    if (std::abs(a.data()[i] - b.data()[i]) > allowed) {
      return ::testing::AssertionFailure()
             << "entry " << i << ": " << a.data()[i] << " vs " << b.data()[i];
    }
  }
  return ::testing::AssertionSuccess();
}

Dataset gridData(Loss loss, int outputs) {
  Matrix inputs(7, 2);
  inputs << 0.1, -0.4, 0.7, 0.2, -0.5, 0.8, 0.3, -0.9, -0.2, 0.5, 0.9, 0.9, -0.7, -0.1;
  Matrix targets = Matrix::Zero(7, outputs);
  for (int r = 0; r < 7; ++r) {
    if (loss == Loss::Ce) {
      targets(r, r % outputs) = 1.0;  // one-hot
    } else {
      for (int k = 0; k < outputs; ++k) targets(r, k) = ((r + k) % 3) / 2.0;
    }
  }
  Dataset data = Dataset::fromMatrices(inputs, targets);
  data.testRows = {0, 0, 1, 0, 0, 0, 0};  // one test row: the batch's rows skip it
  return data;
}

// ── The grid: every loss × activation × optimizer × bias × batch size the app offers ─────────

using GridCase = std::tuple<Loss, Activation, OptimizerKind, bool, int>;

class ExplainedUpdateGridTest : public ::testing::TestWithParam<GridCase> {};

std::string gridCaseName(const ::testing::TestParamInfo<GridCase>& info) {
  const auto [loss, activation, optimizer, bias, batch] = info.param;
  return std::string(lossName(loss)) + "_" + std::string(activationName(activation)) + "_" +
         std::string(optimizerName(optimizer)) + (bias ? "_bias" : "_nobias") + "_batch" +
         std::to_string(batch);
}

// The update training's own step makes from the state the explanation starts from. For a
// minibatch, the same rows in the same order trained as one full batch from the same state.
Network referenceUpdate(const Trainer& trainer, const UpdateTrace& trace) {
  if (trace.rows.size() == static_cast<std::size_t>(trainer.dataset().trainingRowCount()) &&
      trainer.settings().optimizer.kind != OptimizerKind::Perceptron) {
    Trainer copy(trainer);
    copy.step(1);
    return copy.network();
  }
  Dataset batch;
  batch.inputs.resize(static_cast<Eigen::Index>(trace.rows.size()),
                      trainer.dataset().inputColumns());
  batch.targets.resize(batch.inputs.rows(), trainer.dataset().targetColumns());
  for (std::size_t r = 0; r < trace.rows.size(); ++r) {
    batch.inputs.row(r) = trainer.dataset().inputs.row(trace.rows[r]);
    batch.targets.row(r) = trainer.dataset().targets.row(trace.rows[r]);
  }
  TrainingSettings settings = trainer.settings();
  settings.batchSize = 0;
  Trainer reference(trainer.network(), batch, settings);
  reference.restoreState({trainer.epoch(), trainer.optimizer().state(), 1, {}});
  reference.step(1);
  return reference.network();
}

TEST_P(ExplainedUpdateGridTest, ParametersAfterEqualTrainingsStepBitForBit) {
  const auto [loss, activation, optimizer, bias, batchSize] = GetParam();
  const int outputs = loss == Loss::Ce ? 3 : 2;
  Activation outputActivation = activation;
  if (loss == Loss::Ce) outputActivation = Activation::Softmax;
  if (loss == Loss::Bce) outputActivation = Activation::Sigmoid;
  NetworkSpec spec{2, {{3, activation}, {outputs, outputActivation}}, bias};
  Network network(spec);
  network.initialize(Init::Uniform, 3);
  TrainingSettings settings;
  settings.loss = loss;
  settings.optimizer.kind = optimizer;
  settings.optimizer.learningRate = 0.05;
  settings.batchSize = batchSize;
  settings.l1 = 0.01;
  settings.l2 = 0.02;
  Trainer trainer(network, gridData(loss, outputs), settings);
  trainer.step(3);  // momentum and Adam have state; minibatches have shuffled

  const ExplainedUpdate e = explainNextUpdate(trainer);
  ASSERT_FALSE(e.trace.diverged);
  EXPECT_EQ(e.trace.epoch, 3);
  const Network expected = referenceUpdate(trainer, e.trace);
  for (int l = 0; l < network.layerCount(); ++l) {
    SCOPED_TRACE("layer " + std::to_string(l + 1));
    const LayerTrace& t = e.trace.layers[l];
    EXPECT_TRUE(sameBits(t.weightsBefore, trainer.network().layer(l).weights));
    EXPECT_TRUE(sameBits(t.weightsAfter, expected.layer(l).weights));
    EXPECT_TRUE(sameBits(t.biasAfter, expected.layer(l).bias));
    // What the view shows adds up to what training did, bit for bit.
    Matrix a = t.z;
    applyActivation(e.layers[l].activation, t.z, a);
    EXPECT_TRUE(sameBits(a, t.a));
    if (e.layers[l].derivative.size()) {
      EXPECT_TRUE(sameBits(t.lossGradient.cwiseProduct(e.layers[l].derivative), t.delta));
    }
    const OptimizerLayerStep& u = e.layers[l].update;
    EXPECT_TRUE(withinOneRounding(t.weightsBefore - u.step, t.weightsAfter, u.step));
    if (bias) {
      EXPECT_TRUE(withinOneRounding(t.biasBefore - u.biasStep, t.biasAfter, u.biasStep));
    }
    Matrix regularised = t.dataGradient;
    regularised.array() += (e.layers[l].l1Term + e.layers[l].l2Term).array();
    EXPECT_TRUE(sameBits(regularised, t.gradWeights));
  }
  // Explaining changes nothing.
  EXPECT_EQ(trainer.epoch(), 3);
  EXPECT_TRUE(sameBits(trainer.network().layer(0).weights, e.trace.layers[0].weightsBefore));
}

INSTANTIATE_TEST_SUITE_P(
    EveryOption, ExplainedUpdateGridTest,
    ::testing::Combine(::testing::Values(Loss::Sse, Loss::Mse, Loss::Bce, Loss::Ce),
                       ::testing::Values(Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                                         Activation::Linear),
                       ::testing::Values(OptimizerKind::Gd, OptimizerKind::Sgd,
                                         OptimizerKind::Momentum, OptimizerKind::Adam),
                       ::testing::Bool(), ::testing::Values(0, 1, 4)),
    gridCaseName);

TEST(ExplainedUpdate, MinibatchExplainsTheBatchTheStepUses) {
  Preset preset = *findPreset("spiral");
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  ASSERT_GT(trainer.dataset().trainingRowCount(), preset.settings.batchSize);
  trainer.step(2);
  const ExplainedUpdate e = explainNextUpdate(trainer);
  EXPECT_EQ(e.trace.rows.size(), static_cast<std::size_t>(preset.settings.batchSize));
  for (std::size_t r = 0; r < e.trace.rows.size(); ++r) {
    EXPECT_FALSE(trainer.dataset().isTestRow(e.trace.rows[r]));
    EXPECT_TRUE(sameBits(e.trace.inputs.row(r), trainer.dataset().inputs.row(e.trace.rows[r])));
  }
  const Network expected = referenceUpdate(trainer, e.trace);
  for (int l = 0; l < expected.layerCount(); ++l) {
    EXPECT_TRUE(sameBits(e.trace.layers[l].weightsAfter, expected.layer(l).weights));
  }
}

TEST(ExplainedUpdate, PerceptronExplainsItsFirstRow) {
  Preset preset = *findPreset("mp-and");
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  const ExplainedUpdate e = explainNextUpdate(trainer);
  ASSERT_EQ(e.trace.rows, std::vector<int>{0});
  const Network expected = referenceUpdate(trainer, e.trace);
  EXPECT_TRUE(sameBits(e.trace.layers[0].weightsAfter, expected.layer(0).weights));
  EXPECT_TRUE(sameBits(e.trace.layers[0].biasAfter, expected.layer(0).bias));
}

// ── Every gradient against central differences ──────────────────────────────────────────────

using FiniteCase = std::tuple<Loss, Activation, bool>;
class ExplainedUpdateGradientTest : public ::testing::TestWithParam<FiniteCase> {};

std::string finiteCaseName(const ::testing::TestParamInfo<FiniteCase>& info) {
  const auto [loss, activation, bias] = info.param;
  return std::string(lossName(loss)) + "_" + std::string(activationName(activation)) +
         (bias ? "_bias" : "_nobias");
}

TEST_P(ExplainedUpdateGradientTest, GradientsMatchCentralDifferences) {
  const auto [loss, activation, bias] = GetParam();
  const int outputs = loss == Loss::Ce ? 3 : 2;
  Activation outputActivation = loss == Loss::Ce    ? Activation::Softmax
                                : loss == Loss::Bce ? Activation::Sigmoid
                                                    : activation;
  Network network(NetworkSpec{2, {{3, activation}, {outputs, outputActivation}}, bias});
  network.initialize(Init::Uniform, 5);
  TrainingSettings settings;
  settings.loss = loss;
  settings.l1 = 0.01;
  settings.l2 = 0.03;
  const Dataset data = gridData(loss, outputs);
  Trainer trainer(network, data, settings);
  const ExplainedUpdate e = explainNextUpdate(trainer);
  // L(θ) on the batch, regularisation included, as the trace defines it.
  const auto lossAt = [&](const Network& n) {
    Trainer probe(n, selectRows(data, false), settings);
    double l = probe.evaluate();
    for (const auto& layer : n.layers()) {
      l += settings.l1 * layer.weights.cwiseAbs().sum() +
           settings.l2 / 2 * layer.weights.squaredNorm();
    }
    return l;
  };
  const double h = 1e-6;
  for (int l = 0; l < network.layerCount(); ++l) {
    for (Eigen::Index i = 0; i < network.layer(l).weights.size(); ++i) {
      Network plus = network, minus = network;
      plus.layer(l).weights.data()[i] += h;
      minus.layer(l).weights.data()[i] -= h;
      const double numeric = (lossAt(plus) - lossAt(minus)) / (2 * h);
      EXPECT_NEAR(e.trace.layers[l].gradWeights.data()[i], numeric, 1e-6)
          << "layer " << l + 1 << " weight " << i;
    }
    for (Eigen::Index j = 0; j < network.layer(l).bias.size(); ++j) {
      Network plus = network, minus = network;
      plus.layer(l).bias(j) += h;
      minus.layer(l).bias(j) -= h;
      const double numeric = (lossAt(plus) - lossAt(minus)) / (2 * h);
      EXPECT_NEAR(e.trace.layers[l].gradBias(j), numeric, 1e-6)
          << "layer " << l + 1 << " bias " << j;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    SmoothOptions, ExplainedUpdateGradientTest,
    ::testing::Combine(::testing::Values(Loss::Sse, Loss::Mse, Loss::Bce, Loss::Ce),
                       ::testing::Values(Activation::Sigmoid, Activation::Tanh, Activation::Linear),
                       ::testing::Bool()),
    finiteCaseName);

// ── The seed, by the article's numpy formulas ───────────────────────────────────────────────

TEST(ExplainedUpdate, SeedFollowsTheArticlesFormulas) {
  const Preset preset = seedPreset();
  const Network network = preset.makeNetwork();
  Trainer trainer(network, preset.dataset, preset.settings);
  const ExplainedUpdate e = explainNextUpdate(trainer);
  // layer1 = σ(X·W1); output = σ(layer1·W2)
  const Matrix& x = preset.dataset.inputs;
  const Matrix& y = preset.dataset.targets;
  const auto sigmoid = [](const Matrix& z) {
    return (1.0 + (-z.array()).exp()).inverse().matrix().eval();
  };
  const Matrix layer1 = sigmoid(x * network.layer(0).weights);
  const Matrix output = sigmoid(layer1 * network.layer(1).weights);
  // d_weights2 = layer1ᵀ·(2(y − ŷ)·σ'(output)); d_weights1 = Xᵀ·((… ·W2ᵀ)·σ'(layer1))
  const Matrix d2 = (2 * (y - output).array() * output.array() * (1 - output.array())).matrix();
  const Matrix d1 =
      ((d2 * network.layer(1).weights.transpose()).array() * layer1.array() * (1 - layer1.array()))
          .matrix();
  const Matrix w1 = network.layer(0).weights + x.transpose() * d1;
  const Matrix w2 = network.layer(1).weights + layer1.transpose() * d2;
  EXPECT_TRUE(e.trace.layers[1].a.isApprox(output, 1e-15));
  EXPECT_TRUE(e.trace.layers[1].delta.isApprox(-d2, 1e-15));  // δ = ∂L/∂z = −(the article's)
  EXPECT_TRUE(e.trace.layers[0].weightsAfter.isApprox(w1, 1e-15));
  EXPECT_TRUE(e.trace.layers[1].weightsAfter.isApprox(w2, 1e-15));
  EXPECT_DOUBLE_EQ(e.total, (y - output).squaredNorm());
  // One weight's chain rule: its rows' shares add up to the batch gradient.
  const WeightExplanation w = explainWeight(e, 1, 0, 0);
  ASSERT_EQ(w.rows.size(), 4u);
  double sum = 0;
  for (const auto& row : w.rows) {
    EXPECT_EQ(row.delta, row.lossGradient * row.derivative);
    sum += row.share;
  }
  EXPECT_NEAR(sum, w.dataGradient, 1e-15);
  EXPECT_NEAR(w.after, w.before - w.step, 1e-15);
  EXPECT_THROW(explainWeight(e, 2, 0, 0), std::out_of_range);
  EXPECT_THROW(explainWeight(e, 1, 4, 0), std::out_of_range);
}

TEST(ExplainedUpdate, DivergenceIsReportedAndNothingIsApplied) {
  Preset preset = seedPreset();
  Network network = preset.makeNetwork();
  network.layer(0).weights(0, 0) = std::numeric_limits<double>::infinity();
  Trainer trainer(network, preset.dataset, preset.settings);
  const ExplainedUpdate e = explainNextUpdate(trainer);
  EXPECT_TRUE(e.trace.diverged);
  EXPECT_TRUE(e.layers[0].update.step.size() == 0);
}

}  // namespace
}  // namespace nnlab

namespace nnlab {
namespace {

// A paused runner's state explains exactly the step the runner then takes (input scaling and
// optimizer state included).
TEST(ExplainedUpdate, ARunnersStateExplainsTheStepItTakesNext) {
  Preset preset = *findPreset("gauss");
  preset.settings.optimizer.kind = OptimizerKind::Momentum;
  preset.settings.optimizer.learningRate = 0.1;
  preset.settings.batchSize = 0;  // one update per epoch
  TrainingRunner runner(preset.makeNetwork(), preset.init, preset.seed, preset.dataset,
                        preset.settings);
  runner.setInputScaling(ScalingKind::ZScore);
  runner.step(5);
  testing::waitFor(runner, [](const TrainingSnapshot& s) {
    return s.reason == PauseReason::StepDone && s.epoch == 5;
  });
  const ExplainedUpdate e = explainNextUpdate(runner.captureState().get());
  EXPECT_EQ(e.trace.epoch, 5);
  runner.step(1);
  const auto after = testing::waitFor(runner, [](const TrainingSnapshot& s) {
    return s.reason == PauseReason::StepDone && s.epoch == 6;
  });
  for (int l = 0; l < after->network.layerCount(); ++l) {
    EXPECT_TRUE(sameBits(e.trace.layers[l].weightsAfter, after->network.layer(l).weights));
    EXPECT_TRUE(sameBits(e.trace.layers[l].biasAfter, after->network.layer(l).bias));
  }
}

}  // namespace
}  // namespace nnlab

namespace nnlab {
namespace {

TEST(ExplainedUpdate, LookAheadGivesTheLossTheUpdateLeavesAtAnyLearningRate) {
  const Preset preset = seedPreset();
  TrainingRunner runner(preset.makeNetwork(), preset.init, preset.seed, preset.dataset,
                        preset.settings);
  const RunnerState state = runner.captureState().get();
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  const double before = trainer.evaluate();
  trainer.step(1);
  const LookAhead now = lookAhead(state, 1.0);
  EXPECT_EQ(now.before, before);
  EXPECT_EQ(now.after, trainer.evaluate());  // exactly the loss Step leaves
  EXPECT_LT(now.after, now.before);
  // A learning rate far too large overshoots: the loss rises.
  const LookAhead overshoot = lookAhead(state, 200.0);
  EXPECT_GT(overshoot.after, overshoot.before);
  EXPECT_EQ(overshoot.learningRate, 200.0);
}

}  // namespace
}  // namespace nnlab

namespace nnlab {
namespace {

TEST(ExplainedUpdate, SampleDeltasAreThatRowOfTheBatchsDelta) {
  for (Loss loss : {Loss::Sse, Loss::Mse}) {
    Preset preset = seedPreset();
    preset.settings.loss = loss;
    Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
    const ExplainedUpdate e = explainNextUpdate(trainer);
    for (int row = 0; row < 4; ++row) {
      const auto deltas = sampleDeltas(trainer.network(), loss, preset.dataset.inputs.row(row),
                                       preset.dataset.targets.row(row), 4);
      ASSERT_EQ(deltas.size(), 2u);
      for (int l = 0; l < 2; ++l) {
        EXPECT_TRUE(deltas[l].isApprox(e.trace.layers[l].delta.row(row), 1e-14))
            << lossName(loss) << " row " << row << " layer " << l;
      }
    }
  }
  const Preset seed = seedPreset();
  EXPECT_TRUE(sampleDeltas(seed.makeNetwork(), Loss::Sse, RowVector::Zero(2), RowVector::Zero(1), 4)
                  .empty());
}

}  // namespace
}  // namespace nnlab
