#include "ui/network/weight_command.h"

#include "core/training_runner.h"

namespace nnlab {

WeightCommand::WeightCommand(TrainingRunner& runner, int layer, int from, int to, double oldValue,
                             double newValue, const QString& text)
    : QUndoCommand(text),
      m_runner(runner),
      m_layer(layer),
      m_from(from),
      m_to(to),
      m_old(oldValue),
      m_new(newValue) {}

// The runner sets the one weight on its own thread, in the network as it is by then: an edit
// cannot undo training that happened since, and a network that changed shape refuses it.
void WeightCommand::redo() { m_runner.setWeight(m_layer, m_from, m_to, m_new); }

void WeightCommand::undo() { m_runner.setWeight(m_layer, m_from, m_to, m_old); }

}  // namespace nnlab
