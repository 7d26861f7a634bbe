// The window's LOSS column: the loss chart with its options, the timeline (which epoch of the
// run the window shows, the bar under the chart and the chart's cursor; see Timeline and
// TimelineBar), the stop conditions, and the OUTPUT map under them.
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/chart/stop_panel.h"
#include "ui/chart/timeline.h"
#include "ui/chart/timeline_bar.h"
#include "ui/data/dataset_panel.h"
#include "ui/network/neuron_inspector.h"
#include "ui/output/decision_map_panel.h"
#include "ui/output/decision_map_view.h"
#include "ui/output/output_section.h"
#include "ui/window/main_window.h"

namespace nnlab {

QWidget* MainWindow::createLossPanel() {
  auto* top = new QWidget(this);
  m_chart = new LossChart(top);
  m_logScale = new QCheckBox(tr("Log scale"), top);
  m_logScale->setToolTip(tr("Plot the loss on a logarithmic axis, to see small values shrink."));
  connect(m_logScale, &QCheckBox::toggled, m_chart, &LossChart::setLogScale);
  auto* header = new QHBoxLayout;
  header->addWidget(panelTitle(tr("LOSS"), top));
  header->addStretch();
  addChartOptions(header, top);
  header->addWidget(m_logScale);
  m_stops = new StopPanel(top);
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(4, 4, 4, 4);
  topLayout->addLayout(header);
  topLayout->addWidget(m_chart, 1);
  topLayout->addWidget(createTimelineBar(top));
  topLayout->addWidget(m_stops);

  auto* bottom = new QWidget(this);
  m_inspector = new NeuronInspector(bottom);
  auto* bottomLayout = new QVBoxLayout(bottom);
  bottomLayout->setContentsMargins(4, 4, 4, 4);
  bottomLayout->addWidget(panelTitle(tr("NEURON"), bottom));
  bottomLayout->addWidget(m_inspector, 1);

  m_rightColumn = new QSplitter(Qt::Vertical, this);
  m_rightColumn->setChildrenCollapsible(false);
  m_rightColumn->addWidget(top);
  m_rightColumn->addWidget(createMapPanel());
  m_rightColumn->addWidget(bottom);
  // The map takes what the column can give; the neuron's text is short until a neuron is
  // clicked, and scrolls when it is longer.
  m_rightColumn->setStretchFactor(0, 2);
  m_rightColumn->setStretchFactor(1, 5);
  m_rightColumn->setStretchFactor(2, 1);
  return m_rightColumn;
}

QWidget* MainWindow::createMapPanel() {
  auto* section = new OutputSection(this);
  m_mapSection = section;
  m_output = section;
  m_map = section->panel();
  // Points clicked on the map are edits of the data like any other: through the DATA panel,
  // so that the table follows and Undo takes them back.
  connect(m_map->view(), &DecisionMapView::sampleRequested, m_data, &DatasetPanel::appendSample);
  connect(m_map->view(), &DecisionMapView::removalRequested, m_data, &DatasetPanel::removeRow);
  return section;
}

QWidget* MainWindow::createTimelineBar(QWidget* parent) {
  m_timeline = new Timeline(*m_runner, m_data->undoStack(), this);
  m_timelineBar = new TimelineBar(*m_timeline, parent);
  connect(m_chart, &LossChart::epochPicked, m_timeline, &Timeline::showEpoch);
  const auto show = [this](const QString& message) { statusBar()->showMessage(message, 10000); };
  connect(m_timeline, &Timeline::refused, this, show);
  connect(m_timeline, &Timeline::said, this, show);
  // Going live shows the latest snapshot at the next frame even when training has not
  // published a new one.
  connect(m_timeline, &Timeline::changed, this, [this] {
    if (m_timeline->isLive()) m_chart->setCursorEpoch(std::nullopt);
  });
  return m_timelineBar;
}

void MainWindow::addChartOptions(QHBoxLayout* header, QWidget* parent) {
  auto* logX = m_logX = new QCheckBox(tr("Log x"), parent);
  logX->setObjectName(QStringLiteral("logX"));
  logX->setToolTip(
      tr("Epochs on a logarithmic axis: the first epochs, where most of the "
         "learning happens, get as much room as the long tail. The wheel zooms "
         "the epochs, a band dragged with the right button zooms into it, a "
         "double-click shows the whole run again."));
  connect(logX, &QCheckBox::toggled, m_chart, &LossChart::setLogX);
  connect(m_chart, &LossChart::learningSquashed, this, [this, logX] {
    logX->setChecked(true);
    statusBar()->showMessage(tr("The loss fell in the first 1 % of the epochs: Log x is on, so "
                                "that the chart shows where learning happened."),
                             10000);
  });
  auto* smoothing = m_smoothing = new QSlider(Qt::Horizontal, parent);
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
