#include "training_runner.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <stop_token>
#include <thread>
#include <utility>

namespace nnlab {
namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

// One chunk of epochs should take about this long: long enough that the per-chunk work (clock
// reads, the weight backup, the pending-command check) is noise, short enough that commands and
// the destructor are served within about a millisecond.
constexpr double kChunkSeconds = 0.00075;
// Backups of the weights and snapshot publications are spaced so that each costs at most this
// share of the training time (a 1000-row dataset makes a snapshot cost a third of an epoch), but
// never further apart than kMaxGapSeconds, so that a display still gets 40 pictures a second of
// a big model (an 8 × 64-unit network's snapshot costs ~0.5 ms: ~2% of its training time).
constexpr double kOverheadShare = 0.01;
constexpr double kMaxGapSeconds = 0.025;
constexpr double kRateWindowSeconds = 1.0;

// When the next backup or publication is due, after one that ran from `start` to `end`.
Clock::time_point nextDue(Clock::time_point start, Clock::time_point end, double minGapSeconds) {
  const double cost = Seconds(end - start).count();
  const double gap = std::max(minGapSeconds, std::min(cost / kOverheadShare, kMaxGapSeconds));
  return end + std::chrono::duration_cast<Clock::duration>(Seconds(gap));
}

std::string numberText(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

// `network` with its first layer (if its inputs differ from the data's) and its last layer (if
// its outputs differ) replaced by the layers setNetwork(spec, init, seed) would draw.
Network fitToData(const Network& network, const Dataset& data, Init init, std::uint64_t seed) {
  NetworkSpec spec = network.spec();
  spec.inputs = data.inputColumns();
  spec.layers.back().units = data.targetColumns();
  Network fresh(spec);
  fresh.initialize(init, seed);
  std::vector<DenseLayer> layers = network.layers();
  const int last = network.layerCount() - 1;
  for (int l : {0, last}) {
    if (layers[l].fanIn() == fresh.layer(l).fanIn() &&
        layers[l].units() == fresh.layer(l).units()) {
      continue;
    }
    const bool hadBias = layers[l].hasBias();
    layers[l] = fresh.layer(l);
    if (!hadBias) layers[l].bias.resize(0);
  }
  return Network::fromLayers(spec.inputs, std::move(layers));
}

std::string refitMessage(const Network& network, bool inputsChanged, bool outputsChanged) {
  std::string text = "The new data has ";
  if (inputsChanged) text += std::to_string(network.inputs()) + " input columns";
  if (inputsChanged && outputsChanged) text += " and ";
  if (outputsChanged) text += std::to_string(network.outputs()) + " target columns";
  text += ": re-initialised the ";
  if (network.layerCount() == 1) return text + "layer";
  if (inputsChanged && outputsChanged) return text + "first and last layers";
  return text + (inputsChanged ? "first layer" : "last layer");
}

}  // namespace

// Everything below the "training thread" line is touched only by that thread; callers reach it
// through `commands`, which the thread drains at chunk boundaries.
struct TrainingRunner::Impl {
  Impl(Network network, Init init, std::uint64_t seed, Dataset data, TrainingSettings settings,
       RunnerOptions options);

  void post(std::function<void()> command);
  std::shared_ptr<const TrainingSnapshot> latest() const;

  // Training thread.
  void loop(std::stop_token token);
  void runCommands();
  void waitForCommand(std::stop_token token, std::optional<Clock::time_point> until);
  long long epochsAllowed(Clock::time_point now);
  void trainChunk(long long limit);
  void adaptChunk(long long epochs, double seconds);
  void backUp(Clock::time_point now, bool always);
  void restoreAfterDivergence(const StepResult& result);
  void pauseWith(PauseReason why, std::string text = {});
  void startRunning(long long steps);
  void replaceTrainer(Network network, std::shared_ptr<const Dataset> data, long long epoch);
  void publish();
  void trackBest(const Evaluation& evaluation);
  void clearBest();
  double measuredRate(Clock::time_point now);

