#include "ui/window/model_export_dialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QSettings>
#include <QStatusBar>
#include <exception>

#include "core/training_runner.h"
#include "ui/common/error_box.h"
#include "ui/window/exporter.h"

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

bool ModelExportDialog::exportModel(TrainingRunner& runner, const QString& path,
                                    ExportFormat format, QString* error) {
  try {
    // The weights, data and settings of one epoch boundary, together.
    const RunnerState state = runner.captureState(0).get();  // no timeline
    const ExportModel model =
        ExportModel::fromRunnerState(state, QFileInfo(path).completeBaseName().toStdString());
    writeExportFile(path.toStdString(), model, format);
    return true;
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
}

void ModelExportDialog::interactive(TrainingRunner& runner, const Exporter& exporter,
                                    QMainWindow& window) {
  // In the folder of the last export, proposing "seed-model" as the other exports do.
  const QString title = tr("Export model as");
  QFileDialog dialog(&window, title, exporter.exportFolder());
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setNameFilters(filters());
  dialog.selectFile(
      QFileInfo(exporter.suggestedFileName(QStringLiteral("model"), QStringLiteral("onnx")))
          .completeBaseName());
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
  const ExportFormat format = formatOf(dialog.selectedNameFilter());
  QString path = dialog.selectedFiles().front();
  // A name without a suffix gets the format's (the filter decides the format either way).
  if (QFileInfo(path).suffix().isEmpty())
    path += QLatin1Char('.') +
            QString::fromUtf8(exportSuffix(format).data(), exportSuffix(format).size());
  QSettings().setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
  QString error;
  if (!exportModel(runner, path, format, &error)) {
    showError(&window, tr("Export failed"),
              tr("%1: %2 was not written.").arg(title, QFileInfo(path).fileName()), error);
    return;
  }
  window.statusBar()->showMessage(tr("Exported %1.").arg(QFileInfo(path).fileName()), 5000);
}

}  // namespace nnlab
