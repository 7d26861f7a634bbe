// TrainingRunner: weights set by hand, input scaling, capture and restore, speed limits, and
// commands under stress. (Training, stepping and stopping: training_runner_test.cpp.)
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <thread>

#include "core/presets.h"
#include "core/random.h"
#include "core/training_runner.h"
#include "tests/core/runner_test_support.h"

namespace nnlab {
namespace {

using Clock = std::chrono::steady_clock;
using namespace testing;  // the runner tests' helpers (runner_test_support.h)

TEST(TrainingRunner, SetWeightChangesOneWeightAndRefusesOthers) {
  auto runner = seedRunner();
  runner->step(50);
  const Snapshot before = waitForPause(*runner, PauseReason::StepDone);
  runner->setWeight(1, 2, 0, -4.0);
  const Snapshot after = waitFor(
      *runner, [](const TrainingSnapshot& t) { return t.network.layer(1).weights(2, 0) == -4.0; });
  EXPECT_EQ(after->epoch, 50);
  EXPECT_EQ(after->network.layer(0).weights, before->network.layer(0).weights);
  runner->setWeight(1, 4, 0, 1.0);  // the output layer has 4 inputs: 0…3
  const Snapshot refused =
      waitFor(*runner, [](const TrainingSnapshot& t) { return !t.message.empty(); });
  EXPECT_NE(refused->message.find("no weight"), std::string::npos) << refused->message;
  runner->setWeight(0, 0, 0, std::nan(""));
  EXPECT_NE(waitFor(*runner,
                    [](const TrainingSnapshot& t) {
                      return t.message.find("finite") != std::string::npos;
                    })
                ->message,
            "");
}

// Wildly different column ranges: the runner trains on rescaled inputs, while the snapshot
// keeps the data as given and says how the network's inputs come from it.
TEST(TrainingRunner, InputScalingTrainsOnRescaledInputsAndKeepsTheRawData) {
  Dataset raw = syntheticData(30, 2, 1, 7);
  raw.inputs.col(1) *= 1000.0;
  Network network(NetworkSpec{2, {{4, Activation::Tanh}, {1, Activation::Sigmoid}}, true});
  network.initialize(Init::Xavier, 1);
  TrainingRunner runner(network, Init::Xavier, 1, raw, TrainingSettings{});
  runner.setInputScaling(ScalingKind::ZScore);
  runner.step(10);
  const Snapshot s = waitForPause(runner, PauseReason::StepDone);
  EXPECT_EQ(s->scaling.kind(), ScalingKind::ZScore);
  EXPECT_EQ(s->dataset->inputs, raw.inputs);
  const Matrix expected = s->network.predict(s->scaling.apply(raw.inputs));
  EXPECT_LT((s->predictions - expected).cwiseAbs().maxCoeff(), 1e-12);
  // A data edit refits the scaling to the new rows.
  Dataset wider = raw;
  wider.inputs.col(1) *= 2.0;
  runner.setDataset(wider);
  const Snapshot refit =
      waitFor(runner, [&](const TrainingSnapshot& t) { return t.dataset->inputs == wider.inputs; });
  EXPECT_NEAR(refit->scaling.scale()(1), 2.0 * s->scaling.scale()(1), 1e-9);
  runner.setInputScaling(ScalingKind::None);
  EXPECT_TRUE(waitFor(runner, [](const TrainingSnapshot& t) {
                return t.scaling.isIdentity();
              })->scaling.isIdentity());
}

// A captured state restored into another runner goes on exactly as the first one does:
// weights, Adam's moments, the minibatch order, the epoch count and the history.
TEST(TrainingRunner, ACapturedStateRestoredElsewhereTrainsOnBitIdentically) {
  Dataset data = syntheticData(37, 3, 2, 5);
  splitTestRows(data, 20.0, 2);
  Network network(NetworkSpec{3, {{6, Activation::Tanh}, {2, Activation::Sigmoid}}, true});
  network.initialize(Init::Xavier, 4);
  TrainingSettings settings;
  settings.loss = Loss::Bce;
  settings.optimizer.kind = OptimizerKind::Adam;
  settings.optimizer.learningRate = 0.01;
  settings.batchSize = 8;
  TrainingRunner first(network, Init::Xavier, 4, data, settings);
  first.setInputScaling(ScalingKind::MinMax);
  first.setStopConditions({.maxEpochs = 0, .lossGoal = 1e-9});
  first.step(250);
  waitForPause(first, PauseReason::StepDone);
  RunnerState state = first.captureState().get();
  EXPECT_EQ(state.trainer.epoch, 250);
  EXPECT_EQ(state.trainer.optimizer.steps, 250 * 4);  // 30 training rows: 4 batches an epoch
  EXPECT_EQ(state.scaling, ScalingKind::MinMax);

  const Preset seed = seedPreset();
  TrainingRunner second(seed.makeNetwork(), seed.init, seed.seed, seed.dataset, seed.settings);
  second.restore(state);
  const Snapshot restored =
      waitFor(second, [](const TrainingSnapshot& t) { return t.epoch == 250; });
  EXPECT_EQ(restored->state, RunState::Paused);
  EXPECT_EQ(restored->stopConditions.lossGoal, 1e-9);
  EXPECT_EQ(restored->history.size(), first.latestSnapshot()->history.size());
  EXPECT_EQ(restored->loss, first.latestSnapshot()->loss);
  first.step(100);
  second.step(100);
  // Both are paused after a step already: wait for the new one's end, not the old one's.
  const auto stepped = [](const TrainingSnapshot& t) {
    return t.epoch == 350 && t.state == RunState::Paused && t.reason == PauseReason::StepDone;
  };
  const Snapshot a = waitFor(first, stepped);
  const Snapshot b = waitFor(second, stepped);
  EXPECT_EQ(a->epoch, 350);
  EXPECT_EQ(b->epoch, 350);
  EXPECT_TRUE(sameWeights(a->network, b->network));
  EXPECT_EQ(a->loss, b->loss);
}

TEST(TrainingRunner, ARestoreThatDoesNotFitIsRefusedAndChangesNothing) {
  auto runner = seedRunner();
  runner->step(30);
  waitForPause(*runner, PauseReason::StepDone);
  RunnerState state = runner->captureState().get();
  state.trainer.shuffleOrder = {0, 1, 1, 3};  // not an order of the rows
  runner->restore(state);
  const Snapshot refused =
      waitFor(*runner, [](const TrainingSnapshot& t) { return !t.message.empty(); });
  EXPECT_NE(refused->message.find("shuffle order"), std::string::npos) << refused->message;
  EXPECT_EQ(refused->epoch, 30);
  state = runner->captureState().get();
  state.history.epochsPerPoint = 3;
  runner->restore(state);
  EXPECT_NE(waitFor(*runner,
                    [](const TrainingSnapshot& t) {
                      return t.message.find("epochs per point") != std::string::npos;
                    })
                ->epoch,
            0);
}

TEST(TrainingRunner, StepDuringAStepAddsItsEpochs) {
  auto runner = seedRunner();
  runner->step(5);
  runner->step(5);
  EXPECT_EQ(waitForPause(*runner, PauseReason::StepDone)->epoch, 10);
  runner->setSpeedLimit(200.0);  // 100 epochs take half a second: the second lands mid-step
  runner->step(100);
  waitFor(*runner, [](const TrainingSnapshot& t) { return t.epoch > 20; });
  runner->step(100);
  // The pause that answers it, not the first step's own end on a machine slow to post it.
  const std::uint64_t posted = runner->postedCommands();
  EXPECT_EQ(waitFor(*runner,
                    [posted](const TrainingSnapshot& t) {
                      return t.commandsApplied >= posted && t.state == RunState::Paused &&
                             t.reason == PauseReason::StepDone;
                    })
                ->epoch,
            210);
}

TEST(TrainingRunner, DataWithoutInputOrTargetColumnsIsRefused) {
  auto runner = seedRunner();
  runner->setDataset(Dataset::fromMatrices(Matrix::Ones(5, 3), Matrix(5, 0)));
  Snapshot s = waitFor(*runner, [](const TrainingSnapshot& t) {
    return t.message.find("no target columns") != std::string::npos;
  });
  runner->setDataset(Dataset::fromMatrices(Matrix(5, 0), Matrix::Ones(5, 1)));
  s = waitFor(*runner, [](const TrainingSnapshot& t) {
    return t.message.find("no input columns") != std::string::npos;
  });
  EXPECT_EQ(s->dataset->rows(), 4);
  expectConsistent(*s);
  runner->step(10);  // and the thread lives on
  EXPECT_EQ(waitForPause(*runner, PauseReason::StepDone)->epoch, 10);
}

// A slider dragged faster than the thread drains its commands: only the latest rate matters,
// and the one after the flood is served at once, not after a backlog of a million.
TEST(TrainingRunner, AFloodOfSettersDoesNotQueueUp) {
  auto runner = seedRunner();
  runner->run();
  const int flood = kSanitized ? 100'000 : 1'000'000;
  for (int i = 0; i < flood; ++i) runner->setLearningRate(0.1 + 1e-7 * i);
  const auto start = Clock::now();
  runner->setLearningRate(0.25);
  waitFor(*runner,
          [](const TrainingSnapshot& t) { return t.settings.optimizer.learningRate == 0.25; });
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 2.0);
}

// At a tiny speed limit the thread waits for its next epoch; it must not spin meanwhile.
TEST(TrainingRunner, ATinySpeedLimitWaitsWithoutSpinning) {
  auto runner = seedRunner();
  runner->setSpeedLimit(1e-12);
  runner->run();
  waitFor(*runner, [](const TrainingSnapshot& t) { return t.epoch == 1; });
  const std::clock_t before = std::clock();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const double cpuSeconds = static_cast<double>(std::clock() - before) / CLOCKS_PER_SEC;
  EXPECT_LT(cpuSeconds, 0.2);
  EXPECT_EQ(runner->latestSnapshot()->epoch, 1);
  runner->pause();
  waitForPause(*runner, PauseReason::User);
}

TEST(TrainingRunner, HistoryStaysWithinItsBudgetOverTenMillionEpochs) {
  const long long epochs = kSanitized ? 2'000'000 : 10'000'000;
  auto runner = seedRunner({.publishIntervalSeconds = 0.004, .historyBudget = 1000});
  runner->step(epochs);
  const Snapshot s = waitFor(
      *runner,
      [](const TrainingSnapshot& t) {
        EXPECT_LE(t.history.size(), 1000u);
        return t.reason == PauseReason::StepDone;
      },
      60.0);
  EXPECT_EQ(s->epoch, epochs);
  ASSERT_FALSE(s->history.empty());
  EXPECT_GE(s->history.size(), 500u);
  EXPECT_EQ(s->history.back().epoch, epochs - 1);
  EXPECT_EQ(s->history.front().max, s->history.front().max);  // not NaN
  EXPECT_GT(s->history.front().max, s->history.back().min);   // the loss fell
}

TEST(TrainingRunner, SpeedLimitGivesRoughlyThatRate) {
  auto runner = seedRunner();
  runner->setSpeedLimit(50.0);
  runner->run();
  const Snapshot first = waitFor(*runner, [](const TrainingSnapshot& t) { return t.epoch > 0; });
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const Snapshot last = runner->latestSnapshot();
  EXPECT_EQ(last->speedLimit, 50.0);
  EXPECT_GE(last->epoch - first->epoch, 35);
  EXPECT_LE(last->epoch - first->epoch, 65);
  EXPECT_GT(last->epochsPerSecond, 30.0);
  EXPECT_LT(last->epochsPerSecond, 70.0);

  runner->setSpeedLimit(std::numeric_limits<double>::infinity());
  const Snapshot fast =
      waitFor(*runner, [&](const TrainingSnapshot& t) { return t.epoch > last->epoch + 10'000; });
  EXPECT_EQ(fast->speedLimit, 0.0);
}

// One random command of the storm below: runs, pauses, steps, rates, data, networks, models,
// settings, stopping rules, reverts and resets, some refused on purpose.
void postRandomCommand(TrainingRunner& runner, Random& random, const Dataset (&shapes)[3]) {
  switch (random.below(12)) {
    case 8: {
      // Shaped for one of the data sets: refused (with a message) when another is in.
      const Dataset& like = shapes[random.below(3)];
      NetworkSpec spec{like.inputColumns(),
                       {{static_cast<int>(random.below(6)) + 1, Activation::Tanh},
                        {like.targetColumns(), Activation::Sigmoid}},
                       random.below(2) == 0};
      runner.setNetwork(spec, Init::Xavier, random.below(100));
      break;
    }
    case 9: {
      Network edited = runner.latestSnapshot()->network;
      edited.layer(0).weights(0, 0) += 0.01;
      runner.setModel(std::move(edited));
      break;
    }
    case 10: {
      TrainingSettings settings = runner.latestSnapshot()->settings;
      settings.optimizer.kind = static_cast<OptimizerKind>(random.below(4));  // not perceptron
      settings.batchSize = static_cast<int>(random.below(8));
      runner.setSettings(settings);
      break;
    }
    case 11:
      runner.revertToBest();
      break;
    case 0:
      runner.run();
      break;
    case 1:
      runner.pause();
      break;
    case 2:
      runner.step(static_cast<long long>(random.below(5000)) + 1);
      break;
    case 3:
      runner.setLearningRate(random.uniform01() * 2.0);
      break;
    case 4:
      runner.setDataset(shapes[random.below(3)]);
      break;
    case 5:
      runner.setSpeedLimit(random.below(2) ? 0.0 : 2000.0);
      break;
    case 6:
      runner.setStopConditions({.maxEpochs = 0, .lossGoal = random.uniform01() * 1e-3});
      break;
    default:
      if (random.below(20) == 0) runner.reset(random.below(100));
  }
}

TEST(TrainingRunner, StressCommandsWhileReading) {
  const Preset preset = seedPreset();
  auto runner = seedRunner();
  Dataset withTestRows = syntheticData(40, 2, 1, 1);
  splitTestRows(withTestRows, 25.0, 3);
  const Dataset shapes[] = {preset.dataset, withTestRows, syntheticData(9, 3, 2, 2)};
  std::atomic<bool> going{true};
  std::jthread commander([&] {
    Random random(11);
    while (going.load()) {
      postRandomCommand(*runner, random, shapes);
      std::this_thread::sleep_for(std::chrono::microseconds(random.below(500)));
    }
  });
  const auto end = Clock::now() + std::chrono::seconds(3);
  std::uint64_t serial = 0;
  int checked = 0;
  while (Clock::now() < end) {
    const Snapshot s = runner->latestSnapshot();
    EXPECT_GE(s->serial, serial);
    if (s->serial != serial) {
      serial = s->serial;
      expectConsistent(*s);
      ++checked;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  going.store(false);
  commander.join();
  EXPECT_GT(checked, 100);
  // The storm leaves a random loss goal, speed limit and learning rate behind, and a goal the
  // loss already meets rightly stops each run after one epoch. Cleared, the runner trains on.
  runner->setStopConditions({});
  runner->setSpeedLimit(0.0);
  runner->setLearningRate(0.5);
  runner->run();
  const Snapshot started =
      waitFor(*runner, [](const TrainingSnapshot& t) { return t.state == RunState::Running; });
  waitFor(*runner, [&](const TrainingSnapshot& t) { return t.epoch > started->epoch + 100; });
  runner->stop();
  EXPECT_EQ(waitFor(*runner, [](const TrainingSnapshot& t) { return t.state == RunState::Stopped; })
                ->reason,
            PauseReason::Stopped);
}

// A model file's input scaling is used as stored, not refitted to the data it goes on: the
// runner predicts what `nnlab-cli predict` does with the same file. Choosing a scaling refits.
TEST(TrainingRunner, AModelsOwnInputScalingIsKeptAsStored) {
  auto runner = seedRunner();
  const Preset seed = seedPreset();
  RowVector offset(3), scale(3);
  offset << 0.25, -1.0, 0.5;  // nothing a fit of the seed's 0/1 inputs would give
  scale << 2.0, 0.5, 4.0;
  const InputScaling stored(ScalingKind::ZScore, offset, scale);
  Network network = seed.makeNetwork();
  network.initialize(Init::Uniform, 9);
  runner->setModel(network, stored);
  const Snapshot s = waitFor(
      *runner, [](const TrainingSnapshot& t) { return t.scaling.kind() == ScalingKind::ZScore; });
  EXPECT_EQ(s->scaling.offset(), offset);
  EXPECT_EQ(s->scaling.scale(), scale);
  const Matrix expected = network.predict(stored.apply(seed.dataset.inputs));
  EXPECT_EQ(s->predictions, expected);
  // A data edit of the same width keeps it; choosing a scaling fits that one to the data.
  Dataset edited = seed.dataset;
  edited.targets(0, 0) = 1.0;
  runner->setDataset(edited);
  const Snapshot afterEdit =
      waitFor(*runner, [](const TrainingSnapshot& t) { return t.dataset->targets(0, 0) == 1.0; });
  EXPECT_EQ(afterEdit->scaling.offset(), offset);
  runner->setInputScaling(ScalingKind::ZScore);
  const Snapshot refitted =
      waitFor(*runner, [&](const TrainingSnapshot& t) { return t.scaling.offset() != offset; });
  EXPECT_EQ(refitted->scaling.offset(), InputScaling::fit(ScalingKind::ZScore, edited).offset());
}

}  // namespace
}  // namespace nnlab
