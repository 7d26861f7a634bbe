#pragma once

#include <QWidget>
#include <string>

class QLabel;

namespace nnlab {

struct TrainingSnapshot;

/// The permanent part of the status bar: epoch, loss (named after the loss, "SSE 0.0031"),
/// measured epochs per second and the runner's state with its reason. It fills the status bar,
/// so transient messages (QStatusBar::showMessage) are shown here, in place of the state.
class StatusLine : public QWidget {
  Q_OBJECT

 public:
  explicit StatusLine(QWidget* parent = nullptr);

  void showSnapshot(const TrainingSnapshot& snapshot);
  QString stateText() const;
  QString lossText() const;
  QString epochText() const;
  QString speedText() const;
  /// "test BCE 0.081", empty without test rows.
  QString testLossText() const;
  /// "accuracy 97% · test 95%", empty for regression targets.
  QString accuracyText() const;
  /// The transient message shown where the state usually is (tests find it by this).
  QLabel* messageLabel() const { return m_message; }

 public slots:
  /// Shows a transient message in place of the state; an empty one brings the state back.
  /// Connected to QStatusBar::messageChanged, whose timeout clears it.
  void showMessage(const QString& message);

 private:
  /// Test loss and accuracies, shown only where they apply.
  void showQuality(const TrainingSnapshot& snapshot, const QString& lossName);

  QLabel* m_epoch;
  QLabel* m_loss;
  QLabel* m_speed;
  QLabel* m_testLoss;
  QLabel* m_accuracy;
  QLabel* m_state;
  QLabel* m_message;
  double m_lastRate = 0.0;  ///< measured while last running; 0 before any run
};

}  // namespace nnlab
