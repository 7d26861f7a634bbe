// MainWindow: what the panels ask for, sent to the runner, each a change of the session.
#include <QSpinBox>
#include <QStatusBar>
#include <QUndoStack>
#include <algorithm>

#include "core/training_runner.h"
#include "ui/chart/stop_panel.h"
#include "ui/data/dataset_panel.h"
#include "ui/data/generate_panel.h"
#include "ui/network/architecture_panel.h"
#include "ui/network/network_command.h"
#include "ui/network/network_view.h"
#include "ui/output/decision_map_panel.h"
#include "ui/output/decision_map_view.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {

void MainWindow::connectCommands() {
  connectTrainingCommands();
  connectEditCommands();
}

void MainWindow::connectTrainingCommands() {
  TrainingRunner* runner = m_runner.get();
  SessionController* session = m_session;
  // Every command changes the session (training changes its weights): mark it for saving.
  ControlBar* controls = m_controls;
  connect(m_controls, &ControlBar::trainToggled, this, [runner, session, controls](bool on) {
    if (on) session->markModified();
    on ? runner->run() : runner->pause();
    controls->expectCommand(runner->postedCommands());
  });
  connect(m_controls, &ControlBar::stepRequested, this,
          [runner, session, controls](long long epochs) {
            session->markModified();
            runner->step(epochs);
            controls->expectCommand(runner->postedCommands());
          });
  connect(m_controls, &ControlBar::resetRequested, this, [runner, session](quint64 seed) {
    session->markModified();
    runner->reset(seed);
  });
  connect(m_controls, &ControlBar::learningRateChanged, this, [runner, session](double rate) {
    session->markModified();
    runner->setLearningRate(rate);
  });
  connect(m_controls, &ControlBar::speedLimitChanged, this, [runner, session](double limit) {
    session->markModified();
    runner->setSpeedLimit(limit);
  });
  StopPanel* stops = m_stops;
  connect(m_stops, &StopPanel::stopConditionsRequested, this,
          [runner, session, stops](const StopConditions& conditions) {
            session->markModified();
            runner->setStopConditions(conditions);
            stops->expectCommand(runner->postedCommands());
          });
  connect(m_stops, &StopPanel::revertRequested, this, [runner, session] {
    session->markModified();
    runner->revertToBest();
  });
  connect(m_stops, &StopPanel::refused, this,
          [this](const QString& why) { statusBar()->showMessage(why, 8000); });
}

void MainWindow::connectEditCommands() {
  TrainingRunner* runner = m_runner.get();
  SessionController* session = m_session;
  // A new architecture wipes the training: an undo step (Ctrl+Z brings the old network back
  // with its training), announced in the status bar.
  connect(m_architecture, &ArchitecturePanel::networkRequested, this,
          [this](const NetworkSpec& spec, Init init) {
            m_data->undoStack()->push(new NetworkCommand(
                *m_runner, *m_runner->latestSnapshot(), spec, init,
                static_cast<std::uint64_t>(m_controls->seedBox()->value()),
                [this](const QString& message) { statusBar()->showMessage(message, 10000); }));
          });
  connect(m_architecture, &ArchitecturePanel::settingsRequested, this,
          [runner, session](const TrainingSettings& settings) {
            session->markModified();
            runner->setSettings(settings);
          });
  connect(m_data, &DatasetPanel::datasetEdited, this,
          [runner](const Dataset& dataset) { runner->setDataset(dataset); });
  // Data edits and typed weights are undo steps: each one, undone or redone, is a change.
  connect(m_data->undoStack(), &QUndoStack::indexChanged, session,
          &SessionController::markModified);
  connect(m_data, &DatasetPanel::scalingRequested, this, [runner, session](ScalingKind kind) {
    session->markModified();
    runner->setInputScaling(kind);
  });
  connect(m_generate, &GeneratePanel::generateRequested, this, &MainWindow::generate);
  connect(m_generate, &GeneratePanel::splitRequested, m_data, &DatasetPanel::splitRows);
  const auto status = [this](const QString& message) { statusBar()->showMessage(message, 8000); };
  connect(m_generate, &GeneratePanel::statusMessage, this, status);
  connect(m_architecture, &ArchitecturePanel::statusMessage, this, status);
  connect(m_data, &DatasetPanel::selectedSampleChanged, this, [this](int row) {
    m_sample = std::max(0, row);
    if (m_shown) showSnapshot(m_shown);
  });
  connect(m_controls, &ControlBar::refused, this,
          [this](const QString& why) { statusBar()->showMessage(why, 8000); });
  connect(m_data, &DatasetPanel::statusMessage, this,
          [this](const QString& message) { statusBar()->showMessage(message, 8000); });
  connect(m_graph, &NetworkView::neuronClicked, this, &MainWindow::inspectNeuron);
  // Hovering a neuron shows its own map in the big view, until the mouse moves off it.
  connect(m_graph, &NetworkView::neuronHovered, this, [this](int column, int unit) {
    if (column < 1) {
      m_map->view()->setShownNeuron(std::nullopt);
      return;
    }
    m_map->view()->setShownNeuron(std::make_pair(column - 1, unit),
                                  m_graph->neuronName(column, unit));
  });
  connect(m_graph, &NetworkView::edgeDoubleClicked, this, &MainWindow::editWeight);
}

}  // namespace nnlab
