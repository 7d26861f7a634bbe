// The window's timeline: which epoch of the run it shows, the bar under the loss chart and the
// chart's cursor (see Timeline and TimelineBar).
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

std::shared_ptr<const TrainingSnapshot> MainWindow::currentSnapshot() {
  m_timeline->poll();
  std::shared_ptr<const TrainingSnapshot> latest = m_runner->latestSnapshot();
  if (latest) m_timelineBar->setRange(latest->timelineStart, latest->epoch);
  if (m_timeline->isLive()) return latest;
  return m_timeline->past() ? m_timeline->past() : m_shown;
}

}  // namespace nnlab
