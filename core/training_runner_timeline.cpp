// The runner's timeline: showing an earlier epoch, going back to one, and the stretches and
// events a change of data or settings, a divergence or a restore leaves in the run.
#include <sstream>
#include <utility>

#include "core/training_runner_impl.h"

namespace nnlab {

using namespace runner_detail;

std::shared_ptr<const TrainingSnapshot> TrainingRunner::Impl::snapshotAt(long long epoch) {
  if (epoch > trainer.epoch()) return nullptr;
  Trainer moved = trainer;
  if (!runHistory.moveTo(moved, epoch)) return nullptr;
  auto shown = std::make_shared<TrainingSnapshot>(*latest());
  // An epoch trained with other data or settings is shown with them.
  if (const RunSegment* stretch = runHistory.segmentOf(epoch)) {
    shown->dataset = stretch->data;
    shown->scaling = stretch->scaling;
    shown->settings = stretch->settings;
  }
  shown->commandsApplied = applied;
  shown->epoch = epoch;
  shown->state = state == RunState::Stopped ? state : RunState::Paused;
  shown->predictions = moved.predictAll();
  const Evaluation evaluation =
      evaluatePredictions(moved.settings().loss, shown->predictions, *shown->dataset);
  shown->loss = evaluation.trainLoss;
  shown->testLoss = evaluation.testLoss;
  shown->trainAccuracy = evaluation.trainAccuracy;
  shown->testAccuracy = evaluation.testAccuracy;
  shown->network = moved.network();
  shown->gradients = moved.gradients();
  shown->lastChange = moved.optimizer().lastChange(shown->gradients);
  shown->gradientsKnown = moved.gradientsKnown();
  return shown;
}

void TrainingRunner::Impl::clearCurves() {
  history.clear();
  testHistory.clear();
  events.clear();
}

// The run goes on from the trainer's present, which a change or a restore has just made: the
// timeline replays from here with the present data and settings, and the chart marks why.
void TrainingRunner::Impl::beginStretch(RunEvent event) {
  truncateEvents(events, event.epoch);
  if (runHistory.size() > 0) runHistory.restartAt(trainer);
  backUp(Clock::now(), true);  // a divergence later goes back to here at the earliest
  // A slider dragged changes the rate many times, at one epoch while paused or over a stretch
  // of epochs while training: one marker, from the first rate to the last.
  const Clock::time_point now = Clock::now();
  const bool dragged = event.kind == RunEventKind::LearningRate && !events.empty() &&
                       events.back().kind == event.kind && now - lastEventTime < kEventMergeTime;
  lastEventTime = now;
  if (dragged ||
      (!events.empty() && events.back().epoch == event.epoch && events.back().kind == event.kind)) {
    events.back().after = event.after;
    return;
  }
  events.push_back(event);
}

// The event a change of settings (and perhaps data) at the trainer's epoch is.
RunEvent TrainingRunner::Impl::changeEvent(const TrainingSettings& old, bool dataChanged) const {
  const TrainingSettings& now = trainer.settings();
  if (dataChanged) return {trainer.epoch(), RunEventKind::Data};
  TrainingSettings rateOnly = old;
  rateOnly.optimizer.learningRate = now.optimizer.learningRate;
  if (rateOnly == now)
    return {trainer.epoch(), RunEventKind::LearningRate, old.optimizer.learningRate,
            now.optimizer.learningRate};
  return {trainer.epoch(), RunEventKind::Settings};
}

void TrainingRunner::Impl::doGoBackTo(long long epoch) {
  if (epoch == trainer.epoch()) return;
  Trainer moved = trainer;
  if (epoch > trainer.epoch() || !runHistory.moveTo(moved, epoch)) {
    message = "Epoch " + std::to_string(epoch) + " is not in this run's timeline.";
    return;
  }
  const long long present = trainer.epoch();
  const RunSegment* stretch = runHistory.segmentOf(epoch);
  const bool otherStretch = stretch != nullptr;
  std::optional<RunEvent> change;
  if (otherStretch) change = changeEvent(stretch->settings, stretch->data != dataset);
  if (otherStretch) {
    // Trained then with other data or settings: the run goes on with the present ones, from
    // that epoch's weights (and its optimizer state and shuffle, where they still fit).
    trainer.setNetwork(moved.network());
    try {
      trainer.restoreState(moved.state());
    } catch (const std::invalid_argument&) {
      trainer.setEpoch(epoch);
    }
  } else {
    trainer = std::move(moved);
  }
  if (change) change->epoch = epoch;
  runHistory.restartAt(trainer);
  truncateEvents(events, epoch);
  if (change) events.push_back(*change);  // the present data and settings start here now
  history.truncate(epoch - 1);            // the next epoch records epoch's loss afresh
  testHistory.truncate(epoch);
  if (bestTestLoss && bestEpoch > epoch) clearBest();  // found later in the run left behind
  backUp(Clock::now(), true);
  pauseWith(PauseReason::None);
  message = "Went back from epoch " + std::to_string(present) + " to epoch " +
            std::to_string(epoch) + "; training goes on from there" +
            (otherStretch ? " with the present data and settings." : ".");
}

void TrainingRunner::Impl::doRevertToBest() {
  if (!bestTestLoss) {
    message = "There are no best weights to revert to: no test loss has been measured.";
    return;
  }
  trainer.setNetwork(best);  // also clears the optimizer state
  trainer.setEpoch(bestEpoch);
  history.truncate(bestEpoch - 1);  // the next epoch records bestEpoch's loss afresh
  testHistory.truncate(bestEpoch);
  runHistory.closeSegment(trainer, dataset, scaling);  // see restoreAfterDivergence
  beginStretch({bestEpoch, RunEventKind::RestoredBest, *bestTestLoss});
  backUp(Clock::now(), true);
  pacer.resetChunk();
  std::ostringstream text;
  text << "Restored the weights of epoch " << bestEpoch << ", which had the lowest test loss ("
       << *bestTestLoss << ").";
  message = text.str();
}

}  // namespace nnlab
