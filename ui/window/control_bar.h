#pragma once

#include <QWidget>
#include <cstdint>

class QAction;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;
class QToolButton;

namespace nnlab {

struct TrainingSnapshot;

/// The row of training controls, left to right in the order a person uses them: Reset,
/// Train/Pause, Step ×N, learning rate (log slider + number), speed limit, seed. Owns the
/// Reset/Train/Step actions (window-level shortcuts R, Space, Right/S) so menus can share them.
class ControlBar : public QWidget {
  Q_OBJECT

 public:
  explicit ControlBar(QWidget* parent = nullptr);

  /// Keeps the Train button and learning rate in step with the runner.
  void showSnapshot(const TrainingSnapshot& snapshot);
  /// The runner's command count once Train, Pause or Step was sent: snapshots older than that
  /// must not move the button back; the first one at or past it says where training is.
  void expectCommand(std::uint64_t sequence) { m_expected = sequence; }

  QAction* resetAction() const { return m_reset; }
  QAction* trainAction() const { return m_train; }
  QAction* stepAction() const { return m_step; }
  QToolButton* trainButton() const { return m_trainButton; }
  QToolButton* stepButton() const { return m_stepButton; }
  QSpinBox* stepCount() const { return m_stepCount; }
  /// Puts a button for `action` after the Step controls (the window's views, e.g. Backprop).
  void addTool(QAction* action);
  QSlider* learningRateSlider() const { return m_rateSlider; }
  /// The learning rate as a number: any value in [0, 1000], typed as "0.01" or "1e-5".
  QLineEdit* learningRateBox() const { return m_rateBox; }
  double learningRate() const { return m_rate; }
  QSlider* speedSlider() const { return m_speedSlider; }
  QSpinBox* seedBox() const { return m_seed; }
  /// Epochs per second chosen on the speed slider; 0 for unlimited.
  double speedLimit() const;
  void setSeed(quint64 seed);
  /// Puts the speed slider at the position nearest `epochsPerSecond` (0: unlimited), without
  /// sending it to the runner again.
  void showSpeedLimit(double epochsPerSecond);

 protected:
  /// Lets R, S and Space (never part of a number) reach the window's shortcuts while a number
  /// box has focus, and gives focus back after Enter so → works again.
  bool eventFilter(QObject* watched, QEvent* event) override;

 signals:
  void resetRequested(quint64 seed);
  void trainToggled(bool train);
  void stepRequested(long long epochs);
  void learningRateChanged(double learningRate);
  void speedLimitChanged(double epochsPerSecond);
  /// Something typed was refused; the text says why (for the status bar).
  void refused(const QString& why);

 private:
  QToolButton* buttonFor(QAction* action);
  void createActions();
  void createRateControls();
  void createSpeedControls();
  void setRateFromSlider(int position);
  void setRateFromBox();
  void showRate(double rate);
  void updateSpeedLabel();

  QAction* m_reset;
  QAction* m_train;
  QAction* m_step;
  QToolButton* m_trainButton = nullptr;
  QToolButton* m_stepButton = nullptr;
  QSpinBox* m_stepCount;
  QSlider* m_rateSlider;
  QLineEdit* m_rateBox;
  QSlider* m_speedSlider;
  QLabel* m_speedLabel;
  QSpinBox* m_seed;
  std::uint64_t m_expected = 0;  ///< see expectCommand
  double m_lastRate = 0.0;
  double m_rate = 1.0;  ///< what the rate box and slider show
};

}  // namespace nnlab
