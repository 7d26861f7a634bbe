#pragma once

#include <cstdint>
#include <future>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/input_scaling.h"
#include "core/loss_history.h"
#include "core/network.h"
#include "core/run_event.h"
#include "core/run_history.h"
#include "core/stop_rules.h"
#include "core/test_loss_history.h"
#include "core/trainer.h"

namespace nnlab {

enum class RunState { Running, Paused, Stopped };

/// Options fixed for the runner's lifetime.
struct RunnerOptions {
  /// While running, snapshots are at least this far apart; further (up to 1/60 s) where a
  /// snapshot would otherwise cost more than 1% of the training time.
  double publishIntervalSeconds = 0.004;
  int historyBudget = 4000;  ///< max points kept in the loss history
};

/// An immutable picture of training, published by the runner and read by any thread.
struct TrainingSnapshot {
  std::uint64_t serial = 0;  ///< increases with every publication
  /// How many of the commands posted so far (see TrainingRunner::postedCommands) this
  /// snapshot has seen: a view that sent a command knows when a snapshot answers it.
  std::uint64_t commandsApplied = 0;
  long long epoch = 0;
  RunState state = RunState::Paused;
  PauseReason reason = PauseReason::None;
  /// Human-readable detail (divergence, re-initialised layers, refused commands). It stays until
  /// another such event, or until run(), step(), reset() or setNetwork() clears it.
  std::string message;
  /// Of the current weights on the training rows, as Trainer::evaluate (no regularisation).
  double loss = std::numeric_limits<double>::quiet_NaN();
  std::optional<double> testLoss;  ///< on the test rows, when the dataset has some
  /// Share of training rows classified right (see classificationAccuracy); nullopt for
  /// regression targets.
  std::optional<double> trainAccuracy;
  std::optional<double> testAccuracy;  ///< likewise on the test rows
  /// Lowest test loss seen at a publication since the weights were last replaced, and its
  /// epoch: what revertToBest() returns to. nullopt without test rows.
  std::optional<double> bestTestLoss;
  std::optional<long long> bestEpoch;
  double epochsPerSecond = 0.0;  ///< measured over the last second or so
  double speedLimit = 0.0;       ///< epochs/s; 0: unlimited
  StopConditions stopConditions;
  TrainingSettings settings;
  Init init = Init::Uniform01;
  std::uint64_t seed = 1;  ///< of the last initialisation
  Network network;         ///< weights and biases
  Gradients gradients;     ///< of the last update
  Gradients lastChange;    ///< Δw and Δb the last update made (Optimizer::lastChange)
  /// Whether `gradients` come from an update of these weights' run: false (and the gradients
  /// zero) before the first update since the network was set, reset, restored or opened.
  bool gradientsKnown = false;
  std::shared_ptr<const Dataset> dataset;  ///< what `predictions` rows refer to, as given
  /// How the network's inputs come from the dataset's: apply() it to a raw input row before
  /// feeding `network` (the identity without input scaling).
  InputScaling scaling;
  Matrix predictions;  ///< every dataset row (training and test) × outputs, with `network`
  std::vector<HistoryPoint> history;  ///< decimated loss history, oldest first
  /// The test loss measured at each publication (thinned the same way); empty without test
  /// rows. Kept by the runner, saved in sessions.
  std::vector<TestLossPoint> testHistory;
  /// The first epoch of the run that can be shown again (see TrainingRunner::snapshotAt);
  /// nullopt before this stretch of the run has trained an epoch.
  std::optional<long long> timelineStart;
  /// What happened along the loss curve (changes of rate, settings and data, divergence,
  /// restores), oldest first; cleared with the curve.
  std::vector<RunEvent> events;
};

/// Everything a runner holds that matters for going on with its training later: what a saved
/// session keeps. Captured at an epoch boundary, so its parts belong together.
struct RunnerState {
  Network network;
  Init init = Init::Uniform01;
  std::uint64_t seed = 1;  ///< of the last initialisation
  Dataset dataset;         ///< as given (test rows flagged)
  ScalingKind scaling = ScalingKind::None;
  /// A model file's input scaling, kept as stored rather than fitted (see setModel); nullopt
  /// when `scaling` is fitted to the data.
  std::optional<InputScaling> fixedScaling;
  TrainingSettings settings;
  StopConditions stopConditions;
  double speedLimit = 0.0;  ///< epochs/s; 0: unlimited
  TrainerState trainer;     ///< epoch, optimizer state, shuffle order
  LossHistory::State history;
  TestLossHistory::State testHistory;
  /// The run's records (see RunHistory), so that a reopened run can be looked at again; empty
  /// when there are none. The stride is the one they were recorded with.
  std::vector<HistoryRecord> timeline;
  long long timelineStride = 1;
  /// The closed stretches before the present one (see RunHistory::segments): their data and
  /// settings, so that an undo keeps the whole timeline. A saved session keeps only the present
  /// stretch's records and none of these.
  std::vector<RunSegment> timelineSegments;
  std::vector<RunEvent> events;  ///< as in the snapshot
  /// The weights with the lowest test loss seen, what revertToBest() returns to; nullopt
  /// without test rows or before the first test loss was measured.
  struct Best {
    Network network;
    double testLoss = 0.0;
    long long epoch = 0;
  };
  std::optional<Best> best;
};

/// One record of the run's history (see RunHistory): its epoch, and its weights and biases laid
/// out as flattenParameters does.
struct RecordedWeights {
  long long epoch = 0;
  Eigen::VectorXd parameters;
};

/// captureState()'s default: every record of the timeline, with its stretches.
inline constexpr std::size_t kWholeTimeline = std::numeric_limits<std::size_t>::max();

/// Trains a network on its own thread (standard library only). Every command returns after at
/// most a copy of its argument; training picks it up at the next epoch boundary.
class TrainingRunner {
 public:
  /// Starts the thread, paused at epoch 0. Throws std::invalid_argument if the pieces do not fit.
  TrainingRunner(Network network, Init init, std::uint64_t seed, Dataset dataset,
                 TrainingSettings settings, RunnerOptions options = {});
  /// Stops and joins within milliseconds, even mid-run (training checks between chunks of about
  /// 1 ms; a single epoch longer than that is finished first).
  ~TrainingRunner();
  TrainingRunner(const TrainingRunner&) = delete;
  TrainingRunner& operator=(const TrainingRunner&) = delete;

