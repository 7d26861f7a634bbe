// The window and its session: what a session file keeps of the window, how an opened one is
// shown, model files, and files dropped on the window.
#include <QCheckBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QThread>
#include <QUrl>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "core/export/model_export.h"
#include "core/model_json.h"
#include "core/session.h"
#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/common/error_box.h"
#include "ui/data/dataset_model.h"
#include "ui/data/dataset_panel.h"
#include "ui/data/generate_panel.h"
#include "ui/network/network_view.h"
#include "ui/network/neuron_inspector.h"
#include "ui/output/decision_map_panel.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {

Session MainWindow::captureSession() const {
  Session session;
  // At the next epoch boundary: about a millisecond, but as long as one epoch on huge data (a
  // million rows: ~0.2 s), which the window waits for.
  session.training = m_runner->captureState(kSessionTimelineBytes).get();
  // Training keeps the data it had when it refused the table's (every row a test row, say):
  // saving that would silently lose what the user typed, so nothing is saved.
  if (!sameData(session.training.dataset, m_data->dataset())) {
    const std::string why = m_runner->latestSnapshot()->message;
    throw std::runtime_error(
        tr("The data in the table is not the data training uses: %1 Undo the last edit of the "
           "table or correct it, then save again.")
            .arg(why.empty() ? tr("training has refused it.") : QString::fromStdString(why))
            .toStdString());
  }
  if (m_generated) {
    session.generator = m_generated->first;
    session.generatorSettings = m_generated->second;
  }
  session.view.logScale = m_logScale->isChecked();
  session.view.logX = m_logX->isChecked();
  session.view.smoothing = m_smoothing->value() / 100.0;
  session.view.discretize = m_map->discretizeBox()->isChecked();
  const QModelIndex current = m_data->view()->currentIndex();
  session.view.selectedRow = current.isValid() ? current.row() : -1;
  session.view.inspectedNeuron = m_inspector->neuron();
  session.view.stepCount = m_controls->stepCount()->value();
  return session;
}

void MainWindow::applySession(const Session& session) {
  const RunnerState& state = session.training;
  m_data->setDataset(state.dataset);  // a new document: the old undo history goes
  m_runner->restore(state);
  m_controls->setSeed(state.seed);
  m_controls->showSpeedLimit(state.speedLimit);
  m_controls->stepCount()->setValue(session.view.stepCount);
  m_logScale->setChecked(session.view.logScale);
  m_logX->setChecked(session.view.logX);
  m_chart->keepLogXChoice();
  m_smoothing->setValue(static_cast<int>(std::lround(session.view.smoothing * 100.0)));
  m_map->discretizeBox()->setChecked(session.view.discretize);
  if (session.generator) {
    m_generated = std::make_pair(*session.generator, session.generatorSettings);
    m_generate->showGenerator(*session.generator, session.generatorSettings);
  } else {
    m_generated.reset();
    m_generate->setExpanded(false);
  }
  // Show the restored session at once, not the old one for a frame: the runner answers a
  // restore at its next epoch boundary, within about a millisecond (an epoch, on huge data).
  const std::uint64_t restoreCommand = m_runner->postedCommands();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (m_runner->latestSnapshot()->commandsApplied < restoreCommand &&
         std::chrono::steady_clock::now() < deadline)
    QThread::msleep(1);
  refresh();
  const int row = session.view.selectedRow;
  if (row >= 0 && row < m_data->dataset().rows())
    m_data->view()->setCurrentIndex(m_data->model()->index(row, 0));
  if (session.view.inspectedNeuron) {
    const auto [column, unit] = *session.view.inspectedNeuron;
    if (column < m_graph->layerColumns() && unit < m_graph->unitsIn(column))
      inspectNeuron(column, unit);
  }
}

bool MainWindow::loadModelFile(const QString& path, QString* error) {
  ModelFile model;
  try {
    model = readAnyModelFile(path.toStdString());  // nnlab JSON, or ONNX
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
  // A model file holds no data: it goes on the data there is, if it fits.
  const Dataset& data = m_data->dataset();
  if (model.network.inputs() != data.inputColumns() ||
      model.network.outputs() != data.targetColumns()) {
    *error = tr("%1: the model has %2 inputs and %3 outputs, but the data has %4 input and %5 "
                "target columns. Open or make data of that shape first.")
                 .arg(path)
                 .arg(model.network.inputs())
                 .arg(model.network.outputs())
                 .arg(data.inputColumns())
                 .arg(data.targetColumns());
    return false;
  }
  if (const auto problem =
          Trainer::incompatibility(model.network, data, m_runner->latestSnapshot()->settings)) {
    *error = tr("%1: %2").arg(path, QString::fromStdString(*problem));
    return false;
  }
  // The scaling as stored, not refitted to this data: the window then predicts exactly what
  // `nnlab-cli predict` does with the same file.
  m_runner->setModel(std::move(model.network), std::move(model.scaling));
  return true;
}

namespace {

/// The local file a drag brings, if nnlab opens it.
QString droppedFile(const QMimeData* mime) {
  if (!mime || !mime->hasUrls() || mime->urls().size() != 1) return {};
  const QUrl url = mime->urls().front();
  if (!url.isLocalFile()) return {};
  const QString path = url.toLocalFile();
  const QString suffix = QFileInfo(path).suffix().toLower();
  return suffix == QLatin1String("nnlab") || suffix == QLatin1String("csv") ||
                 suffix == QLatin1String("json") || suffix == QLatin1String("onnx")
             ? path
             : QString();
}

}  // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!droppedFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QString path = droppedFile(event->mimeData());
  if (path.isEmpty()) return;
  event->acceptProposedAction();
  if (!m_session->maybeSave()) return;
  QString error;
  if (!m_session->open(path, &error))
    showError(this, tr("Open failed"), tr("%1 was not opened.").arg(QFileInfo(path).fileName()),
              error);
}

}  // namespace nnlab
