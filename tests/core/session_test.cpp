#include "core/session.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/presets.h"
#include "tests/core/runner_test_support.h"

namespace nnlab {
namespace {

namespace fs = std::filesystem;

bool sameBits(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) == 0;
}

/// A session from a real run: spiral data with test rows, Adam with its moments, z-scored
/// inputs, some history, a generator and view settings.
Session trainedSession() {
  const Preset spiral = *findPreset("spiral");
  TrainingRunner runner(spiral.makeNetwork(), spiral.init, spiral.seed, spiral.dataset,
                        spiral.settings);
  runner.setInputScaling(ScalingKind::ZScore);
  runner.setStopConditions({.maxEpochs = 5000, .lossGoal = 0.001, .earlyStopPatience = 300});
  runner.setSpeedLimit(1000.0);
  runner.setSpeedLimit(0.0);
  runner.step(120);
  testing::waitFor(runner, [](const TrainingSnapshot& t) {
    return t.state == RunState::Paused && t.reason == PauseReason::StepDone;
  });
  Session session;
  session.training = runner.captureState().get();
  session.generator = spiral.generator;
  session.generatorSettings = spiral.generatorSettings;
  session.view = {.logScale = true,
                  .logX = true,
                  .smoothing = 0.6,
                  .discretize = true,
                  .selectedRow = 7,
                  .inspectedNeuron = std::make_pair(2, 3),
                  .stepCount = 25};
  return session;
}

std::string errorOf(std::string_view text) {
  try {
    sessionFromJson(text, "s.nnlab");
  } catch (const SessionError& e) {
    return e.what();
  }
  return "(no error)";
}

/// `text` with the first `from` replaced by `to`.
std::string edited(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(Session, RoundTripKeepsEverythingBitIdentical) {
  const Session saved = trainedSession();
  const Session read = sessionFromJson(sessionToJson(saved), "s.nnlab");
  const RunnerState& a = saved.training;
  const RunnerState& b = read.training;
  ASSERT_TRUE(a.network.sameShape(b.network));
  for (int l = 0; l < a.network.layerCount(); ++l) {
    EXPECT_TRUE(sameBits(a.network.layer(l).weights, b.network.layer(l).weights));
    EXPECT_TRUE(
        sameBits(a.trainer.optimizer.first.weights[l], b.trainer.optimizer.first.weights[l]));
    EXPECT_TRUE(
        sameBits(a.trainer.optimizer.second.weights[l], b.trainer.optimizer.second.weights[l]));
  }
  EXPECT_TRUE(sameBits(a.dataset.inputs, b.dataset.inputs));
  EXPECT_EQ(a.dataset.targets, b.dataset.targets);
  EXPECT_EQ(a.dataset.testRows, b.dataset.testRows);
  EXPECT_EQ(a.dataset.inputNames, b.dataset.inputNames);
  EXPECT_EQ(b.scaling, ScalingKind::ZScore);
  EXPECT_EQ(b.settings.optimizer.kind, OptimizerKind::Adam);
  EXPECT_EQ(b.settings.optimizer.learningRate, a.settings.optimizer.learningRate);
  EXPECT_EQ(b.stopConditions.earlyStopPatience, 300);
  EXPECT_EQ(b.trainer.epoch, 120);
  EXPECT_EQ(b.trainer.optimizer.steps, a.trainer.optimizer.steps);
  EXPECT_EQ(b.trainer.shuffleRandom, a.trainer.shuffleRandom);
  EXPECT_EQ(b.trainer.shuffleOrder, a.trainer.shuffleOrder);
  ASSERT_EQ(b.history.points.size(), a.history.points.size());
  EXPECT_EQ(b.history.points.back().loss, a.history.points.back().loss);
  EXPECT_EQ(read.generator, Generator::Spiral);
  EXPECT_EQ(read.view.selectedRow, 7);
  EXPECT_EQ(read.view.inspectedNeuron, std::make_pair(2, 3));
  EXPECT_TRUE(read.view.logScale);
  EXPECT_TRUE(read.view.logX);
  EXPECT_EQ(read.view.smoothing, 0.6);
  EXPECT_EQ(read.view.stepCount, 25);
  // Written again, the same text: nothing is lost or rounded on the way.
  EXPECT_EQ(sessionToJson(read), sessionToJson(saved));
}

TEST(Session, AFileRoundTripsAndAFailedWriteKeepsTheOldFile) {
  const fs::path dir = fs::temp_directory_path() / "nnlab-session-test";
  fs::create_directories(dir);
  const std::string path = (dir / "run.nnlab").string();
  const Session saved = trainedSession();
  writeSessionFile(path, saved);
  EXPECT_EQ(readSessionFile(path).training.trainer.epoch, 120);
  EXPECT_THROW(writeSessionFile((dir / "missing" / "run.nnlab").string(), saved),
               std::runtime_error);
  EXPECT_THROW(readSessionFile((dir / "none.nnlab").string()), SessionError);
  fs::remove_all(dir);
}

// "Revert to best" survives a save and a reopening: the best weights, their test loss and
// their epoch are in the file, and a runner restored from it goes back to them.
TEST(Session, BestWeightsAreKeptAndRevertToBestWorksAfterReopening) {
  const Session saved = trainedSession();
  ASSERT_TRUE(saved.training.best) << "spiral has test rows: a best is tracked";
  const Session read = sessionFromJson(sessionToJson(saved), "s.nnlab");
  ASSERT_TRUE(read.training.best);
  const RunnerState::Best& best = *read.training.best;
  EXPECT_EQ(best.epoch, saved.training.best->epoch);
  EXPECT_EQ(best.testLoss, saved.training.best->testLoss);
  for (int l = 0; l < best.network.layerCount(); ++l)
    EXPECT_TRUE(
        sameBits(best.network.layer(l).weights, saved.training.best->network.layer(l).weights));

  const Preset spiral = *findPreset("spiral");
  TrainingRunner runner(spiral.makeNetwork(), spiral.init, spiral.seed, spiral.dataset,
                        spiral.settings);
  runner.restore(read.training);
  const auto restored =
      testing::waitFor(runner, [](const TrainingSnapshot& t) { return t.epoch == 120; });
  ASSERT_TRUE(restored->bestEpoch.has_value());
  EXPECT_EQ(*restored->bestEpoch, best.epoch);
  EXPECT_EQ(restored->bestTestLoss, best.testLoss);
  EXPECT_FALSE(restored->gradientsKnown) << "no update since the session was opened";
  runner.revertToBest();
  const auto reverted = testing::waitFor(runner, [](const TrainingSnapshot& t) {
    return t.message.find("Restored the weights of epoch") != std::string::npos;
  });
  EXPECT_EQ(reverted->epoch, best.epoch);
  for (int l = 0; l < best.network.layerCount(); ++l)
    EXPECT_TRUE(sameBits(reverted->network.layer(l).weights, best.network.layer(l).weights));
  runner.step(1);
  EXPECT_TRUE(testing::waitFor(runner, [&](const TrainingSnapshot& t) {
                return t.epoch == best.epoch + 1;
              })->gradientsKnown);
}

// Files of version 1, written before the best weights were kept, still open (without them).
TEST(Session, AVersionOneFileWithoutBestWeightsStillReads) {
  std::string text = sessionToJson(trainedSession());
  text = edited(text, "\"version\": 3", "\"version\": 1");
  const std::size_t from = text.find("  \"best\":");
  ASSERT_NE(from, std::string::npos);
  text.erase(from, text.find('\n', from) - from + 1);
  const Session read = sessionFromJson(text, "old.nnlab");
  EXPECT_FALSE(read.training.best);
  EXPECT_EQ(read.training.trainer.epoch, 120);
}

// The test-loss curve the window draws is part of the run: it comes back with the session.
TEST(Session, KeepsTheTestLossHistory) {
  const Session saved = trainedSession();
  ASSERT_FALSE(saved.training.testHistory.points.empty());
  const Session read = sessionFromJson(sessionToJson(saved), "s.nnlab");
  EXPECT_EQ(read.training.testHistory.points, saved.training.testHistory.points);
  EXPECT_EQ(read.training.testHistory.spacing, saved.training.testHistory.spacing);
}

// The run's timeline comes back too, so that a reopened run can be looked at again.
TEST(Session, KeepsTheTimelineBitForBit) {
  const Session saved = trainedSession();
  ASSERT_GE(saved.training.timeline.size(), 100u);
  // Thinned as the runner thins it, to the session's budget.
  const RunHistory kept = RunHistory::fromRecords(
      saved.training.timeline, saved.training.timelineStride, kSessionTimelineBytes);
  const std::vector<HistoryRecord>& a = kept.records();
  const Session read = sessionFromJson(sessionToJson(saved), "s.nnlab");
  const std::vector<HistoryRecord>& b = read.training.timeline;
  ASSERT_EQ(b.size(), a.size());
  EXPECT_EQ(read.training.timelineStride, kept.stride());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(b[i].state.epoch, a[i].state.epoch);
    EXPECT_EQ(b[i].state.shuffleRandom, a[i].state.shuffleRandom);
    EXPECT_EQ(b[i].state.shuffleOrder, a[i].state.shuffleOrder);
    for (int l = 0; l < a[i].network.layerCount(); ++l) {
      EXPECT_TRUE(sameBits(b[i].network.layer(l).weights, a[i].network.layer(l).weights));
      EXPECT_TRUE(
          sameBits(b[i].state.optimizer.second.weights[l], a[i].state.optimizer.second.weights[l]));
    }
  }
}

// The article's whole run fits: a reopened seed session can show every one of its epochs
// without replaying.
TEST(Session, KeepsEveryEpochOfTheSeedsFifteenHundred) {
  const Preset seed = seedPreset();
  TrainingRunner runner(seed.makeNetwork(), seed.init, seed.seed, seed.dataset, seed.settings);
  runner.step(1500);
  testing::waitFor(runner, [](const TrainingSnapshot& t) {
    return t.epoch == 1500 && t.state == RunState::Paused;
  });
  Session session;
  session.training = runner.captureState().get();
  const Session read = sessionFromJson(sessionToJson(session), "seed.nnlab");
  EXPECT_EQ(read.training.timeline.size(), 1501u);
  EXPECT_EQ(read.training.timelineStride, 1);
}

// After a change of rate the session keeps the present stretch of the timeline (the earlier
// records would need the earlier settings) and every marker of the run.
TEST(Session, KeepsThePresentStretchAndTheRunsEvents) {
  const Preset seed = seedPreset();
  TrainingRunner runner(seed.makeNetwork(), seed.init, seed.seed, seed.dataset, seed.settings);
  runner.step(100);
  testing::waitFor(runner, [](const TrainingSnapshot& t) {
    return t.epoch == 100 && t.state == RunState::Paused;
  });
  runner.setLearningRate(0.5);
  runner.step(50);
  testing::waitFor(runner, [](const TrainingSnapshot& t) {
    return t.epoch == 150 && t.state == RunState::Paused;
  });
  Session session;
  session.training = runner.captureState().get();
  ASSERT_EQ(session.training.events.size(), 1u);
  const Session read = sessionFromJson(sessionToJson(session), "seed.nnlab");
  EXPECT_EQ(read.training.events, session.training.events);
  ASSERT_EQ(read.training.timeline.size(), 51u);
  EXPECT_EQ(read.training.timeline.front().state.epoch, 100);
  TrainingRunner reopened(seed.makeNetwork(), seed.init, seed.seed, seed.dataset, seed.settings);
  reopened.restore(read.training);
  testing::waitFor(reopened, [](const TrainingSnapshot& t) { return t.epoch == 150; });
  EXPECT_EQ(reopened.latestSnapshot()->timelineStart, 100);
  EXPECT_EQ(reopened.latestSnapshot()->events, session.training.events);
}

TEST(SessionErrors, AnEventOfAnUnknownKindIsRefused) {
  Session session = trainedSession();
  session.training.events = {{10, RunEventKind::LearningRate, 1.0, 0.5}};
  const std::string bad = edited(sessionToJson(session), "[10,\"learning_rate\"", "[10,\"rate\"");
  EXPECT_NE(errorOf(bad).find("events: event 1: the kind must be one of learning_rate"),
            std::string::npos)
      << errorOf(bad);
}

TEST(SessionErrors, AnEventAfterTheRunsEpochIsRefused) {
  Session session = trainedSession();
  session.training.events = {{session.training.trainer.epoch + 1, RunEventKind::Data}};
  EXPECT_NE(errorOf(sessionToJson(session)).find("events: an event is after the run's epoch"),
            std::string::npos)
      << errorOf(sessionToJson(session));
}

TEST(SessionErrors, ATimelineRecordThatDoesNotFitIsRefused) {
  const std::string good = sessionToJson(trainedSession());
  const std::string late = edited(good, "\"records\":[{\"state\":{\"epoch\":0,",
                                  "\"records\":[{\"state\":{\"epoch\":100000,");
  EXPECT_NE(errorOf(late).find("s.nnlab: timeline record 1: its epoch is after the run's"),
            std::string::npos)
      << errorOf(late);
  const std::string shape = edited(good, "\"weights\":[{\"bias\":[", "\"weights\":[{\"bias\":[1,");
  EXPECT_NE(errorOf(shape).find("do not have the model's shape"), std::string::npos)
      << errorOf(shape);
}

TEST(Session, AVersionTwoFileWithoutTheTestHistoryStillReads) {
  std::string text = sessionToJson(trainedSession());
  text = edited(text, "\"version\": 3", "\"version\": 2");
  for (const char* key : {"  \"test_history\":", "  \"timeline\":"}) {
    const std::size_t from = text.find(key);
    ASSERT_NE(from, std::string::npos);
    text.erase(from, text.find('\n', from) - from + 1);
  }
  const Session read = sessionFromJson(text, "old.nnlab");
  EXPECT_TRUE(read.training.testHistory.points.empty());
  EXPECT_EQ(read.training.trainer.epoch, 120);
}

TEST(SessionErrors, ATestHistoryOutOfOrderIsRefused) {
  const std::string good = sessionToJson(trainedSession());
  const std::string bad = edited(good, "\"test_history\": {\"points\":[",
                                 "\"test_history\": {\"points\":[[999999,1.0],");
  EXPECT_NE(errorOf(bad).find("s.nnlab: the test-loss history's epochs are out of order"),
            std::string::npos)
      << errorOf(bad);
}

TEST(SessionErrors, BestWeightsThatDoNotFitAreRefused) {
  const std::string good = sessionToJson(trainedSession());
  const std::size_t at = good.find("\"best\": {\"epoch\":");
  ASSERT_NE(at, std::string::npos);
  std::string late = good;
  late.replace(at, std::strlen("\"best\": {\"epoch\":"), "\"best\": {\"epoch\":9999,\"x\":");
  EXPECT_NE(errorOf(late).find("s.nnlab: best: unknown key \"x\""), std::string::npos)
      << errorOf(late);
}

TEST(SessionErrors, NameTheProblem) {
  const std::string good = sessionToJson(trainedSession());
  ASSERT_EQ(errorOf(good), "(no error)");
  const std::pair<std::string, std::string> cases[] = {
      {good.substr(0, good.size() / 2), "s.nnlab:"},  // truncated
      {"", "s.nnlab:1:1: invalid JSON"},
      {"[]", "s.nnlab: not an nnlab session: the top level is array"},
      {edited(good, "\"nnlab-session\"", "\"nnlab-model\""),
       R"(s.nnlab: not an nnlab session: "format" is "nnlab-model", expected "nnlab-session")"},
      {edited(good, "\"version\": 3", "\"version\": 7"),
       "s.nnlab: session format version 7 is newer than this program reads (up to 3); update "
       "nnlab"},
      {edited(good, "\"version\": 3", "\"version\": \"1\""),
       R"(s.nnlab: "version" must be a whole number (got "1"))"},
      {edited(good, "\"test_rows\":[", "\"test_rows\":[100000,"),
       "s.nnlab: data: a test row must be between 0 and"},
      {edited(good, "\"rows\":[[", "\"rows\":[[1,"),
       "s.nnlab: data: row 1 has 4 numbers but the data has 3 columns"},
      {edited(good, "\"loss\":\"bce\"", "\"loss\":\"hinge\""),
       R"(s.nnlab: training: unknown loss "hinge" (valid: sse, mse, bce, ce))"},
      {edited(good, "\"l2\":", "\"l3\":0,\"l2\":"), "s.nnlab: training: unknown key \"l3\""},
      {edited(good, "\"activation\":\"tanh\"", "\"activation\":\"swish\""),
       "s.nnlab: model: layer 1: unknown activation \"swish\""},
      {edited(good, "\"shuffle_random\":\"0x", "\"shuffle_random\":\"zz"),
       "s.nnlab: state: shuffle_random must be a hexadecimal number"},
      {edited(good, "\"first_moment\":[{\"bias\":[", "\"first_moment\":[{\"bias\":[1,"),
       "s.nnlab: optimizer state: the first moment of layer 1 does not have the layer's shape"},
      {edited(good, "\"epochs_per_point\":", "\"epochs_per_point\":3,\"x\":"),
       "s.nnlab: history: unknown key \"x\""},
      {std::string(100000, '[') + std::string(100000, ']'),
       "s.nnlab:1:65: arrays and objects nested deeper than 64 levels"},
  };
  for (const auto& [text, message] : cases) {
    const std::string error = errorOf(text);
    EXPECT_EQ(error.substr(0, message.size()), message) << "got: " << error;
  }
}

}  // namespace
}  // namespace nnlab