  /// Trains until pause(), stop() or a stop condition.
  void run();
  /// Pauses at the next epoch boundary (reason User).
  void pause();
  /// Trains exactly n more epochs, then pauses (reason StepDone). During another step(m), adds
  /// n to it: m + n epochs in all.
  void step(long long n);
  /// New random weights from `seed` with the current init and architecture; epoch back to 0,
  /// history cleared, paused.
  void reset(std::uint64_t seed);
  /// Ends training for good; later commands are ignored.
  void stop();

  /// Changes only the learning rate, from the next epoch on; the weights stay.
  void setLearningRate(double learningRate);
  /// All hyperparameters that need no re-initialisation. Invalid ones are refused: the
  /// snapshot's message says why and the old settings stay. A new kind of loss clears the loss
  /// history (its values would not compare), but not the weights or the epoch count.
  void setSettings(const TrainingSettings& settings);
  /// Epochs per second; 0 (or infinity) for unlimited.
  void setSpeedLimit(double epochsPerSecond);
  /// Checked after every epoch from the next one on.
  void setStopConditions(const StopConditions& conditions);
  /// Changes only the epoch to stop at (0: none), keeping the other conditions.
  void setMaxEpochs(long long epochs);
  /// Swapped in at the next epoch. If its column counts differ from the network's inputs or
  /// outputs, only the first / last layer is re-initialised, and the snapshot says so.
  void setDataset(Dataset dataset);
  /// New architecture, initialised with `init` and `seed`; epoch 0, history cleared, paused.
  void setNetwork(const NetworkSpec& spec, Init init, std::uint64_t seed);
  /// Loaded or edited weights (same or new architecture); training continues from them. With the
  /// same architecture the epoch count and history go on; otherwise they restart from 0.
  /// Weights that are not all finite are refused.
  void setModel(Network network);
  /// setModel, with the input scaling stored beside the model (see ModelFile): kept exactly as
  /// given, not refitted to the data, until setInputScaling() or a restore replaces it, or data
  /// with another number of inputs comes. A scaling of the wrong width is refused.
  void setModel(Network network, InputScaling scaling);
  /// Rescales the inputs the network reads (none, minmax or zscore), fitted on the training
  /// rows of the data, now and whenever the data changes; the weights stay. Snapshots keep the
  /// data as given and carry the scaling.
  void setInputScaling(ScalingKind kind);
  /// Sets one weight, W(from, to) of `layer`, leaving every other one as training left it; the
  /// epoch count and history go on. Refused (with a message) when the network has no such
  /// weight or the value is not finite.
  void setWeight(int layer, int from, int to, double value);
  /// Restores the weights with the lowest test loss seen (see TrainingSnapshot::bestEpoch); the
  /// epoch count and history go back to that epoch. Without one, the snapshot's message says so.
  void revertToBest();

  /// Everything needed to go on later, taken at the next epoch boundary (within about a
  /// millisecond; the caller may wait on the future). Training goes on meanwhile.
  /// `timelineBytes` bounds what is copied of the timeline: all of it with its stretches (the
  /// default, for an undo that must bring the whole run back), nothing (0: a model export), or
  /// the present stretch's records thinned as RunHistory thins them to about that many bytes
  /// (a saved session), so that a big network's 64 MB of records are not copied to save 1 MB.
  std::future<RunnerState> captureState(std::size_t timelineBytes = kWholeTimeline);
  /// The run as it was at `epoch`: that epoch's weights, predictions, losses and gradients (with
  /// the loss history as it is now), computed by replaying training from the nearest earlier
  /// record of the run (see RunHistory), bit for bit what the run computed. nullptr when the
  /// epoch is not in the run: after the present, or before the run's start (the last change
  /// of data, settings or weights, or the last restore after a divergence).
  std::future<std::shared_ptr<const TrainingSnapshot>> snapshotAt(long long epoch);
  /// Train from here: puts the run back at `epoch` exactly as it was then (see snapshotAt),
  /// paused, forgetting the epochs after it (their losses and records); whoever wants them
  /// back keeps a captureState() from before. Refused (the snapshot's message says why) when
  /// the epoch is not in the run's timeline.
  void goBackTo(long long epoch);
  /// The weights of every record of the run's history, oldest first (for the loss landscape),
  /// taken at the next epoch boundary; empty before the first record.
  std::future<std::vector<RecordedWeights>> historyWeights();
  /// Replaces everything with `state`, paused, as it was when captured. Refused (the snapshot's
  /// message says why, nothing changes) when its parts do not fit together.
  void restore(RunnerState state);

  /// How many commands have been posted so far; a snapshot whose commandsApplied reaches the
  /// number read after posting one reflects that command.
  std::uint64_t postedCommands() const;

  /// The latest published snapshot. Never waits for training.
  std::shared_ptr<const TrainingSnapshot> latestSnapshot() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace nnlab
