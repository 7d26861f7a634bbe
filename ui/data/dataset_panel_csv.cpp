#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QRegularExpression>
#include <QUndoStack>
#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "core/csv_reader.h"
#include "ui/common/error_box.h"
#include "ui/data/dataset_commands.h"
#include "ui/data/dataset_model.h"
#include "ui/data/dataset_panel.h"

namespace nnlab {
namespace {

/// How many trailing header names read as targets (y, y2, target, …); 0 when none does.
int targetsFromHeader(const std::vector<std::string>& header) {
  static const QRegularExpression targetName(QStringLiteral("^(y\\d*|target.*|label.*)$"),
                                             QRegularExpression::CaseInsensitiveOption);
  int count = 0;
  for (auto it = header.rbegin(); it != header.rend(); ++it, ++count) {
    if (!targetName.match(QString::fromStdString(*it).trimmed()).hasMatch()) break;
  }
  return std::min(count, static_cast<int>(header.size()) - 1);
}

}  // namespace

// DatasetPanel: CSV files in and out (File ▸ Import data / Export data).

bool DatasetPanel::importCsv(const QString& path, int targets) {
  QString error;
  if (readCsvInto(path, targets, &error)) return true;
  showMessage(error);
  return false;
}

bool DatasetPanel::exportCsv(const QString& path) {
  QString error;
  if (writeCsvTo(path, &error)) return true;
  showMessage(error);
  return false;
}

bool DatasetPanel::readCsvInto(const QString& path, int targets, QString* error) {
  const std::string fileName = QFileInfo(path).fileName().toStdString();
  try {
    CsvTable table = readCsvTable(path.toStdString());
    if (targets <= 0) targets = std::max(1, targetsFromHeader(table.header));
    Dataset imported = datasetFromTable(std::move(table), fileName, targets);
    m_undoStack->push(new ReplaceDatasetCommand(
        m_model, std::move(imported), tr("Import %1").arg(QString::fromStdString(fileName))));
    return true;
  } catch (const std::exception& problem) {
    *error = tr("Import failed: %1").arg(QString::fromStdString(problem.what()));
    return false;
  }
}

bool DatasetPanel::writeCsvTo(const QString& path, QString* error) {
  try {
    writeFileAtomically(path.toStdString(), writeCsv(m_model->dataset()));
    emit statusMessage(tr("Exported %n row(s) to %1.", nullptr, m_model->rowCount())
                           .arg(QFileInfo(path).fileName()));
    return true;
  } catch (const std::exception& problem) {
    *error = tr("Export failed: %1").arg(QString::fromStdString(problem.what()));
    return false;
  }
}

void DatasetPanel::interactiveImport() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Import CSV"), QString(),
                                                    tr("CSV files (*.csv);;All files (*)"));
  if (path.isEmpty()) return;
  int targets = 0;
  try {
    const CsvTable table = readCsvTable(path.toStdString());
    const int columns = static_cast<int>(table.header.size());
    if (targetsFromHeader(table.header) == 0 && columns > 2) {
      bool ok = false;
      targets = QInputDialog::getInt(
          this, tr("Import CSV"),
          tr("How many of the %1 columns are targets (the last ones)?").arg(columns), 1, 1,
          columns - 1, 1, &ok);
      if (!ok) return;
    }
  } catch (const std::exception&) {
    // importCsv reads the file again and reports the problem.
  }
  // Asked for in a dialog, answered in one: not also in the banner and the status bar.
  QString error;
  if (!readCsvInto(path, targets, &error))
    showError(this, tr("Import failed"), tr("The data of %1 was not imported.").arg(path), error);
}

void DatasetPanel::interactiveExport() {
  QFileDialog dialog(this, tr("Export CSV"), QString(), tr("CSV files (*.csv);;All files (*)"));
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setDefaultSuffix(QStringLiteral("csv"));  // "data" is saved as "data.csv"
  if (m_exportName) dialog.selectFile(m_exportName());
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
  const QString path = dialog.selectedFiles().front();
  QString error;
  if (!writeCsvTo(path, &error))
    showError(this, tr("Export failed"), tr("The data was not exported to %1.").arg(path), error);
}

}  // namespace nnlab
