#pragma once

#include <QUndoCommand>

namespace nnlab {

class TrainingRunner;

/// One weight typed in the graph, as an undo step: undo puts back the value it had, and only
/// that weight, whatever training did to the others meanwhile.
class WeightCommand : public QUndoCommand {
 public:
  WeightCommand(TrainingRunner& runner, int layer, int from, int to, double oldValue,
                double newValue, const QString& text);
  void redo() override;
  void undo() override;

 private:
  TrainingRunner& m_runner;
  int m_layer;
  int m_from;
  int m_to;
  double m_old;
  double m_new;
};

}  // namespace nnlab
