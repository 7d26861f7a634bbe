// The runner keeps its run's history: any earlier epoch comes back as a snapshot equal, bit for
// bit, to what training computed then, on either side of a change of data or settings; a new
// network or weights put in by hand start it afresh.
#include <gtest/gtest.h>

#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "tests/core/runner_test_support.h"

namespace nnlab {
namespace {

using testing::Snapshot;
using testing::waitFor;

std::unique_ptr<TrainingRunner> runnerFor(const Preset& preset) {
  return std::make_unique<TrainingRunner>(preset.makeNetwork(), preset.init, preset.seed,
                                          preset.dataset, preset.settings);
}

Snapshot stepAndWait(TrainingRunner& runner, long long epochs, long long until) {
  runner.step(epochs);
  return waitFor(runner, [until](const TrainingSnapshot& s) {
    return s.epoch == until && s.state == RunState::Paused;
  });
}

TrainingSettings withRate(TrainingSettings settings, double rate) {
  settings.optimizer.learningRate = rate;
  return settings;
}

void expectSameNetwork(const Network& actual, const Network& expected) {
  ASSERT_EQ(actual.layerCount(), expected.layerCount());
  for (int l = 0; l < actual.layerCount(); ++l) {
    EXPECT_EQ(actual.layer(l).weights, expected.layer(l).weights) << "layer " << l;
    EXPECT_EQ(actual.layer(l).bias, expected.layer(l).bias) << "layer " << l;
  }
}

TEST(TrainingRunnerHistory, AnEarlierEpochIsTheRunsOwnBitForBit) {
  for (const char* name : {"seed", "spiral"}) {  // full batch; shuffled minibatches with Adam
    SCOPED_TRACE(name);
    const Preset preset = *findPreset(name);
    auto runner = runnerFor(preset);
    stepAndWait(*runner, 400, 400);
    for (const long long epoch : {0LL, 1LL, 150LL, 333LL, 400LL}) {
      const Snapshot shown = runner->snapshotAt(epoch).get();
      ASSERT_TRUE(shown) << "epoch " << epoch;
      EXPECT_EQ(shown->epoch, epoch);
      Trainer reference(preset.makeNetwork(), preset.dataset, preset.settings);
      reference.step(epoch);
      expectSameNetwork(shown->network, reference.network());
      EXPECT_EQ(shown->predictions, reference.predictAll());
      EXPECT_EQ(shown->loss, reference.evaluate());
    }
    EXPECT_FALSE(runner->snapshotAt(401).get()) << "after the present";
    EXPECT_EQ(runner->latestSnapshot()->epoch, 400) << "looking back changes nothing";
  }
}

// A new rate mid-run is an event of the run, not a new run: epochs on either side of it come
// back as training computed them (each with its own rate), and the chart gets a marker.
TEST(TrainingRunnerHistory, ALearningRateChangeMidRunIsReplayedOnBothSides) {
  const Preset preset = seedPreset();
  const TrainingSettings faster = withRate(preset.settings, 0.5);
  auto runner = runnerFor(preset);
  stepAndWait(*runner, 100, 100);
  runner->setSettings(faster);
  const Snapshot present = stepAndWait(*runner, 50, 150);
  Trainer reference(preset.makeNetwork(), preset.dataset, preset.settings);
  reference.step(99);
  const Snapshot before = runner->snapshotAt(99).get();
  ASSERT_TRUE(before);
  expectSameNetwork(before->network, reference.network());
  EXPECT_EQ(before->settings.optimizer.learningRate, preset.settings.optimizer.learningRate);
  reference.step(1);
  reference.setSettings(faster);
  reference.step(20);
  const Snapshot after = runner->snapshotAt(120).get();
  ASSERT_TRUE(after);
  expectSameNetwork(after->network, reference.network());
  EXPECT_EQ(after->settings.optimizer.learningRate, 0.5);
  ASSERT_EQ(present->events.size(), 1u);
  EXPECT_EQ(present->events[0], (RunEvent{100, RunEventKind::LearningRate,
                                          preset.settings.optimizer.learningRate, 0.5}));
  EXPECT_EQ(present->timelineStart, 0);
}

// An edit of the data mid-run: earlier epochs are shown with the data they were trained on.
TEST(TrainingRunnerHistory, ADataEditMidRunIsReplayedOnBothSides) {
  const Preset preset = *findPreset("spiral");  // shuffled minibatches with Adam
  auto runner = runnerFor(preset);
  stepAndWait(*runner, 100, 100);
  Dataset edited = preset.dataset;
  edited.targets(0, 0) = 1.0 - edited.targets(0, 0);
  runner->setDataset(edited);
  const Snapshot present = stepAndWait(*runner, 50, 150);
  Trainer reference(preset.makeNetwork(), preset.dataset, preset.settings);
  reference.step(60);
  const Snapshot before = runner->snapshotAt(60).get();
  ASSERT_TRUE(before);
  expectSameNetwork(before->network, reference.network());
  EXPECT_EQ(before->predictions, reference.predictAll());
  EXPECT_EQ(before->dataset->targets(0, 0), preset.dataset.targets(0, 0));
  reference.step(40);
  reference.setDataset(edited);
  reference.step(30);
  const Snapshot after = runner->snapshotAt(130).get();
  ASSERT_TRUE(after);
  expectSameNetwork(after->network, reference.network());
  EXPECT_EQ(after->dataset->targets(0, 0), edited.targets(0, 0));
  ASSERT_EQ(present->events.size(), 1u);
  EXPECT_EQ(present->events[0].kind, RunEventKind::Data);
  EXPECT_EQ(present->events[0].epoch, 100);
}

// Train from here before a change: the run goes on from that epoch's weights with the present
// rate, and the change's marker (after that epoch) goes with the abandoned epochs.
TEST(TrainingRunnerHistory, GoingBackBeforeAChangeTrainsOnWithThePresentSettings) {
  const Preset preset = seedPreset();
  const TrainingSettings faster = withRate(preset.settings, 0.5);
  auto runner = runnerFor(preset);
  stepAndWait(*runner, 100, 100);
  runner->setSettings(faster);
  stepAndWait(*runner, 50, 150);
  runner->goBackTo(60);
  const Snapshot back = waitFor(*runner, [](const TrainingSnapshot& s) { return s.epoch == 60; });
  EXPECT_NE(back->message.find("with the present data and settings"), std::string::npos)
      << back->message;
  // The present rate now starts at epoch 60: that is where the chart marks it.
  ASSERT_EQ(back->events.size(), 1u);
  EXPECT_EQ(back->events[0], (RunEvent{60, RunEventKind::LearningRate,
                                       preset.settings.optimizer.learningRate, 0.5}));
  const Snapshot trained = stepAndWait(*runner, 40, 100);
  Trainer reference(preset.makeNetwork(), preset.dataset, preset.settings);
  reference.step(60);
  reference.setSettings(faster);
  reference.step(40);
  expectSameNetwork(trained->network, reference.network());
  const Snapshot earlier = runner->snapshotAt(30).get();
  ASSERT_TRUE(earlier) << "the epochs before the new start stay on the timeline";
  EXPECT_EQ(earlier->settings.optimizer.learningRate, preset.settings.optimizer.learningRate);
}

TEST(TrainingRunnerHistory, PausingAndSpeedLimitsKeepTheHistory) {
  auto runner = runnerFor(seedPreset());
  stepAndWait(*runner, 60, 60);
  runner->setSpeedLimit(1e9);
  runner->setMaxEpochs(5000);
  runner->pause();
  stepAndWait(*runner, 10, 70);
  EXPECT_TRUE(runner->snapshotAt(3).get());
}

// Train from here: the run goes on from a past epoch exactly as it went on the first time, so
// training it on to the old present gives the old present's weights again.
TEST(TrainingRunnerHistory, GoingBackAndTrainingOnRepeatsTheRun) {
  for (const char* name : {"seed", "spiral"}) {
    SCOPED_TRACE(name);
    const Preset preset = *findPreset(name);
    auto runner = runnerFor(preset);
    const Snapshot first = stepAndWait(*runner, 300, 300);
    runner->goBackTo(120);
    const Snapshot back =
        waitFor(*runner, [](const TrainingSnapshot& s) { return s.epoch == 120; });
    EXPECT_NE(back->message.find("Went back from epoch 300 to epoch 120"), std::string::npos)
        << back->message;
    EXPECT_FALSE(runner->snapshotAt(121).get()) << "the later epochs are forgotten";
    ASSERT_FALSE(back->history.empty());
    EXPECT_LT(back->history.back().epoch, 120);
    const Snapshot again = stepAndWait(*runner, 180, 300);
    expectSameNetwork(again->network, first->network);
    EXPECT_EQ(again->loss, first->loss);
  }
}

TEST(TrainingRunnerHistory, GoingBackToAnEpochOutsideTheTimelineIsRefused) {
  auto runner = runnerFor(seedPreset());
  const Snapshot present = stepAndWait(*runner, 50, 50);
  runner->goBackTo(80);
  const Snapshot refused = waitFor(*runner, [](const TrainingSnapshot& s) {
    return s.message.find("not in this run's timeline") != std::string::npos;
  });
  EXPECT_EQ(refused->epoch, 50);
  expectSameNetwork(refused->network, present->network);
}

// A captured state carries the timeline: restored in another runner (a reopened session), the
// old run can be looked at again, bit for bit.
TEST(TrainingRunnerHistory, ACapturedStateKeepsTheTimeline) {
  const Preset preset = *findPreset("spiral");
  auto runner = runnerFor(preset);
  stepAndWait(*runner, 200, 200);
  const Snapshot before = runner->snapshotAt(77).get();
  ASSERT_TRUE(before);
  RunnerState state = runner->captureState().get();
  EXPECT_FALSE(state.timeline.empty());
  auto other = runnerFor(seedPreset());
  other->restore(std::move(state));
  waitFor(*other, [](const TrainingSnapshot& s) { return s.epoch == 200; });
  const Snapshot after = other->snapshotAt(77).get();
  ASSERT_TRUE(after);
  expectSameNetwork(after->network, before->network);
  EXPECT_EQ(after->predictions, before->predictions);
  EXPECT_EQ(other->latestSnapshot()->timelineStart, 0);
}

// A slider dragged while training: rate changes within a second are one marker.
TEST(TrainingRunnerHistory, RateChangesInQuickSuccessionAreOneEvent) {
  auto runner = runnerFor(seedPreset());
  stepAndWait(*runner, 100, 100);
  runner->setLearningRate(0.5);
  stepAndWait(*runner, 10, 110);
  runner->setLearningRate(0.25);
  const Snapshot present = stepAndWait(*runner, 10, 120);
  ASSERT_EQ(present->events.size(), 1u);
  EXPECT_EQ(present->events[0], (RunEvent{100, RunEventKind::LearningRate, 1.0, 0.25}));
  const Snapshot between = runner->snapshotAt(105).get();
  ASSERT_TRUE(between);
  EXPECT_EQ(between->settings.optimizer.learningRate, 0.5) << "each stretch keeps its own rate";
}

// An undo restores a captured state: its stretches before a change come back with it.
TEST(TrainingRunnerHistory, ACapturedStateKeepsTheStretchesBeforeAChange) {
  const Preset preset = seedPreset();
  auto runner = runnerFor(preset);
  stepAndWait(*runner, 80, 80);
  runner->setLearningRate(0.25);
  stepAndWait(*runner, 20, 100);
  const Snapshot before = runner->snapshotAt(40).get();
  RunnerState state = runner->captureState().get();
  ASSERT_EQ(state.timelineSegments.size(), 1u);
  ASSERT_EQ(state.events.size(), 1u);
  auto other = runnerFor(preset);
  other->restore(std::move(state));
  const Snapshot restored =
      waitFor(*other, [](const TrainingSnapshot& s) { return s.epoch == 100; });
  EXPECT_EQ(restored->events.size(), 1u);
  const Snapshot after = other->snapshotAt(40).get();
  ASSERT_TRUE(after);
  expectSameNetwork(after->network, before->network);
  EXPECT_EQ(after->predictions, before->predictions);
}

TEST(TrainingRunnerHistory, ATimelineThatDoesNotFitIsRefusedWithTheState) {
  auto runner = runnerFor(seedPreset());
  stepAndWait(*runner, 20, 20);
  RunnerState state = runner->captureState().get();
  ASSERT_GE(state.timeline.size(), 2u);
  std::swap(state.timeline.front(), state.timeline.back());  // epochs out of order
  runner->restore(std::move(state));
  const Snapshot refused = waitFor(*runner, [](const TrainingSnapshot& s) {
    return s.message.find("Refused the saved state") != std::string::npos;
  });
  EXPECT_NE(refused->message.find("timeline record"), std::string::npos) << refused->message;
}

}  // namespace
}  // namespace nnlab
