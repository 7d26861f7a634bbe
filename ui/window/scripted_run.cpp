#include "ui/window/scripted_run.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QPainter>
#include <QPixmap>
#include <QSlider>
#include <QTimer>
#include <iostream>
#include <optional>

#include "core/training_runner.h"
#include "ui/backprop/backprop_panel.h"
#include "ui/chart/timeline.h"
#include "ui/lessons/lesson_session.h"
#include "ui/lessons/lessons_panel.h"
#include "ui/window/control_bar.h"
#include "ui/window/lessons_dock.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {

namespace {

// The shown epoch's weights in the model file's layout: per layer, "weights" as fan_in rows of
// units, and "bias" (null for a layer without one). Qt writes doubles in their shortest form
// that reads back to the identical value.
QJsonObject shownJson(const TrainingSnapshot& snapshot) {
  QJsonArray layers;
  for (const DenseLayer& layer : snapshot.network.layers()) {
    QJsonArray rows;
    for (Eigen::Index i = 0; i < layer.weights.rows(); ++i) {
      QJsonArray row;
      for (Eigen::Index j = 0; j < layer.weights.cols(); ++j) row.append(layer.weights(i, j));
      rows.append(row);
    }
    QJsonValue bias(QJsonValue::Null);
    if (layer.bias.size() > 0) {
      QJsonArray values;
      for (Eigen::Index j = 0; j < layer.bias.size(); ++j) values.append(layer.bias(j));
      bias = values;
    }
    layers.append(QJsonObject{{QStringLiteral("weights"), rows}, {QStringLiteral("bias"), bias}});
  }
  return QJsonObject{{QStringLiteral("epoch"), static_cast<double>(snapshot.epoch)},
                     {QStringLiteral("layers"), layers}};
}

}  // namespace

ScriptedRun::ScriptedRun(MainWindow& window, LaunchOptions options, QObject* parent)
    : QObject(parent), m_window(window), m_options(std::move(options)) {}

void ScriptedRun::start() {
  m_startEpoch = m_window.runner().latestSnapshot()->epoch;
  if (m_options.trainForSeconds <= 0) {
    QTimer::singleShot(50, this, &ScriptedRun::finish);  // let the first frames paint
    return;
  }
  startTraining();
}

void ScriptedRun::startTraining() {
  // The window's first paint lays out and rasterises everything once: wait for it (at most
  // ~1 s) so that the frame figures describe training, not start-up.
  if (m_window.frameStats().count() == 0 && ++m_startChecks < 100) {
    QTimer::singleShot(10, this, &ScriptedRun::startTraining);
    return;
  }
  QTimer::singleShot(50, this, &ScriptedRun::beginTraining);
}

void ScriptedRun::beginTraining() {
  QSlider* speed = m_window.controls()->speedSlider();
  speed->setValue(speed->maximum());  // unlimited
  m_window.frameStats().clear();      // frames while training, not the window's first layout
  m_clock.start();
  m_window.controls()->trainAction()->setChecked(true);
  m_trainCommand = m_window.runner().postedCommands();
  // Precise: a coarse timer may fire 5% early, and train_seconds would not be what was asked.
  m_deadline = new QTimer(this);
  m_deadline->setSingleShot(true);
  m_deadline->setTimerType(Qt::PreciseTimer);
  connect(m_deadline, &QTimer::timeout, this, &ScriptedRun::stopTraining);
  m_deadline->start(static_cast<int>(m_options.trainForSeconds * 1000));
  QTimer::singleShot(10, this, &ScriptedRun::checkStoppedEarly);
}

void ScriptedRun::checkStoppedEarly() {
  if (!m_deadline->isActive()) return;  // the time is up: stopTraining runs or has run
  const auto snapshot = m_window.runner().latestSnapshot();
  if (snapshot->commandsApplied >= m_trainCommand && snapshot->state != RunState::Running) {
    m_deadline->stop();  // the seed's 1500 iterations take milliseconds, not --train-for
    stopTraining();
    return;
  }
  QTimer::singleShot(10, this, &ScriptedRun::checkStoppedEarly);
}

