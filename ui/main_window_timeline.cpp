// The window's timeline: which epoch of the run it shows, the bar under the loss chart and the
// chart's cursor (see Timeline and TimelineBar).
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStatusBar>

#include "dataset_panel.h"
#include "loss_chart.h"
#include "main_window.h"
#include "timeline.h"
#include "timeline_bar.h"
#include "training_runner.h"

namespace nnlab {

QWidget* MainWindow::createTimelineBar(QWidget* parent) {
  m_timeline = new Timeline(*m_runner, m_data->undoStack(), this);
  m_timelineBar = new TimelineBar(*m_timeline, parent);
  connect(m_chart, &LossChart::epochPicked, m_timeline, &Timeline::showEpoch);
  connect(m_timeline, &Timeline::refused, this,
          [this](const QString& message) { statusBar()->showMessage(message, 10000); });
  // Going live shows the latest snapshot at the next frame even when training has not
  // published a new one.
  connect(m_timeline, &Timeline::changed, this, [this] {
    if (m_timeline->isLive()) m_chart->setCursorEpoch(std::nullopt);
  });
  return m_timelineBar;
}

void MainWindow::addChartOptions(QHBoxLayout* header, QWidget* parent) {
  auto* logX = new QCheckBox(tr("Log x"), parent);
  logX->setObjectName(QStringLiteral("logX"));
  logX->setToolTip(
      tr("Epochs on a logarithmic axis: the first epochs, where most of the "
         "learning happens, get as much room as the long tail. The wheel zooms "
         "the epochs, a band dragged with the right button zooms into it, a "
         "double-click shows the whole run again."));
  connect(logX, &QCheckBox::toggled, m_chart, &LossChart::setLogX);
  auto* smoothing = new QSlider(Qt::Horizontal, parent);
  smoothing->setObjectName(QStringLiteral("smoothing"));
  smoothing->setRange(0, 99);
  smoothing->setMaximumWidth(70);
  smoothing->setAccessibleName(tr("Smoothing"));
  smoothing->setToolTip(
      tr("Smoothing: an exponential moving average of the loss, drawn over "
         "the faint raw curve (for noisy mini-batch curves); left: off"));
  connect(smoothing, &QSlider::valueChanged, m_chart,
          [this](int value) { m_chart->setSmoothing(value / 100.0); });
  auto* label = new QLabel(tr("Smooth"), parent);
  label->setToolTip(smoothing->toolTip());
  label->setBuddy(smoothing);
  header->addWidget(label);
  header->addWidget(smoothing);
  header->addWidget(logX);
}

std::shared_ptr<const TrainingSnapshot> MainWindow::currentSnapshot() {
  m_timeline->poll();
  std::shared_ptr<const TrainingSnapshot> latest = m_runner->latestSnapshot();
  if (latest) m_timelineBar->setRange(latest->timelineStart, latest->epoch);
  if (m_timeline->isLive()) return latest;
  return m_timeline->past() ? m_timeline->past() : m_shown;
}

}  // namespace nnlab
