// The fixed-size loop (core/kernels/fixed_loop.h, run by Trainer::step) that trains the seed's kind
// of network: the same bits as the general kernels, epoch by epoch, for every activation and loss
// it takes, and when training diverges.
#include <gtest/gtest.h>

#include <limits>

#include "core/kernels/backward_kernel.h"
#include "core/presets.h"
#include "core/trainer.h"

namespace nnlab {
namespace {

// The general path, written out: the kernels' gradient pass and Optimizer::update, as
// Trainer::fullBatchEpoch runs them.
struct GeneralRun {
  Network network;
  Matrix x, y;
  Loss loss;
  Optimizer optimizer;
  PassBuffers buffers;
  Gradients gradients;
  double divisor;

  GeneralRun(const Network& start, const Dataset& data, const TrainingSettings& settings)
      : network(start),
        x(selectRows(data, false).inputs),
        y(selectRows(data, false).targets),
        loss(settings.loss),
        optimizer(settings.optimizer),
        gradients(Gradients::zerosLike(start)),
        divisor(lossDivisor(settings.loss, static_cast<double>(data.trainingRowCount()),
                            static_cast<double>(data.targetColumns()))) {
    optimizer.reset(network);
    buffers.resize(network, static_cast<int>(x.rows()));
  }

  /// One epoch's loss (of the weights before it); no update when it is not finite.
  double epoch() {
    const double sum = gradientPass(network, loss, x, y, divisor, buffers, gradients);
    if (std::isfinite(sum)) optimizer.update(gradients, network);
    return sum / divisor;
  }
};

void expectSameRun(Network start, const Dataset& data, const TrainingSettings& settings,
                   int epochs) {
  Trainer trainer(start, data, settings);
  ASSERT_TRUE(trainer.usesFixedLoop()) << "the test would compare the general path with itself";
  GeneralRun general(start, data, settings);
  for (int e = 0; e < epochs; ++e) {
    const StepResult step = trainer.step(1);
    const double loss = general.epoch();
    ASSERT_EQ(step.loss, loss) << "epoch " << e + 1;  // bit for bit, NaN aside
    if (step.diverged) {
      EXPECT_FALSE(std::isfinite(loss));
      break;
    }
  }
  for (int l = 0; l < 2; ++l) {
    EXPECT_EQ(trainer.network().layer(l).weights, general.network.layer(l).weights) << l;
    EXPECT_EQ(trainer.gradients().weights[l], general.gradients.weights[l]) << l;
  }
  EXPECT_EQ(trainer.optimizer().steps(), general.optimizer.steps());
}

TEST(FixedLoop, TheSeedTrainsBitForBitAsTheGeneralKernels) {
  const Preset seed = seedPreset();
  expectSameRun(seed.makeNetwork(), seed.dataset, seed.settings, 1500);
}

TEST(FixedLoop, ManyEpochsAtOnceEndWhereOneAtATimeDo) {
  const Preset seed = seedPreset();
  Trainer together(seed.makeNetwork(), seed.dataset, seed.settings);
  Trainer apart(seed.makeNetwork(), seed.dataset, seed.settings);
  const StepResult all = together.step(1500);
  StepResult last;
  for (int e = 0; e < 1500; ++e) last = apart.step(1);
  EXPECT_EQ(all.epochs, 1500);
  EXPECT_EQ(all.loss, last.loss);
  EXPECT_EQ(together.epoch(), 1500);
  EXPECT_EQ(together.network().layer(0).weights, apart.network().layer(0).weights);
  EXPECT_EQ(together.network().layer(1).weights, apart.network().layer(1).weights);
  EXPECT_TRUE(together.gradientsKnown());
}

TEST(FixedLoop, EveryActivationAndLossItTakesMatchesTheGeneralKernels) {
  const Preset seed = seedPreset();
  for (Activation hidden :
       {Activation::Sigmoid, Activation::Relu, Activation::Linear, Activation::Step}) {
    for (Activation output : {Activation::Sigmoid, Activation::Linear}) {
      for (Loss loss : {Loss::Sse, Loss::Mse}) {
        SCOPED_TRACE(std::string(activationName(hidden)) + " → " +
                     std::string(activationName(output)) + ", " + std::string(lossName(loss)));
        Network network = seed.makeNetwork();
        network.layer(0).activation = hidden;
        network.layer(1).activation = output;
        TrainingSettings settings = seed.settings;
        settings.loss = loss;
        settings.optimizer.learningRate = 0.1;
        expectSameRun(network, seed.dataset, settings, 300);
      }
    }
  }
}

TEST(FixedLoop, ADivergingRunStopsAtTheSameEpochWithTheSameWeights) {
  const Preset seed = seedPreset();
  Network network = seed.makeNetwork();
  network.layer(0).activation = Activation::Linear;
  network.layer(1).activation = Activation::Linear;
  TrainingSettings settings = seed.settings;
  settings.optimizer.learningRate = 10.0;
  expectSameRun(network, seed.dataset, settings, 1000);
  Trainer trainer(network, seed.dataset, settings);
  const StepResult result = trainer.step(1000);
  EXPECT_TRUE(result.diverged);
  EXPECT_LT(result.epochs, 1000);
  EXPECT_EQ(trainer.epoch(), result.epochs);
}

// Four training rows and a test row: the loop trains on the four.
TEST(FixedLoop, FourTrainingRowsBesideTestRowsTakeTheLoop) {
  const Preset seed = seedPreset();
  Matrix inputs(5, 3), targets(5, 1);
  inputs << seed.dataset.inputs, Matrix::Constant(1, 3, 0.5);
  targets << seed.dataset.targets, Matrix::Constant(1, 1, 0.5);
  Dataset data = Dataset::fromMatrices(inputs, targets);
  data.testRows = {0, 0, 0, 0, 1};
  expectSameRun(seed.makeNetwork(), data, seed.settings, 500);
}

// What the loop does not take goes the general way: tanh, a bias, another optimizer, l2.
TEST(FixedLoop, OtherNetworksAndSettingsTakeTheGeneralKernels) {
  const Preset seed = seedPreset();
  EXPECT_TRUE(Trainer(seed.makeNetwork(), seed.dataset, seed.settings).usesFixedLoop());
  Network tanh = seed.makeNetwork();
  tanh.layer(0).activation = Activation::Tanh;
  EXPECT_FALSE(Trainer(tanh, seed.dataset, seed.settings).usesFixedLoop());
  TrainingSettings momentum = seed.settings;
  momentum.optimizer.kind = OptimizerKind::Momentum;
  EXPECT_FALSE(Trainer(seed.makeNetwork(), seed.dataset, momentum).usesFixedLoop());
  TrainingSettings l2 = seed.settings;
  l2.l2 = 0.01;
  EXPECT_FALSE(Trainer(seed.makeNetwork(), seed.dataset, l2).usesFixedLoop());
  NetworkSpec spec = seed.spec;
  spec.bias = true;
  EXPECT_FALSE(Trainer(Network(spec), seed.dataset, seed.settings).usesFixedLoop());
}

}  // namespace
}  // namespace nnlab
