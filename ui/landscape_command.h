#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>
#include <functional>
#include <future>
#include <optional>

#include "training_runner.h"

namespace nnlab {

/// Weights picked on the loss landscape, as an undo step: training goes on from them (same
/// architecture: the epoch count goes on); undo brings back the weights as they were, with their
/// optimizer state and place in training, and redo the picked ones as training had left them.
/// Like NetworkCommand, it captures the runner's state before the change and at each undo/redo.
class LandscapeCommand : public QUndoCommand {
  Q_DECLARE_TR_FUNCTIONS(LandscapeCommand)

 public:
  /// `tell` shows a message in the status bar.
  LandscapeCommand(TrainingRunner& runner, Network picked,
                   std::function<void(const QString&)> tell);
  void redo() override;
  void undo() override;

 private:
  std::optional<RunnerState> current();

  TrainingRunner& m_runner;
  Network m_picked;
  std::function<void(const QString&)> m_tell;
  std::shared_future<RunnerState> m_first;  ///< the weights when the point was picked
  std::optional<RunnerState> m_before;      ///< the old weights as a redo left them
  std::optional<RunnerState> m_after;       ///< the picked weights as an undo left them
  bool m_done = false;
};

}  // namespace nnlab
