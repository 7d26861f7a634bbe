#pragma once

// The training runner's private state, shared by training_runner.cpp (the thread and its
// training loop), training_runner_commands.cpp (commands, and the snapshot it publishes through
// its SnapshotPublisher) and training_runner_timeline.cpp. Not part of the library's interface.

#include <chrono>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "core/command_queue.h"
#include "core/evaluation.h"
#include "core/pacer.h"
#include "core/run_history.h"
#include "core/snapshot_publisher.h"
#include "core/test_loss_history.h"
#include "core/training_runner.h"

namespace nnlab {
namespace runner_detail {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

// Changes of the learning rate closer together than this (a slider being dragged) are one event
// of the run: one marker on the chart, from the first rate to the last.
constexpr std::chrono::milliseconds kEventMergeTime{1000};

std::string numberText(double value);
// `network` with its first layer (if its inputs differ from the data's) and its last layer (if
// its outputs differ) replaced by the layers setNetwork(spec, init, seed) would draw.
// Outer layers kept after a change of the data's shape, to come back to.
constexpr std::size_t kSetAsideLayers = 8;
struct Refit {
  Network network;
  bool restored = false;  // an outer layer came back from an earlier refit
};
Refit fitToData(const Network& network, const Dataset& data, Init init, std::uint64_t seed,
                std::vector<DenseLayer>& setAside);
std::string refitMessage(const Network& network, bool inputsChanged, bool outputsChanged,
                         bool restored);

}  // namespace runner_detail

// Everything below the "training thread" line is touched only by that thread; callers reach it
// through `queue`, which the thread drains at chunk boundaries.
struct TrainingRunner::Impl {
  using Clock = runner_detail::Clock;
  Impl(Network network, Init init, std::uint64_t seed, Dataset data, TrainingSettings settings,
       RunnerOptions options);

  using CommandKind = nnlab::CommandKind;

  void post(std::function<void()> command, CommandKind kind = CommandKind::Other,
            bool keepsHistory = false);
  std::shared_ptr<const TrainingSnapshot> latest() const;

  // Training thread.
  void loop(std::stop_token token);
  void runCommands();
  /// A copy of the latest snapshot with the run's state at `epoch` (see snapshotAt).
  std::shared_ptr<const TrainingSnapshot> snapshotAt(long long epoch);
  void waitForCommand(std::stop_token token, std::optional<Clock::time_point> until);
  void trainChunk(long long limit);
  void backUp(Clock::time_point now, bool always);
  void restoreAfterDivergence(const StepResult& result);
  void pauseWith(PauseReason why, std::string text = {});
  void startRunning(long long steps);
  void replaceTrainer(Network network, std::shared_ptr<const Dataset> data, long long epoch);
  void publish();
  void trackBest(const Evaluation& evaluation);
  void clearBest();
  void clearCurves();
  void beginStretch(RunEvent event);
  RunEvent changeEvent(const TrainingSettings& old, bool dataChanged) const;

  // Commands, run on the training thread.
  void doReset(std::uint64_t newSeed);
  void doSetSettings(const TrainingSettings& settings);
  void doSetSpeedLimit(double epochsPerSecond);
  void doSetDataset(std::shared_ptr<const Dataset> data);
  void doSetNetwork(const NetworkSpec& spec, Init newInit, std::uint64_t newSeed);
  /// Whether `network` cannot take the trainer's place (the message says why).
  bool refusesModel(const Network& network);
  void doSetModel(Network network);
  void doSetModelWithScaling(Network network, InputScaling fixed);
  void doSetInputScaling(ScalingKind kind);
  Dataset networkView(const Dataset& raw);
  void doSetWeight(int layer, int from, int to, double value);
  RunnerState captured(std::size_t timelineBytes = kWholeTimeline);
  void doRestore(RunnerState state);
  void doRevertToBest();
  void doGoBackTo(long long epoch);

  // Shared with callers.
  SnapshotPublisher publisher;  // the latest snapshot for any thread; when the next is due
  CommandQueue queue;           // commands from any thread, run by the training thread

  // ---- training thread ----
  RunnerOptions options;
  std::shared_ptr<const Dataset> dataset;  // as given; the trainer holds networkView() of it
  ScalingKind scalingKind = ScalingKind::None;
  InputScaling scaling;  // fitted to `dataset`'s training rows, or `fixedScaling`
  // A model file's own input scaling, used as stored rather than refitted to the data (so that
  // the window predicts what `nnlab-cli predict` does), until another scaling is chosen.
  std::optional<InputScaling> fixedScaling;
  Trainer trainer;
  Init init;
  std::uint64_t seed;
  RunState state = RunState::Paused;
  PauseReason reason = PauseReason::None;
  std::string message;
  long long stepsLeft = 0;  // > 0 while step(n) is running
  Pacer pacer;              // chunk size, speed limit, measured rate
  StopRules stopRules;
  LossHistory history;
  TestLossHistory testHistory;  ///< measured at each publication
  // The run's parameters for going back to an earlier epoch. A change of data or settings starts
  // a new stretch of it; other changes of what training computes (a new network, weights put
  // in by hand, another loss) clear it, as a replay could not repeat them.
  RunHistory runHistory;
  std::vector<RunEvent> events;     // along the loss curve, oldest first
  Clock::time_point lastEventTime;  // rate changes closer than kEventMergeTime are one event
  Network backup;                   // the last weights known to give a finite loss
  long long backupEpoch = 0;
  Clock::time_point nextBackup;
  std::uint64_t applied = 0;         // sequence number of the last command run
  Network best;                      // the weights with the lowest test loss seen at a publication
  std::vector<DenseLayer> setAside;  // outer layers replaced by refits (see fitToData)
  std::optional<double> bestTestLoss;
  long long bestEpoch = 0;

  std::jthread thread;  // last: joined before anything it uses is destroyed
};

}  // namespace nnlab
