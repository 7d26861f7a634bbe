#pragma once

#include <QCoreApplication>
#include <QString>
#include <functional>

#include "ui/common/runner_state_command.h"

namespace nnlab {

/// Weights picked on the loss landscape, as an undo step: training goes on from them (same
/// architecture: the epoch count goes on); undo brings back the weights as they were, with their
/// optimizer state and place in training, and redo the picked ones as training had left them
/// (see RunnerStateCommand).
class LandscapeCommand : public RunnerStateCommand {
  Q_DECLARE_TR_FUNCTIONS(LandscapeCommand)

 public:
  /// `tell` shows a message in the status bar.
  LandscapeCommand(TrainingRunner& runner, Network picked,
                   std::function<void(const QString&)> tell);

 private:
  void apply() override;
  QString undoneMessage() const override;

  Network m_picked;
};

}  // namespace nnlab
