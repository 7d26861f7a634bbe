// The runner's thread: its loop, training chunks, pacing and backups (the public commands are in
// training_runner_public.cpp).
#include "core/training_runner.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "core/training_runner_impl.h"

namespace nnlab {
namespace runner_detail {

std::string numberText(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

// `network` with its first layer (if its inputs differ from the data's) and its last layer (if
// its outputs differ) replaced: by a layer of the right shape from `setAside` (one replaced by
// an earlier refit, so that undoing "+ Input" brings back the very weights it took), else by
// the layers setNetwork(spec, init, seed) would draw. The layers replaced go to `setAside`.
Refit fitToData(const Network& network, const Dataset& data, Init init, std::uint64_t seed,
                std::vector<DenseLayer>& setAside) {
  NetworkSpec spec = network.spec();
  spec.inputs = data.inputColumns();
  spec.layers.back().units = data.targetColumns();
  Network fresh(spec);
  fresh.initialize(init, seed);
  std::vector<DenseLayer> layers = network.layers();
  const int last = network.layerCount() - 1;
  Refit refit;
  for (int l : {0, last}) {
    if (layers[l].fanIn() == fresh.layer(l).fanIn() &&
        layers[l].units() == fresh.layer(l).units()) {
      continue;
    }
    const DenseLayer& wanted = fresh.layer(l);
    const auto fits = [&](const DenseLayer& kept) {
      return kept.fanIn() == wanted.fanIn() && kept.units() == wanted.units() &&
             kept.activation == layers[l].activation && kept.hasBias() == layers[l].hasBias();
    };
    DenseLayer replacement = wanted;
    if (!layers[l].hasBias()) replacement.bias.resize(0);
    const auto kept = std::find_if(setAside.begin(), setAside.end(), fits);
    if (kept != setAside.end()) {
      replacement = std::move(*kept);
      setAside.erase(kept);
      refit.restored = true;
    }
    setAside.push_back(std::move(layers[l]));
    if (setAside.size() > kSetAsideLayers) setAside.erase(setAside.begin());
    layers[l] = std::move(replacement);
    if (last == 0) break;  // one layer: it is both first and last
  }
  refit.network = Network::fromLayers(spec.inputs, std::move(layers));
  return refit;
}

std::string refitMessage(const Network& network, bool inputsChanged, bool outputsChanged,
                         bool restored) {
  std::string text = "The new data has ";
  if (inputsChanged) text += std::to_string(network.inputs()) + " input columns";
  if (inputsChanged && outputsChanged) text += " and ";
  if (outputsChanged) text += std::to_string(network.outputs()) + " target columns";
  text += restored ? ": back to the weights it had for them in the " : ": re-initialised the ";
  if (network.layerCount() == 1) return text + "layer";
  if (inputsChanged && outputsChanged) return text + "first and last layers";
  return text + (inputsChanged ? "first layer" : "last layer");
}

}  // namespace runner_detail

using namespace runner_detail;

TrainingRunner::Impl::Impl(Network network, Init init, std::uint64_t seed, Dataset data,
                           TrainingSettings settings, RunnerOptions options)
    : publisher(options.publishIntervalSeconds),
      options(options),
      dataset(std::make_shared<const Dataset>(std::move(data))),
      trainer(std::move(network), *dataset, settings),
      init(init),
      seed(seed),
      history(options.historyBudget) {
  backUp(Clock::now(), true);
  publish();
  thread = std::jthread([this](std::stop_token token) { loop(token); });
}

void TrainingRunner::Impl::post(std::function<void()> command, CommandKind kind,
                                bool keepsHistory) {
  queue.post(std::move(command), kind, keepsHistory);
}

std::shared_ptr<const TrainingSnapshot> TrainingRunner::Impl::latest() const {
  return publisher.latest();
}

void TrainingRunner::Impl::loop(std::stop_token token) {
  while (!token.stop_requested()) {
    if (queue.pending()) {
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
    const long long allowed = pacer.epochsAllowed(now);
    if (allowed == 0) {
      // The epochs trained since the last snapshot are shown before the wait, not after it.
      if (publisher.unpublished()) publish();
      waitForCommand(token, now + pacer.waitTime(now));
      continue;
    }
    trainChunk(allowed);
    if (state != RunState::Running || publisher.due(Clock::now())) {
      publish();
    }
  }
}

void TrainingRunner::Impl::runCommands() {
  for (auto& command : queue.take()) {
    if (state == RunState::Stopped) break;
    // Commands check what they are given; should one still throw, the training thread must
    // not die of it (that would end the program): the command is refused and says why.
    try {
      command.run();
    } catch (const std::exception& problem) {
      message = std::string("Refused a command: ") + problem.what() + ".";
    }
    applied = command.sequence;
    if (!command.keepsHistory) runHistory.clear();
  }
  pacer.resetChunk();  // the cost of an epoch may have changed
}

void TrainingRunner::Impl::waitForCommand(std::stop_token token,
                                          std::optional<Clock::time_point> until) {
  queue.wait(token, until);
}

// Trains many epochs a call, up to the next epoch the run history keeps; every epoch's loss still
// reaches the loss history (Trainer::step reports only the last one), and a loss goal stops at
// the epoch that reached it.
void TrainingRunner::Impl::trainChunk(long long limit) {
  long long n = limit;
  if (stepsLeft > 0) n = std::min(n, stepsLeft);
  n = stopRules.epochsBeforeMax(trainer.epoch(), n);
  if (n <= 0) return pauseWith(PauseReason::MaxEpochs);
  const bool perceptron = trainer.settings().optimizer.kind == OptimizerKind::Perceptron;
  const Clock::time_point start = Clock::now();
  StepResult result;
  long long done = 0;
  PauseReason stop = PauseReason::None;
  if (runHistory.size() == 0) runHistory.record(trainer);  // where this stretch of the run starts
  // The loss an epoch measures is that of the weights it started from: after `epoch` epochs.
  // Recorded there, the history agrees with the snapshot's loss at the same epoch.
  long long epoch = trainer.epoch();
  const Trainer::EpochObserver afterEpoch = [&](double loss) {
    history.add(epoch++, loss);
    stop = stopRules.afterEpoch(loss, perceptron);
    return stop == PauseReason::None;
  };
  while (done < n && stop == PauseReason::None) {
    result = trainer.step(std::min(n - done, runHistory.epochsToNextRecord(trainer.epoch())),
                          afterEpoch);
    done += result.epochs;
    if (result.diverged) break;
    runHistory.record(trainer);
  }
  const Clock::time_point end = Clock::now();
  pacer.count(done);
  if (done > 0) publisher.markTrained();
  if (result.diverged) return restoreAfterDivergence(result);
  pacer.adaptChunk(done, Seconds(end - start).count());
  backUp(end, false);
  if (stepsLeft > 0) {
    stepsLeft -= done;
    if (stepsLeft == 0) return pauseWith(PauseReason::StepDone);
  }
  if (stop == PauseReason::Converged) {
    return pauseWith(stop, "The perceptron has converged: it classifies every training row right.");
  }
  if (stop != PauseReason::None) return pauseWith(stop);
  if (stopRules.maxReached(trainer.epoch())) pauseWith(PauseReason::MaxEpochs);
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
  // Point k is the loss after k epochs: the next epoch records backupEpoch's afresh.
  history.truncate(backupEpoch - 1);
  testHistory.truncate(backupEpoch);
  // The timeline up to the backup stays, a stretch of its own: from there, the run goes on from
  // the restored state (with the optimizer's state cleared), not as it went on the first time.
  runHistory.closeSegment(trainer, dataset, scaling);
  beginStretch({backupEpoch, RunEventKind::Diverged, static_cast<double>(badEpoch), rate});
  pacer.resetChunk();
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
  pacer.start(Clock::now());
}

// The data as the network reads it: the inputs rescaled by the current input scaling, fitted
// afresh on `raw`'s training rows; `raw` itself when there is none.
Dataset TrainingRunner::Impl::networkView(const Dataset& raw) {
  if (fixedScaling && !fixedScaling->isIdentity() &&
      fixedScaling->offset().size() != raw.inputColumns())
    fixedScaling.reset();  // data of another width: the stored scaling cannot apply
  scaling = fixedScaling ? *fixedScaling : InputScaling::fit(scalingKind, raw);
  return scaling.apply(raw);
}

// Trainer::setNetwork checks the network against the old data, so a change of both at once
// needs a new trainer. Its optimizer state starts afresh, as after any change of weights.
void TrainingRunner::Impl::replaceTrainer(Network network, std::shared_ptr<const Dataset> data,
                                          long long epoch) {
  trainer = Trainer(std::move(network), networkView(*data), trainer.settings());
  trainer.setEpoch(epoch);
  runHistory.clear();  // weights of another shape: the old records cannot be shown with them
  dataset = std::move(data);
  backUp(Clock::now(), true);
  clearBest();
}

}  // namespace nnlab
