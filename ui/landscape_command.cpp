#include "landscape_command.h"

#include <exception>
#include <utility>

#include "network_command.h"

namespace nnlab {

LandscapeCommand::LandscapeCommand(TrainingRunner& runner, Network picked,
                                   std::function<void(const QString&)> tell)
    : m_runner(runner),
      m_picked(std::move(picked)),
      m_tell(std::move(tell)),
      m_first(runner.captureState().share()) {
  setText(tr("Set the weights to a point of the loss landscape"));
}

void LandscapeCommand::redo() {
  if (!m_done || !m_after) {
    m_done = true;
    m_runner.setModel(m_picked);
    m_tell(
        tr("Weights set to the point picked on the loss landscape; Ctrl+Z brings back the "
           "old ones."));
    return;
  }
  m_before = current();
  if (!m_before) return;
  m_runner.restore(NetworkCommand::inSurroundings(*m_after, *m_before));
  m_tell(tr("Redone: %1, as training left it.").arg(text()));
}

void LandscapeCommand::undo() {
  std::optional<RunnerState> before = m_before;
  try {
    if (!before) before = m_first.get();
  } catch (const std::exception& problem) {
    m_tell(tr("Cannot undo: %1.").arg(QString::fromStdString(problem.what())));
    return;
  }
  m_after = current();
  if (!m_after) return;
  m_runner.restore(NetworkCommand::inSurroundings(std::move(*before), *m_after));
  m_tell(tr("Undone: the weights are back as they were, paused."));
}

std::optional<RunnerState> LandscapeCommand::current() {
  try {
    return m_runner.captureState().get();
  } catch (const std::exception& problem) {
    m_tell(tr("Cannot change the weights now: %1.").arg(QString::fromStdString(problem.what())));
    return std::nullopt;
  }
}

}  // namespace nnlab