  // Commands, run on the training thread.
  void doReset(std::uint64_t newSeed);
  void doSetSettings(const TrainingSettings& settings);
  void doSetSpeedLimit(double epochsPerSecond);
  void doSetDataset(std::shared_ptr<const Dataset> data);
  void doSetNetwork(const NetworkSpec& spec, Init newInit, std::uint64_t newSeed);
  void doSetModel(Network network);
  void doRevertToBest();

  // Shared with callers.
  mutable std::mutex snapshotMutex;
  std::shared_ptr<const TrainingSnapshot> snapshot;  // guarded by snapshotMutex
  std::mutex commandMutex;
  std::condition_variable_any wake;
  std::vector<std::function<void()>> commands;  // guarded by commandMutex
  // Read by the training thread between chunks without taking the lock: an atomic flag is all
  // the hot loop pays for being commandable.
  std::atomic<bool> pending{false};
  std::atomic<bool> stopped{false};

  // ---- training thread ----
  RunnerOptions options;
  std::shared_ptr<const Dataset> dataset;  // what the trainer holds a copy of
  Trainer trainer;
  Init init;
  std::uint64_t seed;
  RunState state = RunState::Paused;
  PauseReason reason = PauseReason::None;
  std::string message;
  long long stepsLeft = 0;  // > 0 while step(n) is running
  double speedLimit = 0.0;  // epochs/s; 0: unlimited
  StopConditions stopConditions;
  LossHistory history;
  long long chunk = 1;  // epochs per chunk, adapted to take ~kChunkSeconds
  Network backup;       // the last weights known to give a finite loss
  long long backupEpoch = 0;
  Clock::time_point nextBackup;
  Clock::time_point paceStart;  // speed limit: epochs trained since paceStart
  long long pacedEpochs = 0;
  long long totalEpochs = 0;  // every epoch ever trained, for the rate
  std::deque<std::pair<Clock::time_point, long long>> rateSamples;
  Clock::time_point nextPublish;
  std::uint64_t serial = 0;
  Network best;  // the weights with the lowest test loss seen at a publication
  std::optional<double> bestTestLoss;
  long long bestEpoch = 0;

