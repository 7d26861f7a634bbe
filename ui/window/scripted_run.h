#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPixmap>
#include <QTimer>
#include <cstdint>

#include "ui/window/launch_options.h"

class QTimer;

namespace nnlab {

class MainWindow;

/// Drives the window from the command line: trains at full speed for the wall time asked,
/// pauses, saves a screenshot and a JSON report, and exits if asked. Nothing modal appears;
/// failures go to stderr and set the exit status to 1.
class ScriptedRun : public QObject {
  Q_OBJECT

 public:
  ScriptedRun(MainWindow& window, LaunchOptions options, QObject* parent = nullptr);

  /// Starts training (if a duration was given); the rest follows from the event loop.
  void start();
  /// 0 while running or after success, 1 after a failure.
  int exitCode() const { return m_exitCode; }
  /// VmHWM of this process, in MiB (0 where /proc is unavailable).
  static double peakRssMb();

 signals:
  void finished(int exitCode);

 private:
  QPixmap windowPicture() const;
  void startTraining();
  void beginTraining();
  void stopTraining();
  /// Ends the run early when training stopped by itself (the stop epoch, a loss goal, …).
  void checkStoppedEarly();
  void waitForPause();
  void finish();
  /// --at-epoch: false while the timeline still replays the epoch (finish() is called again);
  /// sets m_exitCode when it cannot be shown.
  bool showAtEpoch();
  void fail(const QString& error);
  bool writeReport(QString* error) const;

  MainWindow& m_window;
  LaunchOptions m_options;
  QElapsedTimer m_clock;
  double m_trainedSeconds = 0.0;
  double m_saveGuiMs = 0.0;    ///< --save: time the GUI thread spent starting the save
  double m_saveTotalMs = 0.0;  ///< --save: until the file was written
  long long m_startEpoch = 0;
  int m_framesWhileTraining = 0;
  int m_startChecks = 0;
  int m_pauseChecks = 0;
  int m_explainChecks = 0;  // frames waited for the Backprop view's explanation
  int m_lessonChecks = 0;   // waits for --show-me to finish
  int m_atEpochChecks = 0;  // frames waited for --at-epoch's replay
  bool m_atEpochShown = false;
  int m_exitCode = 0;
  std::uint64_t m_trainCommand = 0;  // the runner's command count once Train was pressed
  QTimer* m_deadline = nullptr;      // --train-for's end
};

}  // namespace nnlab
