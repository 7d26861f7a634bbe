// The runner with a test set: test losses and accuracies in snapshots, early stopping and
// reverting to the weights with the lowest test loss.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <functional>
#include <thread>

#include "core/presets.h"
#include "core/random.h"
#include "core/training_runner.h"
#include "tests/core/runner_test_support.h"

namespace nnlab {
namespace {

using Clock = std::chrono::steady_clock;
using testing::Snapshot;

using testing::waitFor;

// 60 noisy points of a sine on [0, 1], a third of them test rows: a 1-32-1 network overfits.
Dataset noisySine() {
  Random random(5);
  Matrix x(60, 1);
  Matrix y(60, 1);
  for (int i = 0; i < 60; ++i) {
    x(i, 0) = random.uniform01();
    y(i, 0) = std::sin(6.0 * x(i, 0)) + 0.6 * (random.uniform01() - 0.5);
  }
  Dataset data = Dataset::fromMatrices(x, y);
  splitTestRows(data, 33.0, 9);
  return data;
}

std::unique_ptr<TrainingRunner> sineRunner(double learningRate) {
  Network network(NetworkSpec{1, {{32, Activation::Tanh}, {1, Activation::Linear}}, true});
  network.initialize(Init::Xavier, 2);
  TrainingSettings settings;
  settings.loss = Loss::Mse;
  settings.optimizer.kind = OptimizerKind::Adam;
  settings.optimizer.learningRate = learningRate;
  return std::make_unique<TrainingRunner>(network, Init::Xavier, 2, noisySine(), settings);
}

TEST(TrainingRunnerStopTest, SnapshotsCarryTestLossAndAllRowsPredictions) {
  auto runner = sineRunner(0.01);
  const Snapshot first = runner->latestSnapshot();
  ASSERT_TRUE(first->testLoss.has_value());
  EXPECT_FALSE(first->trainAccuracy.has_value());  // regression: no classes
  EXPECT_EQ(first->predictions.rows(), 60);
  EXPECT_EQ(first->bestEpoch, 0);
}

TEST(TrainingRunnerStopTest, EarlyStopWhenTheTestLossStopsImproving) {
  auto runner = sineRunner(0.0);  // nothing changes: the first test loss stays the best
  StopConditions conditions;
  conditions.earlyStopPatience = 50;
  runner->setStopConditions(conditions);
  runner->run();
  const Snapshot stopped = waitFor(*runner, [](const TrainingSnapshot& s) {
    return s.state == RunState::Paused && s.reason == PauseReason::EarlyStop;
  });
  EXPECT_GE(stopped->epoch, 50);
  EXPECT_EQ(stopped->bestEpoch, 0);
  EXPECT_NE(stopped->message.find("has not improved"), std::string::npos) << stopped->message;
}

TEST(TrainingRunnerStopTest, RevertToBestRestoresTheLowestTestLoss) {
  auto runner = sineRunner(0.05);
  runner->step(3000);
  const Snapshot trained = waitFor(*runner, [](const TrainingSnapshot& s) {
    return s.state == RunState::Paused && s.reason == PauseReason::StepDone;
  });
  ASSERT_TRUE(trained->bestTestLoss.has_value());
  ASSERT_TRUE(trained->bestEpoch.has_value());
  runner->revertToBest();
  const Snapshot reverted = waitFor(*runner, [](const TrainingSnapshot& s) {
    return s.message.find("Restored the weights") != std::string::npos;
  });
  EXPECT_EQ(reverted->epoch, *trained->bestEpoch);
  ASSERT_TRUE(reverted->testLoss.has_value());
  EXPECT_EQ(*reverted->testLoss, *trained->bestTestLoss);
  EXPECT_LE(*reverted->testLoss, *trained->testLoss);
  ASSERT_FALSE(reverted->events.empty());
  EXPECT_EQ(reverted->events.back(), (RunEvent{*trained->bestEpoch, RunEventKind::RestoredBest,
                                               *trained->bestTestLoss, 0.0}));
  // The timeline up to the best epoch stays, and the run goes on from the restored weights.
  const Snapshot earlier = runner->snapshotAt(*trained->bestEpoch / 2).get();
  ASSERT_TRUE(earlier);
  EXPECT_EQ(earlier->epoch, *trained->bestEpoch / 2);
}

TEST(TrainingRunnerStopTest, ClassificationSnapshotsCarryAccuracies) {
  const Preset preset =
      generatedPreset(Generator::Blobs3, defaultGeneratorSettings(Generator::Blobs3));
  TrainingRunner runner(preset.makeNetwork(), preset.init, preset.seed, preset.dataset,
                        preset.settings);
  runner.step(preset.epochs);
  const Snapshot done = waitFor(runner, [](const TrainingSnapshot& s) {
    return s.state == RunState::Paused && s.reason == PauseReason::StepDone;
  });
  ASSERT_TRUE(done->trainAccuracy.has_value());
  ASSERT_TRUE(done->testAccuracy.has_value());
  EXPECT_GE(*done->testAccuracy, 0.95);
  EXPECT_EQ(done->predictions.rows(), preset.dataset.rows());  // test rows too
}

TEST(TrainingRunnerStopTest, RevertWithoutTestRowsSaysWhy) {
  Network network(NetworkSpec{1, {{1, Activation::Linear}}, true});
  Dataset data = Dataset::fromMatrices(Matrix::Ones(3, 1), Matrix::Ones(3, 1));
  TrainingRunner runner(network, Init::Zeros, 1, data, TrainingSettings{});
  runner.revertToBest();
  const Snapshot snapshot = waitFor(runner, [](const TrainingSnapshot& s) {
    return s.message.find("no best weights") != std::string::npos;
  });
  EXPECT_FALSE(snapshot->testLoss.has_value());
}

std::unique_ptr<TrainingRunner> gateRunner(const char* name) {
  const Preset gate = *findPreset(name);
  return std::make_unique<TrainingRunner>(gate.makeNetwork(), gate.init, gate.seed, gate.dataset,
                                          gate.settings);
}

// The M-P neuron stops by itself once it gets every row right: the rule would change nothing.
TEST(TrainingRunnerStopTest, APerceptronThatConvergesPausesItself) {
  auto runner = gateRunner("mp-and");
  runner->run();
  const Snapshot s = waitFor(*runner, [](const TrainingSnapshot& t) {
    return t.state == RunState::Paused && t.reason == PauseReason::Converged;
  });
  EXPECT_GT(s->epoch, 0);
  EXPECT_LT(s->epoch, 50);
  EXPECT_EQ(s->loss, 0.0);
  EXPECT_EQ(s->trainAccuracy, 1.0);
  EXPECT_NE(s->message.find("converged"), std::string::npos) << s->message;
}

TEST(TrainingRunnerStopTest, APerceptronOnXorNeverConverges) {
  auto runner = gateRunner("mp-xor");
  runner->step(500);
  const Snapshot s = waitFor(*runner, [](const TrainingSnapshot& t) {
    return t.state == RunState::Paused && t.reason != PauseReason::None;
  });
  EXPECT_EQ(s->reason, PauseReason::StepDone);
  EXPECT_EQ(s->epoch, 500);
  EXPECT_LT(*s->trainAccuracy, 1.0);
}

}  // namespace
}  // namespace nnlab
