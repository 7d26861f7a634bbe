#include "ui/landscape/landscape_command.h"

#include <utility>

namespace nnlab {

LandscapeCommand::LandscapeCommand(TrainingRunner& runner, Network picked,
                                   std::function<void(const QString&)> tell)
    : RunnerStateCommand(runner, std::move(tell)), m_picked(std::move(picked)) {
  setText(tr("Set the weights to a point of the loss landscape"));
}

void LandscapeCommand::apply() {
  runner().setModel(m_picked);
  tell(
      tr("Weights set to the point picked on the loss landscape; Ctrl+Z brings back the old "
         "ones."));
}

QString LandscapeCommand::undoneMessage() const {
  return tr("Undone: the weights are back as they were, paused.");
}

}  // namespace nnlab