void ScriptedRun::stopTraining() {
  m_window.controls()->trainAction()->setChecked(false);
  m_trainedSeconds = static_cast<double>(m_clock.nsecsElapsed()) / 1e9;
  m_framesWhileTraining = m_window.frameStats().count();
  waitForPause();
}

void ScriptedRun::waitForPause() {
  // The runner pauses at the next epoch boundary; wait (at most ~2 s) for it to say so.
  const auto snapshot = m_window.runner().latestSnapshot();
  if (snapshot->state == RunState::Running && ++m_pauseChecks < 200) {
    QTimer::singleShot(10, this, &ScriptedRun::waitForPause);
    return;
  }
  finish();
}

bool ScriptedRun::showAtEpoch() {
  const long long wanted = *m_options.atEpoch;
  Timeline* timeline = m_window.timeline();
  if (m_atEpochChecks == 0) {
    const long long present = m_window.runner().latestSnapshot()->epoch;
    if (wanted > present) {
      fail(tr("--at-epoch %1: the run ends at epoch %2").arg(wanted).arg(present));
      return false;
    }
    if (wanted == present) return true;  // the present, as it is
    timeline->showEpoch(wanted);
  }
  m_window.refresh();
  const auto past = timeline->past();
  if (past && past->epoch == wanted && m_window.shownSnapshot() == past) return true;
  if (timeline->isLive() || ++m_atEpochChecks > 1000) {
    fail(tr("--at-epoch %1: this epoch is not in the run's timeline").arg(wanted));
    return false;
  }
  QTimer::singleShot(10, this, &ScriptedRun::finish);
  return false;
}

void ScriptedRun::fail(const QString& error) {
  std::cerr << "nnlab: " << error.toStdString() << '\n';
  m_exitCode = 1;
  emit finished(m_exitCode);
  if (m_options.quit) QCoreApplication::exit(m_exitCode);
}

void ScriptedRun::finish() {
  if (m_options.atEpoch && !m_atEpochShown) {
    if (!showAtEpoch()) return;
    m_atEpochShown = true;
  }
  // --show-me: the lesson's steps play first (each waits for the runner); at most ~60 s.
  const LessonsPanel* lessons = m_window.findChild<LessonsPanel*>();
  if (lessons && lessons->currentLesson() >= 0 &&
      (lessons->session()->showingMe() || !lessons->session()->setUp()) &&
      ++m_lessonChecks < 6000) {
    QTimer::singleShot(10, this, &ScriptedRun::finish);
    return;
  }
  // --explain: the Backprop view opens on the next update; wait (at most ~10 s) for it.
  if (m_options.explain && m_explainChecks == 0) m_window.showBackprop();
  if (m_options.explain && !m_window.backprop()->update() && ++m_explainChecks < 1000) {
    QTimer::singleShot(10, this, &ScriptedRun::finish);
    return;
  }
  if (m_options.explain && m_window.backprop()->update()) {
    const int layers = static_cast<int>(m_window.backprop()->update()->trace.layers.size());
    m_window.backprop()->setStep(m_options.explainStep > 0 ? m_options.explainStep - 1
                                                           : firstBackwardStep(layers));
  }
  if (m_window.timeline()->isLive()) m_window.refresh();
  QString error;
  if (!m_options.screenshotPath.isEmpty() && !windowPicture().save(m_options.screenshotPath)) {
    error = tr("cannot write the screenshot %1").arg(m_options.screenshotPath);
  }
  if (error.isEmpty() && !m_options.savePath.isEmpty()) {
    // As File ▸ Save does it, timed: the GUI thread's share, and the whole write.
    QElapsedTimer clock;
    clock.start();
    QString problem;
    SessionController* session = m_window.session();
    const bool started = session->saveInBackground(m_options.savePath, &problem);
    m_saveGuiMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    session->waitForSave();
    m_saveTotalMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    if (!started || !session->lastSaveError().isEmpty())
      error = tr("cannot save the session: %1").arg(started ? session->lastSaveError() : problem);
  }
  if (error.isEmpty() && !m_options.reportPath.isEmpty()) writeReport(&error);
  if (!error.isEmpty()) {
    std::cerr << "nnlab: " << error.toStdString() << '\n';
    m_exitCode = 1;
  }
  emit finished(m_exitCode);
  if (m_options.quit) QCoreApplication::exit(m_exitCode);
}

