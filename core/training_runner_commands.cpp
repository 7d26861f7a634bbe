// The runner's commands (run on the training thread) and its snapshot publication.
#include <cmath>
#include <sstream>
#include <utility>

#include "core/training_runner_impl.h"

namespace nnlab {

using namespace runner_detail;

void TrainingRunner::Impl::publish() {
  auto next = std::make_shared<TrainingSnapshot>();
  const Clock::time_point now = Clock::now();
  next->commandsApplied = applied;
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
  next->epochsPerSecond = pacer.measuredRate(now, state == RunState::Running);
  next->speedLimit = pacer.speedLimit();
  next->stopConditions = stopRules.conditions();
  next->settings = trainer.settings();
  next->init = init;
  next->seed = seed;
  next->network = trainer.network();
  next->gradients = trainer.gradients();
  next->lastChange = trainer.optimizer().lastChange(next->gradients);
  next->gradientsKnown = trainer.gradientsKnown();
  next->dataset = dataset;
  next->scaling = scaling;
  next->history = history.points();
  if (evaluation.testLoss)
    testHistory.add(next->epoch, *evaluation.testLoss);
  else
    testHistory.clear();  // no test rows (any more)
  next->testHistory = testHistory.points();
  if (runHistory.size() > 0) next->timelineStart = runHistory.records().front().state.epoch;
  next->events = events;
  publisher.publish(std::move(next), now);
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
  if (state == RunState::Running && stopRules.patienceRanOut(trainer.epoch(), bestEpoch)) {
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

void TrainingRunner::Impl::doReset(std::uint64_t newSeed) {
  Network fresh = trainer.network();  // same shapes, activations and biases
  fresh.initialize(init, newSeed);
  seed = newSeed;
  replaceTrainer(std::move(fresh), dataset, 0);  // a new trainer: the same shuffles as a new run
  clearCurves();
  pauseWith(PauseReason::None);
  message.clear();
}

void TrainingRunner::Impl::doSetSettings(const TrainingSettings& settings) {
  if (auto problem = Trainer::incompatibility(trainer.network(), trainer.dataset(), settings)) {
    message = "Refused the new settings: " + *problem + "; the old ones stay.";
    return;
  }
  const TrainingSettings old = trainer.settings();
  if (settings == old) return;
  if (settings.loss != old.loss) {
    // Losses of another kind are not comparable: the curve starts again from this epoch.
    clearBest();
    clearCurves();
    runHistory.clear();
    trainer.setSettings(settings);
    return;
  }
  runHistory.closeSegment(trainer, dataset, scaling);
  trainer.setSettings(settings);
  beginStretch(changeEvent(old, false));
}

void TrainingRunner::Impl::doSetSpeedLimit(double epochsPerSecond) {
  if (std::isnan(epochsPerSecond) || epochsPerSecond < 0.0) {
    message = "Refused the speed limit " + numberText(epochsPerSecond) +
              ": it must be a positive number of epochs per second, or 0 for unlimited.";
    return;
  }
  pacer.setSpeedLimit(std::isinf(epochsPerSecond) ? 0.0 : epochsPerSecond, Clock::now());
}

void TrainingRunner::Impl::doSetDataset(std::shared_ptr<const Dataset> data) {
  if (data->rows() < 1) {
    message = "Refused the new data: it has no rows; the old data stays.";
    return;
  }
  if (data->inputColumns() < 1 || data->targetColumns() < 1) {
    message = std::string("Refused the new data: it has no ") +
              (data->inputColumns() < 1 ? "input" : "target") + " columns; the old data stays.";
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
    runHistory.closeSegment(trainer, dataset, scaling);  // before networkView() fits anew
    trainer.setDataset(networkView(*data));
    dataset = std::move(data);
    clearBest();
    beginStretch({trainer.epoch(), RunEventKind::Data});
    return;
  }
  std::vector<DenseLayer> kept = setAside;  // changed only if the refit goes through
  Refit refit = fitToData(old, *data, init, seed, kept);
  if (auto problem = Trainer::incompatibility(refit.network, *data, trainer.settings())) {
    message = "Refused the new data: " + *problem + "; the old data stays.";
    return;
  }
  setAside = std::move(kept);
  message = refit.restored
                ? refitMessage(refit.network, inputsChanged, outputsChanged, true) + "."
                : refitMessage(refit.network, inputsChanged, outputsChanged, false) + " (" +
                      std::string(initName(init)) + ", seed " + std::to_string(seed) + ").";
  replaceTrainer(std::move(refit.network), std::move(data), trainer.epoch());
  beginStretch({trainer.epoch(), RunEventKind::Data});  // the timeline starts afresh here
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
  clearCurves();
  pauseWith(PauseReason::None);
  message.clear();
}

bool TrainingRunner::Impl::refusesModel(const Network& network) {
  if (auto problem = Trainer::incompatibility(network, *dataset, trainer.settings())) {
    message = "Refused the model: " + *problem + ".";
    return true;
  }
  if (!network.allFinite()) {
    message = "Refused the model: some of its weights are not finite numbers.";
    return true;
  }
  return false;
}

void TrainingRunner::Impl::doSetModel(Network network) {
  if (refusesModel(network)) return;
  const bool sameShape = network.sameShape(trainer.network());
  const long long epoch = sameShape ? trainer.epoch() : 0;
  trainer.setNetwork(std::move(network));
  trainer.setEpoch(epoch);
  if (!sameShape) clearCurves();
  backUp(Clock::now(), true);
  clearBest();
}

void TrainingRunner::Impl::doSetWeight(int layer, int from, int to, double value) {
  const Network& current = trainer.network();
  if (layer < 0 || layer >= current.layerCount() || from < 0 ||
      from >= current.layer(layer).fanIn() || to < 0 || to >= current.layer(layer).units()) {
    message = "Refused the weight: the network has no weight " + std::to_string(from + 1) + " → " +
              std::to_string(to + 1) + " in layer " + std::to_string(layer + 1) + ".";
    return;
  }
  if (!std::isfinite(value)) {
    message = "Refused the weight " + numberText(value) + ": it must be a finite number.";
    return;
  }
  Network edited = current;
  edited.layer(layer).weights(from, to) = value;
  doSetModel(std::move(edited));
}

void TrainingRunner::Impl::doSetModelWithScaling(Network network, InputScaling fixed) {
  if (!fixed.isIdentity() && fixed.offset().size() != network.inputs()) {
    message = "Refused the model: its input scaling has " + std::to_string(fixed.offset().size()) +
              " columns for " + std::to_string(network.inputs()) + " inputs.";
    return;
  }
  if (refusesModel(network)) return;
  scalingKind = fixed.kind();
  fixedScaling = std::move(fixed);
  trainer.setDataset(networkView(*dataset));
  doSetModel(std::move(network));
}

void TrainingRunner::Impl::doSetInputScaling(ScalingKind kind) {
  if (kind == scalingKind && !fixedScaling) return;
  runHistory.closeSegment(trainer, dataset, scaling);
  fixedScaling.reset();
  scalingKind = kind;
  trainer.setDataset(networkView(*dataset));
  clearBest();  // test losses of differently scaled inputs do not compare
  beginStretch({trainer.epoch(), RunEventKind::Data});
}

RunnerState TrainingRunner::Impl::captured(std::size_t timelineBytes) {
  RunnerState state;
  state.network = trainer.network();
  state.init = init;
  state.seed = seed;
  state.dataset = *dataset;
  state.scaling = scalingKind;
  state.fixedScaling = fixedScaling;
  state.settings = trainer.settings();
  state.stopConditions = stopRules.conditions();
  state.speedLimit = pacer.speedLimit();
  state.trainer = trainer.state();
  state.history = history.state();
  state.testHistory = testHistory.state();
  if (timelineBytes == kWholeTimeline) {
    state.timeline = runHistory.records();
    state.timelineStride = runHistory.stride();
    state.timelineSegments = runHistory.segments();
  } else if (timelineBytes > 0) {
    state.timeline = runHistory.presentRecords(timelineBytes, state.timelineStride);
  }
  state.events = events;
  if (bestTestLoss) state.best = RunnerState::Best{best, *bestTestLoss, bestEpoch};
  return state;
}

void TrainingRunner::Impl::doRestore(RunnerState state) {
  const auto data = std::make_shared<const Dataset>(std::move(state.dataset));
  // Everything is checked on copies first: a state that does not fit changes nothing.
  const ScalingKind oldKind = scalingKind;
  std::optional<InputScaling> oldFixed = std::exchange(fixedScaling, state.fixedScaling);
  scalingKind = state.scaling;
  std::optional<Trainer> restored;
  std::optional<LossHistory> restoredHistory;
  std::optional<TestLossHistory> restoredTestHistory;
  std::optional<RunHistory> restoredTimeline;
  try {
    restored.emplace(state.network, networkView(*data), state.settings);
    restored->restoreState(std::move(state.trainer));
    restoredHistory.emplace(
        LossHistory::fromState(options.historyBudget, std::move(state.history)));
    restoredTestHistory.emplace(
        TestLossHistory::fromState(testHistory.budget(), std::move(state.testHistory)));
    if (state.best && !state.best->network.sameShape(state.network))
      throw std::invalid_argument("the best weights do not have the network's shape");
    checkRecordsFit(presentRecords(state.timeline, state.timelineSegments), *restored);
    restoredTimeline.emplace(
        RunHistory::fromRecords(std::move(state.timeline), state.timelineStride, kRunHistoryBytes,
                                kRunHistoryRecords, std::move(state.timelineSegments)));
  } catch (const std::exception& problem) {
    scalingKind = oldKind;
    fixedScaling = std::move(oldFixed);
    networkView(*dataset);  // the scaling of the data that stays
    message = std::string("Refused the saved state: ") + problem.what() + ".";
    return;
  }
  trainer = std::move(*restored);
  history = std::move(*restoredHistory);
  testHistory = std::move(*restoredTestHistory);
  runHistory = std::move(*restoredTimeline);
  events = std::move(state.events);
  dataset = data;
  init = state.init;
  seed = state.seed;
  stopRules.setConditions(state.stopConditions);
  pacer.setSpeedLimit(state.speedLimit, Clock::now());
  setAside.clear();
  backUp(Clock::now(), true);
  clearBest();
  if (state.best) {  // "Revert to best" still works after a session is reopened
    best = std::move(state.best->network);
    bestTestLoss = state.best->testLoss;
    bestEpoch = state.best->epoch;
  }
  pauseWith(PauseReason::None);
  message.clear();
}

}  // namespace nnlab
