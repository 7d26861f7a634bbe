#include "ui/common/runner_state_command.h"

#include <exception>
#include <utility>

namespace nnlab {

RunnerStateCommand::RunnerStateCommand(TrainingRunner& runner,
                                       std::function<void(const QString&)> tell)
    : m_runner(runner), m_tell(std::move(tell)), m_first(runner.captureState().share()) {}

void RunnerStateCommand::redo() {
  if (!m_done || !m_after) {
    m_done = true;
    apply();
    return;
  }
  // The old run as training has left it since the undo, for the next undo.
  m_before = current();
  if (!m_before) return;
  m_runner.restore(inSurroundings(*m_after, *m_before));
  tell(tr("Redone: %1, as training left it.").arg(text()));
}

void RunnerStateCommand::undo() {
  std::optional<RunnerState> before = m_before;
  try {
    if (!before) before = m_first.get();
  } catch (const std::exception& problem) {
    tell(tr("Cannot undo: %1.").arg(QString::fromStdString(problem.what())));
    return;
  }
  // The changed run as training has left it, for a redo; and what the old one goes back into.
  m_after = current();
  if (!m_after) return;
  m_runner.restore(inSurroundings(std::move(*before), *m_after));
  tell(undoneMessage());
}

std::optional<RunnerState> RunnerStateCommand::current() {
  try {
    return m_runner.captureState().get();
  } catch (const std::exception& problem) {
    tell(tr("Cannot change the run now: %1.").arg(QString::fromStdString(problem.what())));
    return std::nullopt;
  }
}

RunnerState RunnerStateCommand::inSurroundings(RunnerState state, const RunnerState& now) {
  if (!sameData(state.dataset, now.dataset) || state.scaling != now.scaling ||
      state.fixedScaling.has_value() != now.fixedScaling.has_value()) {
    // The timeline's records were trained on the old data: replayed on the new, they would
    // show what never happened. The run goes on without them.
    state.timeline.clear();
    state.timelineSegments.clear();
  }
  state.dataset = now.dataset;
  state.scaling = now.scaling;
  state.stopConditions = now.stopConditions;
  state.speedLimit = now.speedLimit;
  return state;
}

}  // namespace nnlab
