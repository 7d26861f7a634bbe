// The runner keeps its run's history: any earlier epoch comes back as a snapshot equal, bit for
// bit, to what training computed then; a change of data, settings or weights starts it afresh.
#include <gtest/gtest.h>

#include <memory>

#include "presets.h"
#include "runner_test_support.h"
#include "training_runner.h"

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

TEST(TrainingRunnerHistory, ASettingsChangeStartsTheRunAfresh) {
  const Preset preset = seedPreset();
  auto runner = runnerFor(preset);
  stepAndWait(*runner, 100, 100);
  TrainingSettings faster = preset.settings;
  faster.optimizer.learningRate = 0.5;
  runner->setSettings(faster);
  stepAndWait(*runner, 50, 150);
  EXPECT_FALSE(runner->snapshotAt(99).get()) << "replayed with the new rate, it would differ";
  const Snapshot shown = runner->snapshotAt(120).get();
  ASSERT_TRUE(shown);
  Trainer reference(preset.makeNetwork(), preset.dataset, preset.settings);
  reference.step(100);
  reference.setSettings(faster);
  reference.step(20);
  expectSameNetwork(shown->network, reference.network());
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

}  // namespace
}  // namespace nnlab
