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
using testing::Snapshot;

// Sanitizers slow training down by an order of magnitude; long runs shrink accordingly.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

std::unique_ptr<TrainingRunner> seedRunner(RunnerOptions options = {}) {
  const Preset preset = seedPreset();
  return std::make_unique<TrainingRunner>(preset.makeNetwork(), preset.init, preset.seed,
                                          preset.dataset, preset.settings, options);
}

using testing::waitFor;

Snapshot waitForPause(const TrainingRunner& runner, PauseReason reason) {
  return waitFor(runner, [reason](const TrainingSnapshot& s) {
    return s.state == RunState::Paused && s.reason == reason;
  });
}

// `rows` samples with `inputs` and `outputs` columns of deterministic data in [0, 1).
Dataset syntheticData(int rows, int inputs, int outputs, std::uint64_t seed) {
  Random random(seed);
  Matrix x(rows, inputs);
  Matrix y(rows, outputs);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < inputs; ++j) x(i, j) = random.uniform01();
    for (int j = 0; j < outputs; ++j) y(i, j) = random.uniform01();
  }
  return Dataset::fromMatrices(std::move(x), std::move(y));
}

bool sameWeights(const Network& a, const Network& b) {
  if (!a.sameShape(b)) return false;
  for (int l = 0; l < a.layerCount(); ++l) {
    if (a.layer(l).weights != b.layer(l).weights || a.layer(l).bias != b.layer(l).bias) {
      return false;
    }
  }
  return true;
}

// The invariant a view relies on: weights, predictions and data of one snapshot belong together.
void expectConsistent(const TrainingSnapshot& s) {
  ASSERT_TRUE(s.dataset);
  EXPECT_EQ(s.network.inputs(), s.dataset->inputColumns());
  EXPECT_EQ(s.network.outputs(), s.dataset->targetColumns());
  EXPECT_EQ(s.predictions.rows(), s.dataset->rows());
  EXPECT_EQ(s.predictions.cols(), s.network.outputs());
  ASSERT_EQ(s.gradients.weights.size(), static_cast<std::size_t>(s.network.layerCount()));
  for (int l = 0; l < s.network.layerCount(); ++l) {
    EXPECT_EQ(s.gradients.weights[l].rows(), s.network.layer(l).fanIn());
    EXPECT_EQ(s.gradients.weights[l].cols(), s.network.layer(l).units());
  }
}

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
      switch (random.below(12)) {
        case 8: {
          // Shaped for one of the data sets: refused (with a message) when another is in.
          const Dataset& like = shapes[random.below(3)];
          NetworkSpec spec{like.inputColumns(),
                           {{static_cast<int>(random.below(6)) + 1, Activation::Tanh},
                            {like.targetColumns(), Activation::Sigmoid}},
                           random.below(2) == 0};
          runner->setNetwork(spec, Init::Xavier, random.below(100));
          break;
        }
        case 9: {
          Network edited = runner->latestSnapshot()->network;
          edited.layer(0).weights(0, 0) += 0.01;
          runner->setModel(std::move(edited));
          break;
        }
        case 10: {
          TrainingSettings settings = runner->latestSnapshot()->settings;
          settings.optimizer.kind = static_cast<OptimizerKind>(random.below(4));  // not perceptron
          settings.batchSize = static_cast<int>(random.below(8));
          runner->setSettings(settings);
          break;
        }
        case 11:
          runner->revertToBest();
          break;
        case 0:
          runner->run();
          break;
        case 1:
          runner->pause();
          break;
        case 2:
          runner->step(static_cast<long long>(random.below(5000)) + 1);
          break;
        case 3:
          runner->setLearningRate(random.uniform01() * 2.0);
          break;
        case 4:
          runner->setDataset(shapes[random.below(3)]);
          break;
        case 5:
          runner->setSpeedLimit(random.below(2) ? 0.0 : 2000.0);
          break;
        case 6:
          runner->setStopConditions({.maxEpochs = 0, .lossGoal = random.uniform01() * 1e-3});
          break;
        default:
          if (random.below(20) == 0) runner->reset(random.below(100));
      }
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
