// RunHistory keeps a run's parameters within a memory budget, and any epoch of the run comes
// back exactly: a replay from the nearest record repeats training's own computations.
#include "core/run_history.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>

#include "core/data_generators.h"
#include "core/presets.h"

namespace nnlab {
namespace {

Trainer trainerFor(const Preset& preset) {
  return Trainer(preset.makeNetwork(), preset.dataset, preset.settings);
}

void expectSameNetwork(const Network& actual, const Network& expected, long long epoch) {
  ASSERT_EQ(actual.layerCount(), expected.layerCount());
  for (int l = 0; l < actual.layerCount(); ++l) {
    EXPECT_EQ(actual.layer(l).weights, expected.layer(l).weights) << "epoch " << epoch;
    EXPECT_EQ(actual.layer(l).bias, expected.layer(l).bias) << "epoch " << epoch;
  }
}

class RunHistoryReplay : public ::testing::TestWithParam<const char*> {};

// A run recorded into a history small enough to be thinned several times: every epoch, recorded
// or not, is the run's own, and training on from it goes on as the run went on (minibatch
// shuffles and Adam's moments included).
TEST_P(RunHistoryReplay, EveryEpochComesBackBitForBit) {
  const Preset preset = *findPreset(GetParam());
  Trainer run = trainerFor(preset);
  RunHistory history(24 * recordBytes(run.network(), run.state()));
  constexpr long long kEpochs = 300;
  std::map<long long, Network> truth{{0, run.network()}};
  ASSERT_TRUE(history.record(run));
  for (long long e = 1; e <= kEpochs; ++e) {
    run.step(1);
    truth.emplace(e, run.network());
    history.record(run);
  }
  EXPECT_GT(history.stride(), 8) << "the test should thin the history";
  EXPECT_LE(history.bytes(), history.budget());
  for (const long long epoch : {0LL, 1LL, 7LL, 64LL, 100LL, 191LL, 250LL, 289LL}) {
    Trainer shown = trainerFor(preset);
    ASSERT_TRUE(history.moveTo(shown, epoch));
    EXPECT_EQ(shown.epoch(), epoch);
    expectSameNetwork(shown.network(), truth.at(epoch), epoch);
    shown.step(10);
    expectSameNetwork(shown.network(), truth.at(epoch + 10), epoch + 10);
  }
}

INSTANTIATE_TEST_SUITE_P(Presets, RunHistoryReplay,
                         ::testing::Values("seed", "spiral", "blobs3", "sine"));

// A run whose rate, data and optimizer change on the way, recorded into a history thinned several
// times: every epoch on either side of a change comes back as the run computed it, and training
// on from it goes on as the run went on up to the next change.
class RunHistoryStretches : public ::testing::TestWithParam<const char*> {};

TEST_P(RunHistoryStretches, EpochsOnBothSidesOfAChangeComeBackBitForBit) {
  const Preset preset = *findPreset(GetParam());
  Trainer run = trainerFor(preset);
  auto data = std::make_shared<const Dataset>(preset.dataset);
  RunHistory history(24 * recordBytes(run.network(), run.state()));
  const std::vector<long long> changes = {100, 200, 250};
  std::map<long long, Network> truth{{0, run.network()}};
  ASSERT_TRUE(history.record(run));
  for (long long e = 1; e <= 300; ++e) {
    run.step(1);
    truth.emplace(e, run.network());
    history.record(run);
    if (std::find(changes.begin(), changes.end(), e) == changes.end()) continue;
    history.closeSegment(run, data, InputScaling());
    TrainingSettings settings = run.settings();
    if (e == 100) settings.optimizer.learningRate *= 0.5;
    if (e == 250) settings.optimizer.kind = OptimizerKind::Momentum;
    run.setSettings(settings);
    if (e == 200) {
      Dataset edited = *data;
      edited.targets(0, 0) = 1.0 - edited.targets(0, 0);
      data = std::make_shared<const Dataset>(edited);
      run.setDataset(edited);
    }
    history.restartAt(run);
  }
  EXPECT_GT(history.stride(), 8) << "the test should thin the history";
  ASSERT_EQ(history.segments().size(), 3u);
  EXPECT_EQ(history.presentStart(), 250);
  for (const long long epoch : {0LL, 37LL, 99LL, 100LL, 101LL, 163LL, 199LL, 200LL, 201LL, 249LL,
                                250LL, 251LL, 277LL, 300LL}) {
    Trainer shown = run;  // the present data and settings; the stretch's are put in
    ASSERT_TRUE(history.moveTo(shown, epoch)) << epoch;
    EXPECT_EQ(shown.epoch(), epoch);
    expectSameNetwork(shown.network(), truth.at(epoch), epoch);
    const bool crossesAChange = std::any_of(changes.begin(), changes.end(), [epoch](long long c) {
      return epoch < c && c < epoch + 10;
    });
    if (crossesAChange || epoch + 10 > 300) continue;
    shown.step(10);
    expectSameNetwork(shown.network(), truth.at(epoch + 10), epoch + 10);
  }
}

INSTANTIATE_TEST_SUITE_P(Presets, RunHistoryStretches, ::testing::Values("seed", "spiral", "sine"));

// Each change pins a record; when the pinned ones alone pass the limit, the oldest stretches go
// and the timeline starts later, still exact.
TEST(RunHistory, ChangesBeyondTheRecordLimitDropTheOldestStretches) {
  Trainer run = trainerFor(seedPreset());
  auto data = std::make_shared<const Dataset>(seedPreset().dataset);
  RunHistory history(kRunHistoryBytes, 8);
  std::map<long long, Network> truth{{0, run.network()}};
  history.record(run);
  for (int e = 1; e <= 20; ++e) {
    run.step(1);
    truth.emplace(e, run.network());
    history.record(run);
    history.closeSegment(run, data, InputScaling());
    TrainingSettings settings = run.settings();
    settings.optimizer.learningRate = 1.0 + 0.01 * e;
    run.setSettings(settings);
    history.restartAt(run);
  }
  EXPECT_LE(history.size(), 8u);
  const long long first = history.records().front().state.epoch;
  EXPECT_GT(first, 0) << "the oldest stretches went";
  EXPECT_EQ(history.segments().front().start, first);
  for (long long epoch = first; epoch <= 20; ++epoch) {
    Trainer shown = run;
    ASSERT_TRUE(history.moveTo(shown, epoch));
    expectSameNetwork(shown.network(), truth.at(epoch), epoch);
  }
}

// What a session keeps: the present stretch's records, thinned to a budget, copied alone, the
// same as thinning a copy of all of them.
TEST(RunHistory, ThePresentRecordsWithinABudgetAreThoseThinningWouldKeep) {
  Trainer run = trainerFor(seedPreset());
  auto data = std::make_shared<const Dataset>(seedPreset().dataset);
  RunHistory history;
  history.record(run);
  for (int e = 1; e <= 900; ++e) {
    run.step(1);
    history.record(run);
    if (e != 300) continue;
    history.closeSegment(run, data, InputScaling());
    TrainingSettings settings = run.settings();
    settings.optimizer.learningRate = 0.5;
    run.setSettings(settings);
    history.restartAt(run);
  }
  const std::size_t budget = 40 * recordBytes(run.network(), run.state());
  long long stride = 0;
  const std::vector<HistoryRecord> kept = history.presentRecords(budget, stride);
  const RunHistory thinned = RunHistory::fromRecords(
      presentRecords(history.records(), history.segments()), history.stride(), budget);
  EXPECT_EQ(stride, thinned.stride());
  ASSERT_EQ(kept.size(), thinned.size());
  for (std::size_t i = 0; i < kept.size(); ++i)
    EXPECT_EQ(kept[i].state.epoch, thinned.records()[i].state.epoch);
  EXPECT_EQ(kept.front().state.epoch, 300) << "the present stretch starts at the change";
}

// A rate slider dragged while training starts a stretch at every step. The oldest stretches go
// to make room (the timeline then starts later), not the present stretch's records (nor the
// stride, which would then be huge).
TEST(RunHistory, ManyChangesDropOldStretchesRatherThanThinTheRest) {
  Trainer run = trainerFor(seedPreset());
  auto data = std::make_shared<const Dataset>(seedPreset().dataset);
  RunHistory history(kRunHistoryBytes, 80);
  history.record(run);
  for (int e = 1; e <= 21000; ++e) {
    run.step(1);
    history.record(run);
    if (e <= 20000 || e > 20160 || e % 2 != 0) continue;
    history.closeSegment(run, data, InputScaling());
    TrainingSettings settings = run.settings();
    settings.optimizer.learningRate = 1.0 + 1e-3 * e;
    run.setSettings(settings);
    history.restartAt(run);
  }
  EXPECT_LE(history.size(), 80u);
  EXPECT_LE(history.stride(), 1024) << "thinned as if the run had no changes";
  const auto present = std::count_if(
      history.records().begin(), history.records().end(),
      [&](const HistoryRecord& r) { return r.state.epoch >= history.presentStart(); });
  EXPECT_GE(present, 2);
  // Oldest first: the timeline now starts at a stretch's start, within the drag.
  ASSERT_FALSE(history.segments().empty());
  EXPECT_EQ(history.records().front().state.epoch, history.segments().front().start);
}

TEST(RunHistory, RecordsStayEvenlySpacedWithinTheBudget) {
  Trainer trainer = trainerFor(seedPreset());
  const std::size_t one = recordBytes(trainer.network(), trainer.state());
  RunHistory history(1000 * one, 100000);
  // The seed for 10⁷ epochs, recorded as training would record it (its weights do not matter
  // to the policy: only the epochs do).
  for (long long e = 0; e <= 10'000'000; ++e) {
    trainer.setEpoch(e);
    history.record(trainer);
  }
  EXPECT_LE(history.bytes(), history.budget());
  EXPECT_GE(history.size(), 500u);
  const std::vector<long long> epochs = history.epochs();
  EXPECT_EQ(epochs.front(), 0);
  for (std::size_t i = 1; i < epochs.size(); ++i)
    ASSERT_EQ(epochs[i] - epochs[i - 1], history.stride()) << "at record " << i;
  EXPECT_GE(epochs.back(), 10'000'000 - history.stride() + 1);
}

TEST(RunHistory, TheSeedOverAHundredMillionEpochsFitsInSixtyFourMegabytes) {
  Trainer trainer = trainerFor(seedPreset());
  RunHistory history;  // the default budget
  EXPECT_EQ(history.budget(), std::size_t{64} << 20);
  for (long long e = 0; e <= 100'000'000; e += 1024) {  // the stride passes 1024 long before 10⁸
    trainer.setEpoch(e);
    history.record(trainer);
  }
  EXPECT_LE(history.bytes(), history.budget());
  // A replay to any epoch trains at most stride − 1 epochs: a few milliseconds for the seed.
  EXPECT_LE(history.stride(), 32768);
  EXPECT_LE(history.size(), 4096u);
}

// A larger network with Adam (two moments per weight): 8 hidden layers of 64 units over 10⁶
// epochs stays within the default 64 MB.
TEST(RunHistory, EightLayersOfSixtyFourWithAdamFitInSixtyFourMegabytes) {
  NetworkSpec spec;
  spec.inputs = 2;
  for (int l = 0; l < 8; ++l) spec.layers.push_back({64, Activation::Tanh});
  spec.layers.push_back({1, Activation::Sigmoid});
  Network network(spec);
  network.initialize(Init::Xavier, 1);
  TrainingSettings settings;
  settings.optimizer.kind = OptimizerKind::Adam;
  Trainer trainer(std::move(network), generateData(Generator::Circle, {}), settings);
  trainer.step(1);  // Adam's moments exist from the first update
  RunHistory history;
  for (long long e = 0; e <= 1'000'000; e += 256) {
    trainer.setEpoch(e);
    history.record(trainer);
  }
  EXPECT_LE(history.bytes(), history.budget());
  EXPECT_GE(history.size(), 32u);
}

TEST(RunHistory, BeforeTheFirstRecordThereIsNothingToMoveTo) {
  Trainer trainer = trainerFor(seedPreset());
  trainer.step(5);
  RunHistory history;
  EXPECT_EQ(history.nearest(10), nullptr);
  ASSERT_TRUE(history.record(trainer));
  EXPECT_FALSE(history.record(trainer)) << "the same epoch twice";
  Trainer other = trainerFor(seedPreset());
  EXPECT_FALSE(history.moveTo(other, 4));
  EXPECT_EQ(other.epoch(), 0);
  ASSERT_TRUE(history.moveTo(other, 5));
  expectSameNetwork(other.network(), trainer.network(), 5);
  history.clear();
  EXPECT_EQ(history.size(), 0u);
  EXPECT_EQ(history.bytes(), 0u);
  EXPECT_EQ(history.stride(), 1);
}

}  // namespace
}  // namespace nnlab
