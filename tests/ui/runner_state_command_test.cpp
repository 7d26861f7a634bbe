// What an undo step that restores a whole run keeps of the present: the data, the scaling, the
// stops and the speed; and the old run's timeline only where its data are still the data.
#include "ui/common/runner_state_command.h"

#include <gtest/gtest.h>

#include <QTest>

#include "core/presets.h"
#include "core/training_runner.h"

namespace nnlab {
namespace {

RunnerState trainedState(const Preset& preset, long long epochs) {
  TrainingRunner runner(preset.makeNetwork(), preset.init, preset.seed, preset.dataset,
                        preset.settings);
  runner.step(epochs);
  EXPECT_TRUE(QTest::qWaitFor([&] {
    const auto s = runner.latestSnapshot();
    return s->epoch == epochs && s->state == RunState::Paused;
  }));
  return runner.captureState().get();
}

TEST(RunnerStateCommand, KeepsThePresentSurroundingsAndTheTimelineOfTheSameData) {
  const Preset seed = seedPreset();
  const RunnerState old = trainedState(seed, 50);
  ASSERT_FALSE(old.timeline.empty());
  RunnerState now = old;
  now.stopConditions.maxEpochs = 99;
  now.speedLimit = 10.0;
  const RunnerState kept = RunnerStateCommand::inSurroundings(old, now);
  EXPECT_EQ(kept.stopConditions.maxEpochs, 99);
  EXPECT_EQ(kept.speedLimit, 10.0);
  EXPECT_EQ(kept.timeline.size(), old.timeline.size());

  now.dataset.targets(0, 0) = 1.0 - now.dataset.targets(0, 0);  // the data were edited since
  const RunnerState edited = RunnerStateCommand::inSurroundings(old, now);
  EXPECT_TRUE(sameData(edited.dataset, now.dataset));
  EXPECT_TRUE(edited.timeline.empty()) << "records trained on other data are not replayed";
  EXPECT_EQ(edited.network.layer(0).weights, old.network.layer(0).weights);
}

}  // namespace
}  // namespace nnlab
