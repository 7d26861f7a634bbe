#pragma once

#include <QWidget>
#include <string>

class QLabel;

namespace nnlab {

struct TrainingSnapshot;

/// The permanent part of the status bar: epoch, loss (named after the loss, "SSE 0.0031"),
/// measured epochs per second and the runner's state with its reason.
class StatusLine : public QWidget {
  Q_OBJECT

 public:
  explicit StatusLine(QWidget* parent = nullptr);

  void showSnapshot(const TrainingSnapshot& snapshot);
  QString stateText() const;
  QString lossText() const;
  QString epochText() const;
  QString speedText() const;

 private:
  QLabel* m_epoch;
  QLabel* m_loss;
  QLabel* m_speed;
  QLabel* m_state;
  double m_lastRate = 0.0;  ///< measured while last running; 0 before any run
};

}  // namespace nnlab
