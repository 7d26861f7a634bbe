#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>
#include <functional>
#include <future>
#include <optional>

#include "core/training_runner.h"

namespace nnlab {

/// An undo step that changes the run as a whole — a new network, weights picked on the loss
/// landscape, training on from a past epoch. The runner's state is captured before the change
/// (its commands run in order, so the capture sees the old run even while training runs) and
/// again at each undo and redo: undo brings back the run as it was, with its weights, optimizer
/// state, place in training, histories and timeline, and redo the changed run as training had
/// left it when it was undone. What the step did not change is kept as it is now: the data, the
/// input scaling, the stop conditions and the speed limit.
class RunnerStateCommand : public QUndoCommand {
  Q_DECLARE_TR_FUNCTIONS(RunnerStateCommand)

 public:
  void redo() final;
  void undo() final;

  /// `state` with what such a step does not change (data, scaling, stops, speed) as in `now`;
  /// without its timeline when its data or scaling were other than now.
  static RunnerState inSurroundings(RunnerState state, const RunnerState& now);

 protected:
  /// `tell` shows a message in the status bar.
  RunnerStateCommand(TrainingRunner& runner, std::function<void(const QString&)> tell);

  /// The change itself, posted to the runner the first time redo() runs.
  virtual void apply() = 0;
  /// What the status bar says once the step is undone.
  virtual QString undoneMessage() const = 0;

  TrainingRunner& runner() { return m_runner; }
  void tell(const QString& message) const { m_tell(message); }

 private:
  /// The runner's state now; nullopt (with a message) when the runner cannot be asked, e.g.
  /// while the window closes.
  std::optional<RunnerState> current();

  TrainingRunner& m_runner;
  std::function<void(const QString&)> m_tell;
  std::shared_future<RunnerState> m_first;  ///< the run when the change was asked for
  std::optional<RunnerState> m_before;      ///< the old run as a redo left it
  std::optional<RunnerState> m_after;       ///< the changed run as an undo left it
  bool m_done = false;                      ///< redo() has run once
};

}  // namespace nnlab
