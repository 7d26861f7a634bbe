#pragma once

#include <QWidget>

#include "core/training_runner.h"

class QLineEdit;
class QPushButton;
class QSpinBox;

namespace nnlab {

/// When training stops by itself, under the loss chart: after a number of epochs, at a loss
/// goal, or early, when the test loss has not improved for a number of epochs; and "Revert to
/// best", which goes back to the weights with the lowest test loss seen.
class StopPanel : public QWidget {
  Q_OBJECT

 public:
  explicit StopPanel(QWidget* parent = nullptr);

  /// Shows the runner's stop conditions (unless one is being edited) and whether there are
  /// best weights to revert to.
  void showSnapshot(const TrainingSnapshot& snapshot);
  /// The conditions just requested are the runner's command number `sequence` (see
  /// TrainingRunner::postedCommands): older snapshots do not put theirs back in the fields.
  void expectCommand(std::uint64_t sequence) { m_expected = sequence; }

  QSpinBox* maxEpochsBox() const { return m_maxEpochs; }
  QLineEdit* lossGoalBox() const { return m_lossGoal; }
  QSpinBox* patienceBox() const { return m_patience; }
  QPushButton* revertButton() const { return m_revert; }

 signals:
  void stopConditionsRequested(const nnlab::StopConditions& conditions);
  void revertRequested();
  /// A typed value was refused; the text says why.
  void refused(const QString& why);

 private:
  void request();

  QSpinBox* m_maxEpochs;
  QLineEdit* m_lossGoal;
  QSpinBox* m_patience;
  QPushButton* m_revert;
  StopConditions m_shown;
  std::uint64_t m_expected = 0;  ///< see expectCommand
};

}  // namespace nnlab
