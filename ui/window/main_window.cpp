#include "ui/window/main_window.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <exception>

#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/chart/stop_panel.h"
#include "ui/chart/timeline.h"
#include "ui/data/dataset_panel.h"
#include "ui/data/generate_panel.h"
#include "ui/landscape/landscape_panel.h"
#include "ui/network/architecture_panel.h"
#include "ui/network/forward_values.h"
#include "ui/network/network_command.h"
#include "ui/network/network_view.h"
#include "ui/network/neuron_inspector.h"
#include "ui/network/weight_command.h"
#include "ui/network/weight_editor.h"
#include "ui/network/weight_legend.h"
#include "ui/output/decision_map_panel.h"
#include "ui/output/decision_map_view.h"
#include "ui/output/output_section.h"
#include "ui/window/control_bar.h"
#include "ui/window/exporter.h"
#include "ui/window/preset_text.h"
#include "ui/window/session_controller.h"
#include "ui/window/status_line.h"

namespace nnlab {

namespace {

constexpr int kFrameIntervalMs = 16;         // 60 frames/s when frames are cheap
constexpr int kSlowestFrameIntervalMs = 33;  // never below 30 frames/s
constexpr double kFrameShareOfCore = 0.6;    // of the GUI thread's time, at most, for frames

QString graphHint(bool biases) {
  return biases ? MainWindow::tr(
                      "Neurons: their output for the selected row. Lines: weights, "
                      "blue +, orange −, thick = large. Squares: biases. Hover or "
                      "click for more.")
                : MainWindow::tr(
                      "Neurons: their output for the selected row. Lines: weights, "
                      "blue +, orange −, thick = large. Hover or click for more.");
}

/// What the line under the graph says while nothing is hovered.
QString idleGraphText(const NetworkView& graph, const TrainingSnapshot* shown) {
  // A crowded graph's note takes the place of the colour key (the legend below has it).
  const QString note = graph.crowdingNote();
  if (!note.isEmpty()) return note + MainWindow::tr(" Hover or click for more.");
  return graphHint(shown == nullptr || shown->network.spec().bias);
}

}  // namespace

QLabel* MainWindow::panelTitle(const QString& text, QWidget* parent) {
  auto* title = new QLabel(text, parent);
  QFont font = title->font();
  font.setBold(true);
  title->setFont(font);
  return title;
}

MainWindow::MainWindow(const Preset& experiment, QWidget* parent)
    : QMainWindow(parent),
      m_runner(std::make_unique<TrainingRunner>(experiment.makeNetwork(), experiment.init,
                                                experiment.seed, experiment.dataset,
                                                experiment.settings)),
      m_timer(new QTimer(this)) {
  setMinimumSize(1000, 650);
  setAcceptDrops(true);  // .nnlab, .csv and model .json files
  m_experimentName = QString::fromStdString(experiment.name);
  createWidgets();
  createBackprop();
  m_session = new SessionController(*this, *this);
  m_exporter = new Exporter({*m_runner, *m_session, [this] { return m_experimentName; }, *m_graph,
                             *m_legend, *m_chart, *m_data},
                            *this);
  createMenus();
  connectCommands();
  m_data->setDataset(experiment.dataset);
  m_runner->setInputScaling(experiment.scaling);
  m_runner->setMaxEpochs(experiment.stopAt);  // the seed's 1500 iterations
  m_controls->setSeed(experiment.seed);
  showGeneratorOf(experiment);
  m_runner->setSpeedLimit(m_controls->speedLimit());
  m_session->newExperiment();  // loading the table above was no edit
  restoreLayout();
  m_timer->setInterval(kFrameIntervalMs);
  connect(m_timer, &QTimer::timeout, this, &MainWindow::refresh);
  m_timer->start();
  refresh();
  m_graph->setFocus();  // not a spin box: Space, R and S must reach the window's shortcuts
}

MainWindow::~MainWindow() {
  // The docks hide as the window goes, and a dock's "shown" action must not reach into a window
  // half destroyed (the Lessons dock ends its lesson when hidden).
  for (QDockWidget* dock : findChildren<QDockWidget*>()) dock->toggleViewAction()->disconnect();
}

void MainWindow::createWidgets() {
  m_controls = new ControlBar(this);
  m_data = new DatasetPanel(this);
  m_generate = new GeneratePanel(this);
  auto* dataColumn = new QWidget(this);
  auto* dataLayout = new QVBoxLayout(dataColumn);
  dataLayout->setContentsMargins(4, 4, 4, 4);
  dataLayout->addWidget(panelTitle(tr("DATA"), dataColumn));
  dataLayout->addWidget(m_data, 1);
  dataLayout->addWidget(m_generate);

  m_columns = new QSplitter(Qt::Horizontal, this);
  m_columns->setChildrenCollapsible(false);
  m_columns->addWidget(dataColumn);
  m_columns->addWidget(createNetworkPanel());
  m_columns->addWidget(createLossPanel());
  m_columns->setStretchFactor(0, 3);
  m_columns->setStretchFactor(1, 5);
  m_columns->setStretchFactor(2, 3);

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(m_controls);
  layout->addWidget(m_columns, 1);
  setCentralWidget(central);
  m_statusLine = new StatusLine(this);
  statusBar()->addPermanentWidget(m_statusLine, 1);
  // The line covers the bar's own message area: it shows the messages itself.
  connect(statusBar(), &QStatusBar::messageChanged, m_statusLine, &StatusLine::showMessage);
  // A combo box is never narrower than its longest item: a layout short of room squeezes it
  // otherwise, and "uniform01" reads "uniforr". The columns scroll or give way instead.
  for (QComboBox* combo : findChildren<QComboBox*>())
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
}

QWidget* MainWindow::createNetworkPanel() {
  auto* panel = new QWidget(this);
  m_graph = new NetworkView(panel);
  // No tooltip on the graph itself: it would pop up over the very neurons one hovers. The
  // line under it explains the picture instead.
  m_legend = new WeightLegend(panel);
  m_info = new QLabel(panel);
  m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_info->setMinimumWidth(100);
  // Three lines, always: a long edge description (weight, gradient, sample) wraps instead of
  // being cut in a narrow panel, and the graph above does not jump when the text changes.
  m_info->setWordWrap(true);
  m_info->setFixedHeight(3 * m_info->fontMetrics().lineSpacing() + 4);
  m_info->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  m_info->setText(idleGraphText(*m_graph, nullptr));
  auto* fit = new QPushButton(tr("Fit"), panel);
  fit->setToolTip(tr("Scale the graph to fit the view (Ctrl+0; the mouse wheel zooms)."));
  connect(fit, &QPushButton::clicked, m_graph, &NetworkView::fitGraph);
  m_architecture = new ArchitecturePanel(panel);

  auto* header = new QHBoxLayout;
  header->addWidget(panelTitle(tr("NETWORK"), panel));
  header->addStretch();
  header->addWidget(fit);
  auto* footer = new QHBoxLayout;
  footer->addWidget(m_legend, 1);
  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(header);
  layout->addWidget(m_graph, 1);
  layout->addWidget(m_info);
  layout->addLayout(footer);
  layout->addWidget(m_architecture);
  connect(m_graph, &NetworkView::infoChanged, this, [this](const QString& text) {
    m_info->setToolTip(text);  // the whole text, should even three lines not hold it
    if (!text.isEmpty()) {
      m_info->setText(text);
      return;
    }
    m_info->setText(idleGraphText(*m_graph, m_shown.get()));
  });
  return panel;
}

void MainWindow::refresh() {
  // On a two-core machine the GUI thread competes with training: when frames get costly (a
  // big network), space them so that drawing takes at most about 60 % of one core (the
  // spiral's 2-16-16-1 at 1920 × 1080 then keeps 60 frames/s and training its full rate).
  const int interval = std::clamp(static_cast<int>(m_frames.lastMs() / kFrameShareOfCore),
                                  kFrameIntervalMs, kSlowestFrameIntervalMs);
  if (interval != m_timer->interval()) m_timer->setInterval(interval);
  std::shared_ptr<const TrainingSnapshot> snapshot = currentSnapshot();
  if (!snapshot || snapshot == m_shown) return;
  QElapsedTimer clock;
  clock.start();
  showSnapshot(snapshot);
  m_frames.addUpdate(static_cast<double>(clock.nsecsElapsed()) / 1e6);
}

bool MainWindow::event(QEvent* event) {
  // Widgets paint into the window's backing store when it handles UpdateRequest: timing it
  // gives the paint cost of a frame, which the snapshot → widget update above does not include.
  if (event->type() != QEvent::UpdateRequest) return QMainWindow::event(event);
  QElapsedTimer clock;
  clock.start();
  const bool handled = QMainWindow::event(event);
  m_frames.addPaint(static_cast<double>(clock.nsecsElapsed()) / 1e6);
  return handled;
}

void MainWindow::showSnapshot(const std::shared_ptr<const TrainingSnapshot>& snapshot) {
  // Epochs trained since the last frame with no new command in between: training changed the
  // weights, so there is something to save (again, after a save during the run) and to autosave.
  // (Not so when the timeline shows an earlier epoch: looking back changes nothing.)
  const bool live = m_timeline->isLive();
  if (m_shown && live && m_shownLive && snapshot->commandsApplied == m_shown->commandsApplied &&
      snapshot->epoch != m_shown->epoch)
    m_session->markModified();
  m_shown = snapshot;
  m_shownLive = live;
  m_chart->setCursorEpoch(m_timeline->epoch());
  // The controls steer what training does next: they show the present's settings even while
  // an earlier epoch (perhaps trained with other settings) is shown, and build on them.
  const std::shared_ptr<const TrainingSnapshot> present =
      live ? snapshot : m_runner->latestSnapshot();
  m_controls->showSnapshot(*present);
  m_data->showSnapshot(*snapshot);
  m_graph->showSnapshot(snapshot, m_sample);
  m_legend->setRange(m_graph->edgeRange());
  if (m_info->toolTip().isEmpty()) m_info->setText(idleGraphText(*m_graph, snapshot.get()));
  m_architecture->showSnapshot(*present);
  m_chart->showSnapshot(*snapshot);
  m_stops->showSnapshot(*snapshot);
  m_map->showSnapshot(*snapshot);
  // Without 2 inputs there is no map (1 input and 1 output: the curve view instead); without
  // either, its room goes to the loss chart and the neuron inspector.
  const bool output = m_map->mapShown() || m_map->curveShown();
  m_mapSection->setVisible(output);
  if (!output) m_output->setDetached(false);  // nothing to show for this data: its window goes
  m_statusLine->showSnapshot(*snapshot);
  if (m_landscape) {
    m_landscape->showSnapshot(snapshot);
    m_landscape->setCursorEpoch(snapshot->epoch);  // the timeline's epoch, or the present
  }
  if (m_inspector->neuron()) {
    const auto& dataset = snapshot->dataset;
    if (dataset && dataset->rows() > 0) {
      const int sample = std::min(m_sample, dataset->rows() - 1);
      ForwardValues values = ForwardValues::forSample(*snapshot, sample);
      values.addDeltas(*snapshot, sample);  // the backward side: one row, cheap
      m_inspector->showValues(*snapshot, values, sample);
    }
  }
  if (snapshot->message != m_shownMessage) {
    m_shownMessage = snapshot->message;
    if (!m_shownMessage.empty())
      statusBar()->showMessage(QString::fromStdString(m_shownMessage), 10000);
  }
}

void MainWindow::inspectNeuron(int column, int unit) {
  m_inspector->setNeuron(std::make_pair(column, unit), m_graph->neuronName(column, unit));
  m_graph->setInspectedNeuron(std::make_pair(column, unit));
  if (m_shown) showSnapshot(m_shown);
}

void MainWindow::editWeight(int layer, int from, int to, const QPoint& globalPosition) {
  const std::shared_ptr<const TrainingSnapshot> snapshot = m_runner->latestSnapshot();
  if (snapshot->state == RunState::Running) {
    statusBar()->showMessage(tr("Pause training (Space) to edit a weight."), 6000);
    return;
  }
  const QString title =
      tr("Weight %1 → %2")
          .arg(m_graph->neuronName(layer, from), m_graph->neuronName(layer + 1, to));
  const double old = snapshot->network.layer(layer).weights(from, to);
  auto* editor = new WeightEditor(title, old, this);
  connect(editor, &WeightEditor::accepted, this, [this, layer, from, to, old, title](double value) {
    // An undo step like any edit of the data (Ctrl+Z puts the weight back).
    m_data->undoStack()->push(new WeightCommand(*m_runner, layer, from, to, old, value,
                                                tr("Set %1 to %2").arg(title).arg(value)));
  });
  editor->popup(globalPosition);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!m_session->maybeSave()) {
    event->ignore();
    return;
  }
  m_timer->stop();
  m_runner->stop();
  m_session->cleanExit();
  saveLayout();
  event->accept();
}

}  // namespace nnlab
