#include "core/training_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <thread>

#include "core/presets.h"
#include "core/random.h"
#include "tests/core/runner_test_support.h"

namespace nnlab {
namespace {

using Clock = std::chrono::steady_clock;
using namespace testing;  // the runner tests' helpers (runner_test_support.h)

TEST(TrainingRunner, StartsPausedAtEpochZero) {
  auto runner = seedRunner();
  const Snapshot s = runner->latestSnapshot();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->state, RunState::Paused);
  EXPECT_EQ(s->reason, PauseReason::None);
  EXPECT_EQ(s->epoch, 0);
  EXPECT_TRUE(std::isfinite(s->loss));
  expectConsistent(*s);
}

TEST(TrainingRunner, StepTrainsExactlyNEpochsLikeTheTrainer) {
  auto runner = seedRunner();
  runner->step(1234);
  Snapshot s = waitForPause(*runner, PauseReason::StepDone);
  EXPECT_EQ(s->epoch, 1234);
  // One point per epoch, each the loss of the weights that epoch started from: epochs 0…1233.
  ASSERT_EQ(s->history.size(), 1234u);
  EXPECT_EQ(s->history.front().epoch, 0);
  EXPECT_EQ(s->history.back().epoch, 1233);

  const Preset preset = seedPreset();
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  trainer.step(1234);
  EXPECT_TRUE(sameWeights(s->network, trainer.network()));
  EXPECT_DOUBLE_EQ(s->loss, trainer.evaluate());

  runner->step(10);
  s = waitFor(*runner, [](const TrainingSnapshot& t) {
    return t.reason == PauseReason::StepDone && t.epoch > 1234;
  });
  EXPECT_EQ(s->epoch, 1244);
}

TEST(TrainingRunner, LearningRateChangeKeepsTheWeights) {
  auto runner = seedRunner();
  runner->step(500);
  waitForPause(*runner, PauseReason::StepDone);
  runner->setLearningRate(0.25);
  runner->step(300);
  const Snapshot s = waitFor(*runner, [](const TrainingSnapshot& t) {
    return t.reason == PauseReason::StepDone && t.epoch == 800;
  });
  EXPECT_DOUBLE_EQ(s->settings.optimizer.learningRate, 0.25);
  EXPECT_EQ(s->history.size(), 800u);

  // The same run without a runner: 500 epochs at lr 1, then 300 at lr 0.25 on the same weights.
  const Preset preset = seedPreset();
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  trainer.step(500);
  TrainingSettings slower = preset.settings;
  slower.optimizer.learningRate = 0.25;
  trainer.setSettings(slower);
  trainer.step(300);
  EXPECT_TRUE(sameWeights(s->network, trainer.network()));
}

TEST(TrainingRunner, LearningRateChangeWhileRunningContinues) {
  auto runner = seedRunner();
  runner->run();
  const Snapshot before =
      waitFor(*runner, [](const TrainingSnapshot& t) { return t.epoch > 2000; });
  runner->setLearningRate(0.5);
  // Some epochs at the new rate: the first snapshot after the command may hold the very weights
  // of `before`, if the thread was between publishing and its next chunk.
  const Snapshot after = waitFor(*runner, [&](const TrainingSnapshot& t) {
    return t.settings.optimizer.learningRate == 0.5 && t.epoch > before->epoch + 1000;
  });
  EXPECT_EQ(after->state, RunState::Running);
  EXPECT_GE(after->epoch, before->epoch);  // not back to 0: the weights were kept
  EXPECT_LT(after->loss, before->loss);
  ASSERT_FALSE(after->history.empty());
  EXPECT_LE(after->history.front().epoch, before->epoch);  // nor was the history cleared
}

TEST(TrainingRunner, RefusesInvalidSettingsAndKeepsTheOldOnes) {
  auto runner = seedRunner();
  runner->setLearningRate(-1.0);
  Snapshot s = waitFor(*runner, [](const TrainingSnapshot& t) { return !t.message.empty(); });
  EXPECT_NE(s->message.find("learning rate"), std::string::npos) << s->message;
  EXPECT_DOUBLE_EQ(s->settings.optimizer.learningRate, 1.0);

  runner->setDataset(Dataset::fromMatrices(Matrix(0, 3), Matrix(0, 1)));
  s = waitFor(*runner, [](const TrainingSnapshot& t) {
    return t.message.find("no rows") != std::string::npos;
  });
  EXPECT_EQ(s->dataset->rows(), 4);
  expectConsistent(*s);
}

TEST(TrainingRunner, ResetDrawsFreshWeightsAndClearsTheHistory) {
  auto runner = seedRunner();
  runner->step(300);
  waitForPause(*runner, PauseReason::StepDone);
  runner->reset(7);
  const Snapshot s = waitFor(*runner, [](const TrainingSnapshot& t) { return t.seed == 7; });
  EXPECT_EQ(s->epoch, 0);
  EXPECT_TRUE(s->history.empty());
  EXPECT_EQ(s->state, RunState::Paused);
  Network expected = seedPreset().makeNetwork();
  expected.initialize(Init::Uniform01, 7);
  EXPECT_TRUE(sameWeights(s->network, expected));
}

TEST(TrainingRunner, DatasetWithOtherColumnsReinitialisesOnlyTheOuterLayer) {
  NetworkSpec spec;
  spec.inputs = 3;
  spec.layers = {{4, Activation::Sigmoid}, {5, Activation::Tanh}, {1, Activation::Sigmoid}};
  Network network(spec);
  network.initialize(Init::Xavier, 3);
  TrainingRunner runner(network, Init::Xavier, 3, syntheticData(6, 3, 1, 1), {});
  runner.setDataset(syntheticData(9, 2, 1, 2));
  const Snapshot s =
      waitFor(runner, [](const TrainingSnapshot& t) { return t.dataset->rows() == 9; });
  expectConsistent(*s);
  EXPECT_NE(s->message.find("first layer"), std::string::npos) << s->message;
  EXPECT_EQ(s->network.layer(1).weights, network.layer(1).weights);  // untouched
  EXPECT_EQ(s->network.layer(2).weights, network.layer(2).weights);
  EXPECT_EQ(s->network.layer(0).fanIn(), 2);

  // Back to three columns (an undone "− Input"): the first layer it had for them comes back.
  runner.step(20);
  waitForPause(runner, PauseReason::StepDone);
  runner.setDataset(syntheticData(6, 3, 1, 1));
  const Snapshot back =
      waitFor(runner, [](const TrainingSnapshot& t) { return t.dataset->rows() == 6; });
  EXPECT_EQ(back->network.layer(0).weights, network.layer(0).weights);
  EXPECT_NE(back->network.layer(1).weights, network.layer(1).weights);  // trained meanwhile
  EXPECT_NE(back->message.find("back to the weights"), std::string::npos) << back->message;
}

TEST(TrainingRunner, DatasetSwapsWhileRunningNeverTearASnapshot) {
  const Preset preset = seedPreset();
  auto runner = seedRunner();
  const Dataset shapes[] = {preset.dataset, syntheticData(50, 2, 1, 1), syntheticData(7, 3, 2, 2),
                            syntheticData(300, 5, 3, 3)};
  std::atomic<bool> swapping{true};
  std::jthread swapper([&] {
    for (int i = 0; swapping.load(); ++i) {
      runner->setDataset(shapes[i % 4]);
      std::this_thread::sleep_for(std::chrono::microseconds(300));
    }
  });
  runner->run();
  const auto end = Clock::now() + std::chrono::seconds(1);
  int checked = 0;
  for (std::uint64_t serial = 0; Clock::now() < end;) {
    const Snapshot s = runner->latestSnapshot();
    if (s->serial == serial) continue;
    serial = s->serial;
    expectConsistent(*s);
    ++checked;
  }
  swapping.store(false);
  EXPECT_GT(checked, 20);
  EXPECT_GT(runner->latestSnapshot()->epoch, 0);
}

TEST(TrainingRunner, DivergencePausesAndRestoresFiniteWeights) {
  NetworkSpec spec;
  spec.inputs = 2;
  spec.layers = {{8, Activation::Relu}, {1, Activation::Linear}};
  Network network(spec);
  network.initialize(Init::He, 5);
  TrainingSettings settings;
  settings.optimizer.learningRate = 1000.0;
  TrainingRunner runner(network, Init::He, 5, syntheticData(20, 2, 1, 4), settings);
  runner.run();
  const Snapshot s = waitForPause(runner, PauseReason::Diverged);
  EXPECT_TRUE(s->network.allFinite());
  EXPECT_TRUE(std::isfinite(s->loss));
  EXPECT_NE(s->message.find("learning rate 1000"), std::string::npos) << s->message;
  EXPECT_NE(s->message.find("restored the weights of epoch " + std::to_string(s->epoch)),
            std::string::npos)
      << s->message;
  // Point k is the loss after k epochs: nothing is known yet of the restored epoch on.
  for (const HistoryPoint& p : s->history) EXPECT_LT(p.epoch, s->epoch);
  // The chart marks it: where the run went on from, the epoch that blew up, and the rate.
  ASSERT_EQ(s->events.size(), 1u);
  EXPECT_EQ(s->events[0].kind, RunEventKind::Diverged);
  EXPECT_EQ(s->events[0].epoch, s->epoch);
  EXPECT_GT(s->events[0].before, static_cast<double>(s->epoch));
  EXPECT_EQ(s->events[0].after, 1000.0);
  EXPECT_TRUE(runner.snapshotAt(s->epoch).get()) << "the restored epoch is on the timeline";

  // A sensible learning rate trains on from the restored weights, one point per epoch.
  runner.setLearningRate(1e-3);
  runner.step(100);
  const Snapshot later = waitForPause(runner, PauseReason::StepDone);
  EXPECT_EQ(later->epoch, s->epoch + 100);
  EXPECT_TRUE(later->network.allFinite());
  for (std::size_t i = 1; i < later->history.size(); ++i)
    EXPECT_EQ(later->history[i].epoch, later->history[i - 1].epoch + 1) << "at point " << i;
}

TEST(TrainingRunner, StopConditionsPauseTraining) {
  auto runner = seedRunner();
  runner->setStopConditions({.maxEpochs = 3000, .lossGoal = 0.0});
  runner->run();
  Snapshot s = waitForPause(*runner, PauseReason::MaxEpochs);
  EXPECT_EQ(s->epoch, 3000);

  runner->reset(1);  // the seed is well below the goal by epoch 3000
  runner->setStopConditions({.maxEpochs = 0, .lossGoal = 0.01});
  runner->run();
  s = waitForPause(*runner, PauseReason::LossGoal);
  ASSERT_FALSE(s->history.empty());
  EXPECT_LE(s->history.back().loss, 0.01);
  EXPECT_GT(s->history[s->history.size() - 2].loss, 0.01);
}

TEST(TrainingRunner, StopEndsTrainingForGood) {
  auto runner = seedRunner();
  runner->run();
  runner->stop();
  Snapshot s =
      waitFor(*runner, [](const TrainingSnapshot& t) { return t.state == RunState::Stopped; });
  EXPECT_EQ(s->reason, PauseReason::Stopped);
  const long long epoch = s->epoch;
  runner->run();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(runner->latestSnapshot()->epoch, epoch);
}

// A 2-16-16-1 tanh network on 1000 rows: about a thousand times the seed's work per epoch.
std::unique_ptr<TrainingRunner> tanhRunner() {
  NetworkSpec spec;
  spec.inputs = 2;
  spec.layers = {{16, Activation::Tanh}, {16, Activation::Tanh}, {1, Activation::Tanh}};
  Network network(spec);
  network.initialize(Init::Xavier, 1);
  TrainingSettings settings;
  settings.loss = Loss::Mse;
  settings.optimizer.learningRate = 0.05;
  return std::make_unique<TrainingRunner>(network, Init::Xavier, 1, syntheticData(1000, 2, 1, 5),
                                          settings);
}

// Within 50 ms. On a loaded two-core machine the training thread may simply not be scheduled
// for a while, so the best of three tries counts: a runner that is slow to stop is slow every
// time.
TEST(TrainingRunner, DestructionWhileRunningIsQuick) {
  for (int big = 0; big < 2; ++big) {
    double best = 1e9;
    for (int attempt = 0; attempt < 3 && best >= 50.0; ++attempt) {
      auto runner = big ? tanhRunner() : seedRunner();
      runner->run();
      waitFor(*runner, [](const TrainingSnapshot& t) { return t.epoch > 20; });
      std::this_thread::sleep_for(std::chrono::milliseconds(30));  // chunks at full size
      const auto start = Clock::now();
      runner.reset();
      best =
          std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    EXPECT_LT(best, 50.0) << (big ? "tanh" : "seed");
  }
}

}  // namespace
}  // namespace nnlab
