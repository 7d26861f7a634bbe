#include "model_export_dialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <exception>

#include "main_window.h"
#include "session_controller.h"
#include "training_runner.h"

namespace nnlab {
namespace {

constexpr ExportFormat kFormats[] = {ExportFormat::Onnx, ExportFormat::Numpy, ExportFormat::C};

}  // namespace

QStringList ModelExportDialog::filters() {
  return {tr("ONNX models (*.onnx)"), tr("Python scripts with numpy (*.py)"),
          tr("C headers (*.h)")};
}

ExportFormat ModelExportDialog::formatOf(const QString& filter) {
  const QStringList all = filters();
  const auto index = all.indexOf(filter);
  return index < 0 ? ExportFormat::Onnx : kFormats[index];
}

bool ModelExportDialog::exportModel(MainWindow& window, const QString& path, ExportFormat format,
                                    QString* error) {
  try {
    // The weights, data and settings of one epoch boundary, together.
    const RunnerState state = window.runner().captureState().get();
    const ExportModel model =
        ExportModel::fromRunnerState(state, QFileInfo(path).completeBaseName().toStdString());
    writeExportFile(path.toStdString(), model, format);
    return true;
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
}

void ModelExportDialog::interactive(MainWindow& window) {
  const QString folder = QFileInfo(window.session()->currentPath()).absolutePath();
  QFileDialog dialog(&window, tr("Export model as"), folder);
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setNameFilters(filters());
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
  const ExportFormat format = formatOf(dialog.selectedNameFilter());
  QString path = dialog.selectedFiles().front();
  // A name without a suffix gets the format's (the filter decides the format either way).
  if (QFileInfo(path).suffix().isEmpty())
    path += QLatin1Char('.') +
            QString::fromUtf8(exportSuffix(format).data(), exportSuffix(format).size());
  QString error;
  if (exportModel(window, path, format, &error)) {
    window.statusBar()->showMessage(tr("Model exported to %1.").arg(path), 8000);
  } else {
    QMessageBox::warning(&window, tr("Export model as"), error);
  }
}

}  // namespace nnlab