  std::jthread thread;  // last: joined before anything it uses is destroyed
};

TrainingRunner::Impl::Impl(Network network, Init init, std::uint64_t seed, Dataset data,
                           TrainingSettings settings, RunnerOptions options)
    : options(options),
      dataset(std::make_shared<const Dataset>(std::move(data))),
      trainer(std::move(network), *dataset, settings),
      init(init),
      seed(seed),
      history(options.historyBudget) {
  backUp(Clock::now(), true);
  publish();
  thread = std::jthread([this](std::stop_token token) { loop(token); });
}

void TrainingRunner::Impl::post(std::function<void()> command) {
  if (stopped.load()) return;
  {
    std::lock_guard lock(commandMutex);
    commands.push_back(std::move(command));
    pending.store(true, std::memory_order_release);
  }
  wake.notify_one();
}

std::shared_ptr<const TrainingSnapshot> TrainingRunner::Impl::latest() const {
  std::lock_guard lock(snapshotMutex);
  return snapshot;
}

void TrainingRunner::Impl::loop(std::stop_token token) {
  while (!token.stop_requested()) {
    if (pending.load(std::memory_order_acquire)) {
      runCommands();
      publish();
      if (state == RunState::Stopped) return;
      continue;
    }
    if (state != RunState::Running) {
      waitForCommand(token, std::nullopt);
      continue;
    }
    const Clock::time_point now = Clock::now();
    const long long allowed = epochsAllowed(now);
    if (allowed == 0) {
      waitForCommand(token, paceStart + std::chrono::duration_cast<Clock::duration>(
                                            Seconds(pacedEpochs / speedLimit)));
      continue;
    }
    trainChunk(allowed);
    if (state != RunState::Running || Clock::now() >= nextPublish) {
      publish();
    }
  }
}

void TrainingRunner::Impl::runCommands() {
  std::vector<std::function<void()>> batch;
  {
    std::lock_guard lock(commandMutex);
    batch.swap(commands);
    pending.store(false, std::memory_order_relaxed);
  }
  for (auto& command : batch) {
    if (state == RunState::Stopped) break;
    command();
  }
  chunk = 1;  // the cost of an epoch may have changed; grow back from one
}

void TrainingRunner::Impl::waitForCommand(std::stop_token token,
                                          std::optional<Clock::time_point> until) {
  std::unique_lock lock(commandMutex);
  auto ready = [this] { return pending.load(std::memory_order_relaxed); };
  if (until) {
    wake.wait_until(lock, token, *until, ready);
  } else {
    wake.wait(lock, token, ready);
  }
}

// With a limit of L epochs/s, epoch k (from 0) of this stretch may start at paceStart + k/L.
long long TrainingRunner::Impl::epochsAllowed(Clock::time_point now) {
  if (speedLimit <= 0.0) return chunk;
  const double elapsed = Seconds(now - paceStart).count();
  long long allowed = static_cast<long long>(elapsed * speedLimit) + 1 - pacedEpochs;
  if (allowed > std::max(1.0, speedLimit)) {  // more than a second behind: do not catch up
    paceStart = now;
    pacedEpochs = 0;
    allowed = 1;
  }
  return std::clamp(allowed, 0LL, chunk);
}

// Trains epoch by epoch so that every epoch's loss reaches the history (Trainer::step reports
// only the last one) and a loss goal stops at the epoch that reached it.
void TrainingRunner::Impl::trainChunk(long long limit) {
  long long n = limit;
  if (stepsLeft > 0) n = std::min(n, stepsLeft);
  if (stopConditions.maxEpochs > 0) {
    n = std::min(n, stopConditions.maxEpochs - trainer.epoch());
    if (n <= 0) return pauseWith(PauseReason::MaxEpochs);
  }
  const double goal = stopConditions.lossGoal;
  const Clock::time_point start = Clock::now();
  StepResult result;
  long long done = 0;
  bool goalReached = false;
  while (done < n) {
    result = trainer.step(1);
    if (result.diverged) break;
    ++done;
    // The loss an epoch measures is that of the weights it started from: after epoch − 1
    // epochs. Recorded there, the history agrees with the snapshot's loss at the same epoch.
    history.add(trainer.epoch() - 1, result.loss);
    if (goal > 0.0 && result.loss <= goal) {
      goalReached = true;
      break;
    }
  }
  const Clock::time_point end = Clock::now();
  totalEpochs += done;
  pacedEpochs += done;
  if (result.diverged) return restoreAfterDivergence(result);
  adaptChunk(done, Seconds(end - start).count());
  backUp(end, false);
  if (stepsLeft > 0) {
    stepsLeft -= done;
    if (stepsLeft == 0) return pauseWith(PauseReason::StepDone);
  }
  if (goalReached) return pauseWith(PauseReason::LossGoal);
  if (stopConditions.maxEpochs > 0 && trainer.epoch() >= stopConditions.maxEpochs) {
    pauseWith(PauseReason::MaxEpochs);
  }
}

void TrainingRunner::Impl::adaptChunk(long long epochs, double seconds) {
  if (epochs <= 0) return;
  const double perEpoch = std::max(seconds / static_cast<double>(epochs), 1e-9);
  const auto target = static_cast<long long>(kChunkSeconds / perEpoch);
  chunk = std::clamp(target, 1LL, 2 * chunk);  // grow gently, shrink at once
}

void TrainingRunner::Impl::backUp(Clock::time_point now, bool always) {
  if (!always && now < nextBackup) return;
  // Only weights whose own loss is finite are worth returning to. (The chunk's losses were
  // measured before each update, so the last update's result is still untested; and saturated
  // units can hide infinite weights.) Forced backups follow a change of shape, so they always go.
  const Network& network = trainer.network();
  if (!always && (!network.allFinite() || !std::isfinite(trainer.evaluate()))) return;
  backup = network;  // same shapes: Eigen reuses the storage, nothing is allocated
  backupEpoch = trainer.epoch();
  nextBackup = nextDue(now, Clock::now(), 0.0);
}

void TrainingRunner::Impl::restoreAfterDivergence(const StepResult& result) {
  const long long badEpoch = trainer.epoch() + 1;
  const double rate = trainer.settings().optimizer.learningRate;
  trainer.setNetwork(backup);  // also clears the optimizer state that led here
  trainer.setEpoch(backupEpoch);
  history.truncate(backupEpoch);
  chunk = 1;
  const char* what = std::isnan(result.loss) ? "NaN" : "infinite";
  pauseWith(PauseReason::Diverged, std::string("The loss became ") + what + " at epoch " +
                                       std::to_string(badEpoch) + " (learning rate " +
                                       numberText(rate) +
                                       " is too large?); restored the weights of "
                                       "epoch " +
                                       std::to_string(backupEpoch) + ".");
}

void TrainingRunner::Impl::pauseWith(PauseReason why, std::string text) {
  state = RunState::Paused;
  reason = why;
  stepsLeft = 0;
  if (!text.empty()) message = std::move(text);
}

void TrainingRunner::Impl::startRunning(long long steps) {
  state = RunState::Running;
  reason = PauseReason::None;
  stepsLeft = steps;
  message.clear();
  paceStart = Clock::now();
  pacedEpochs = 0;
  rateSamples.clear();
}

// Trainer::setNetwork checks the network against the old data, so a change of both at once
// needs a new trainer. Its optimizer state starts afresh, as after any change of weights.
void TrainingRunner::Impl::replaceTrainer(Network network, std::shared_ptr<const Dataset> data,
                                          long long epoch) {
  trainer = Trainer(std::move(network), *data, trainer.settings());
  trainer.setEpoch(epoch);
  dataset = std::move(data);
  backUp(Clock::now(), true);
  clearBest();
}

void TrainingRunner::Impl::publish() {
  auto next = std::make_shared<TrainingSnapshot>();
  const Clock::time_point now = Clock::now();
  next->serial = ++serial;
  next->predictions = trainer.predictAll();
  const Evaluation evaluation =
      evaluatePredictions(trainer.settings().loss, next->predictions, *dataset);
  trackBest(evaluation);
  next->epoch = trainer.epoch();
  next->state = state;
  next->reason = reason;
  next->message = message;
  next->loss = evaluation.trainLoss;
  next->testLoss = evaluation.testLoss;
  next->trainAccuracy = evaluation.trainAccuracy;
  next->testAccuracy = evaluation.testAccuracy;
  next->bestTestLoss = bestTestLoss;
  if (bestTestLoss) next->bestEpoch = bestEpoch;
  next->epochsPerSecond = measuredRate(now);
  next->speedLimit = speedLimit;
  next->stopConditions = stopConditions;
  next->settings = trainer.settings();
  next->init = init;
  next->seed = seed;
  next->network = trainer.network();
  next->gradients = trainer.gradients();
  next->dataset = dataset;
  next->history = history.points();
  nextPublish = nextDue(now, Clock::now(), options.publishIntervalSeconds);
  std::shared_ptr<const TrainingSnapshot> old = std::move(next);
  {
    std::lock_guard lock(snapshotMutex);
    snapshot.swap(old);
  }
  // `old` is released here, outside the lock: a reader never waits for a snapshot's destructor.
}

// Called at every publication: the test loss is measured there anyway, and checking it every
// epoch would cost a forward pass of the test rows per epoch.
void TrainingRunner::Impl::trackBest(const Evaluation& evaluation) {
  if (!evaluation.testLoss || !std::isfinite(*evaluation.testLoss)) return;
  if (!bestTestLoss || *evaluation.testLoss < *bestTestLoss) {
    bestTestLoss = evaluation.testLoss;
    bestEpoch = trainer.epoch();
    best = trainer.network();
    return;
  }
  const long long patience = stopConditions.earlyStopPatience;
  if (state == RunState::Running && patience > 0 && trainer.epoch() - bestEpoch >= patience) {
    std::ostringstream text;
    text << "The test loss has not improved for " << trainer.epoch() - bestEpoch
         << " epochs; the lowest, " << *bestTestLoss << ", was at epoch " << bestEpoch << ".";
    pauseWith(PauseReason::EarlyStop, text.str());
  }
}

void TrainingRunner::Impl::clearBest() {
  bestTestLoss.reset();
  bestEpoch = 0;
}

double TrainingRunner::Impl::measuredRate(Clock::time_point now) {
  if (state != RunState::Running) {
    rateSamples.clear();
    return 0.0;
  }
  rateSamples.emplace_back(now, totalEpochs);
  while (rateSamples.size() > 2 &&
         Seconds(now - rateSamples[1].first).count() >= kRateWindowSeconds) {
    rateSamples.pop_front();
  }
  const double seconds = Seconds(now - rateSamples.front().first).count();
  if (seconds <= 0.0) return 0.0;
  return static_cast<double>(totalEpochs - rateSamples.front().second) / seconds;
}

void TrainingRunner::Impl::doReset(std::uint64_t newSeed) {
  Network fresh = trainer.network();  // same shapes, activations and biases
  fresh.initialize(init, newSeed);
  seed = newSeed;
  replaceTrainer(std::move(fresh), dataset, 0);  // a new trainer: the same shuffles as a new run
  history.clear();
  pauseWith(PauseReason::None);
  message.clear();
}

void TrainingRunner::Impl::doSetSettings(const TrainingSettings& settings) {
  if (auto problem = Trainer::incompatibility(trainer.network(), trainer.dataset(), settings)) {
    message = "Refused the new settings: " + *problem + "; the old ones stay.";
    return;
  }
  if (settings.loss != trainer.settings().loss) clearBest();  // losses of another kind
  trainer.setSettings(settings);
}

void TrainingRunner::Impl::doSetSpeedLimit(double epochsPerSecond) {
  if (std::isnan(epochsPerSecond) || epochsPerSecond < 0.0) {
    message = "Refused the speed limit " + numberText(epochsPerSecond) +
              ": it must be a positive number of epochs per second, or 0 for unlimited.";
    return;
  }
  speedLimit = std::isinf(epochsPerSecond) ? 0.0 : epochsPerSecond;
  paceStart = Clock::now();
  pacedEpochs = 0;
}

void TrainingRunner::Impl::doSetDataset(std::shared_ptr<const Dataset> data) {
  if (data->rows() < 1) {
    message = "Refused the new data: it has no rows; the old data stays.";
    return;
  }
  const Network& old = trainer.network();
  const bool inputsChanged = data->inputColumns() != old.inputs();
  const bool outputsChanged = data->targetColumns() != old.outputs();
  if (!inputsChanged && !outputsChanged) {
    if (auto problem = Trainer::incompatibility(old, *data, trainer.settings())) {
      message = "Refused the new data: " + *problem + "; the old data stays.";
      return;
    }
    trainer.setDataset(*data);
    dataset = std::move(data);
    clearBest();
    return;
  }
  Network adapted = fitToData(old, *data, init, seed);
  if (auto problem = Trainer::incompatibility(adapted, *data, trainer.settings())) {
    message = "Refused the new data: " + *problem + "; the old data stays.";
    return;
  }
  message = refitMessage(adapted, inputsChanged, outputsChanged) + " (" +
            std::string(initName(init)) + ", seed " + std::to_string(seed) + ").";
  replaceTrainer(std::move(adapted), std::move(data), trainer.epoch());
}

void TrainingRunner::Impl::doSetNetwork(const NetworkSpec& spec, Init newInit,
                                        std::uint64_t newSeed) {
  if (auto problem = spec.validate()) {
    message = "Refused the new network: " + *problem + ".";
    return;
  }
  Network fresh(spec);
  fresh.initialize(newInit, newSeed);
  if (auto problem = Trainer::incompatibility(fresh, *dataset, trainer.settings())) {
    message = "Refused the new network: " + *problem + ".";
    return;
  }
  init = newInit;
  seed = newSeed;
  replaceTrainer(std::move(fresh), dataset, 0);
  history.clear();
  pauseWith(PauseReason::None);
  message.clear();
}

void TrainingRunner::Impl::doSetModel(Network network) {
  if (auto problem = Trainer::incompatibility(network, *dataset, trainer.settings())) {
    message = "Refused the model: " + *problem + ".";
    return;
  }
  if (!network.allFinite()) {
    message = "Refused the model: some of its weights are not finite numbers.";
    return;
  }
  const bool sameShape = network.sameShape(trainer.network());
  const long long epoch = sameShape ? trainer.epoch() : 0;
  trainer.setNetwork(std::move(network));
  trainer.setEpoch(epoch);
  if (!sameShape) history.clear();
  backUp(Clock::now(), true);
  clearBest();
}

void TrainingRunner::Impl::doRevertToBest() {
  if (!bestTestLoss) {
    message = "There are no best weights to revert to: no test loss has been measured.";
    return;
  }
  trainer.setNetwork(best);  // also clears the optimizer state
  trainer.setEpoch(bestEpoch);
  history.truncate(bestEpoch);
  backUp(Clock::now(), true);
  chunk = 1;
  std::ostringstream text;
  text << "Restored the weights of epoch " << bestEpoch << ", which had the lowest test loss ("
       << *bestTestLoss << ").";
  message = text.str();
}

TrainingRunner::TrainingRunner(Network network, Init init, std::uint64_t seed, Dataset dataset,
                               TrainingSettings settings, RunnerOptions options)
    : m_impl(std::make_unique<Impl>(std::move(network), init, seed, std::move(dataset), settings,
                                    options)) {}

// The jthread member requests stop (which wakes the condition variable) and joins; the thread
// checks the stop token between chunks of about a millisecond.
TrainingRunner::~TrainingRunner() = default;

void TrainingRunner::run() {
  m_impl->post([impl = m_impl.get()] { impl->startRunning(0); });
}

void TrainingRunner::pause() {
  m_impl->post([impl = m_impl.get()] {
    if (impl->state == RunState::Running) impl->pauseWith(PauseReason::User);
  });
}

void TrainingRunner::step(long long n) {
  if (n <= 0) return;
  m_impl->post([impl = m_impl.get(), n] { impl->startRunning(n); });
}

void TrainingRunner::reset(std::uint64_t seed) {
  m_impl->post([impl = m_impl.get(), seed] { impl->doReset(seed); });
}

void TrainingRunner::stop() {
  m_impl->post([impl = m_impl.get()] {
    impl->state = RunState::Stopped;
    impl->reason = PauseReason::Stopped;
  });
  m_impl->stopped.store(true);
}

void TrainingRunner::setLearningRate(double learningRate) {
  m_impl->post([impl = m_impl.get(), learningRate] {
    TrainingSettings settings = impl->trainer.settings();
    settings.optimizer.learningRate = learningRate;
    impl->doSetSettings(settings);
  });
}

void TrainingRunner::setSettings(const TrainingSettings& settings) {
  m_impl->post([impl = m_impl.get(), settings] { impl->doSetSettings(settings); });
}

void TrainingRunner::setSpeedLimit(double epochsPerSecond) {
  m_impl->post([impl = m_impl.get(), epochsPerSecond] { impl->doSetSpeedLimit(epochsPerSecond); });
}

void TrainingRunner::setStopConditions(const StopConditions& conditions) {
  m_impl->post([impl = m_impl.get(), conditions] { impl->stopConditions = conditions; });
}

void TrainingRunner::setDataset(Dataset dataset) {
  auto shared = std::make_shared<const Dataset>(std::move(dataset));
  m_impl->post([impl = m_impl.get(), shared] { impl->doSetDataset(shared); });
}

void TrainingRunner::setNetwork(const NetworkSpec& spec, Init init, std::uint64_t seed) {
  m_impl->post([impl = m_impl.get(), spec, init, seed] { impl->doSetNetwork(spec, init, seed); });
}

void TrainingRunner::setModel(Network network) {
  auto shared = std::make_shared<Network>(std::move(network));  // std::function needs a copy
  m_impl->post([impl = m_impl.get(), shared] { impl->doSetModel(std::move(*shared)); });
}

void TrainingRunner::revertToBest() {
  m_impl->post([impl = m_impl.get()] { impl->doRevertToBest(); });
}

std::shared_ptr<const TrainingSnapshot> TrainingRunner::latestSnapshot() const {
  return m_impl->latest();
}

}  // namespace nnlab