// The window, with the Backprop view drawn where it floats over it.
QPixmap ScriptedRun::windowPicture() const {
  QPixmap picture = m_window.grab();
  QDockWidget* dock = m_window.backpropDock();
  if (dock->isVisible() && dock->isFloating()) {
    QPainter painter(&picture);
    painter.drawPixmap(dock->geometry().topLeft() - m_window.geometry().topLeft(), dock->grab());
  }
  return picture;
}

bool ScriptedRun::writeReport(QString* error) const {
  const auto snapshot = m_window.runner().latestSnapshot();
  const FrameStats& frames = m_window.frameStats();
  const long long epochs = snapshot->epoch;
  const double seconds = m_trainedSeconds;
  QJsonObject report;
  report[QStringLiteral("architecture")] =
      QString::fromStdString(snapshot->network.spec().shapeText());
  report[QStringLiteral("epochs")] = static_cast<double>(epochs);
  report[QStringLiteral("train_seconds")] = seconds;
  report[QStringLiteral("train_loss")] = snapshot->loss;
  // Null where they do not apply: no test rows, or regression targets.
  const auto optional = [](const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
  };
  report[QStringLiteral("test_loss")] = optional(snapshot->testLoss);
  report[QStringLiteral("train_accuracy")] = optional(snapshot->trainAccuracy);
  report[QStringLiteral("test_accuracy")] = optional(snapshot->testAccuracy);
  report[QStringLiteral("loss_name")] =
      QString::fromStdString(std::string(lossName(snapshot->settings.loss)));
  report[QStringLiteral("epochs_per_second")] =
      seconds > 0 ? static_cast<double>(epochs - m_startEpoch) / seconds : 0.0;
  // A frame's time is the GUI thread's work for it: widgets taking the snapshot, then painting.
  report[QStringLiteral("frames")] = frames.count();
  report[QStringLiteral("frames_per_second")] = seconds > 0 ? m_framesWhileTraining / seconds : 0.0;
  report[QStringLiteral("frame_ms_median")] = frames.medianMs();
  report[QStringLiteral("frame_ms_max")] = frames.maxMs();
  report[QStringLiteral("paint_ms_median")] = frames.paintMedianMs();
  report[QStringLiteral("paint_ms_max")] = frames.paintMaxMs();
  report[QStringLiteral("peak_rss_mb")] = peakRssMb();
  if (m_options.atEpoch) report[QStringLiteral("shown")] = shownJson(*m_window.shownSnapshot());
  if (const LessonsPanel* lessons = m_window.findChild<LessonsPanel*>();
      lessons && lessons->currentLesson() >= 0)
    report[QStringLiteral("lesson")] = lessons->report();
  if (!m_options.savePath.isEmpty()) {
    report[QStringLiteral("save_ms_gui_thread")] = m_saveGuiMs;
    report[QStringLiteral("save_ms_total")] = m_saveTotalMs;
  }
  QFile file(m_options.reportPath);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      file.write(QJsonDocument(report).toJson()) < 0) {
    *error = tr("cannot write the report %1: %2").arg(m_options.reportPath, file.errorString());
    return false;
  }
  return true;
}

double ScriptedRun::peakRssMb() {
  QFile status(QStringLiteral("/proc/self/status"));
  if (!status.open(QIODevice::ReadOnly | QIODevice::Text)) return 0.0;
  // /proc files report size 0, so read them whole rather than testing atEnd().
  for (const QByteArray& line : status.readAll().split('\n')) {
    if (line.startsWith("VmHWM:")) {
      const QList<QByteArray> parts = line.simplified().split(' ');
      if (parts.size() >= 2) return parts[1].toDouble() / 1024.0;  // kB
    }
  }
  return 0.0;
}

}  // namespace nnlab
