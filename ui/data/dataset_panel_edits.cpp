#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QTableView>
#include <QUndoStack>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "ui/data/dataset_clipboard.h"
#include "ui/data/dataset_commands.h"
#include "ui/data/dataset_model.h"
#include "ui/data/dataset_panel.h"

namespace nnlab {

// DatasetPanel: the edits of the table — rows, columns, the clipboard, the test split — each an
// undo command.

void DatasetPanel::addRow() {
  const QModelIndex current = m_view->currentIndex();
  const int row = current.isValid() ? current.row() + 1 : m_model->rowCount();
  m_undoStack->push(new InsertRowsCommand(m_model, row, Matrix::Zero(1, m_model->fieldCount()),
                                          tr("Add row %1").arg(row + 1)));
  // The new row is where the user's attention goes: selected, its first cell open for typing.
  const QModelIndex first = m_model->index(row, 0);
  m_view->setFocus();
  m_view->selectionModel()->setCurrentIndex(
      first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  m_view->scrollTo(first);
  m_view->edit(first);
}

bool DatasetPanel::appendSample(const Matrix& sample) {
  if (sample.rows() != 1 || sample.cols() != m_model->fieldCount()) {
    showMessage(tr("The point does not fit the table's %1 columns.").arg(m_model->fieldCount()));
    return false;
  }
  const int row = m_model->rowCount();
  const QString where = QStringLiteral("(%1, %2)")
                            .arg(sample(0, 0), 0, 'g', 3)
                            .arg(sample.cols() > 1 ? sample(0, 1) : 0.0, 0, 'g', 3);
  m_undoStack->push(new InsertRowsCommand(m_model, row, sample, tr("Add point %1").arg(where)));
  m_view->scrollTo(m_model->index(row, 0));
  return true;
}

bool DatasetPanel::removeRow(int row) {
  if (row < 0 || row >= m_model->rowCount()) return false;
  if (m_model->rowCount() <= 1) {
    showMessage(tr("Training needs at least one row: the last row stays."));
    return false;
  }
  m_undoStack->push(new RemoveRowsCommand(m_model, {row}, tr("Remove row %1").arg(row + 1)));
  return true;
}

void DatasetPanel::removeSelectedRows() {
  const std::vector<int> rows = selectedRows();
  if (rows.empty()) {
    showMessage(tr("Select the rows to remove first."));
    return;
  }
  if (static_cast<int>(rows.size()) >= m_model->rowCount()) {
    showMessage(tr("Training needs at least one row: the last row stays."));
    return;
  }
  const QString text = rows.size() == 1
                           ? tr("Remove row %1").arg(rows.front() + 1)
                           : tr("Remove %n row(s)", nullptr, static_cast<int>(rows.size()));
  m_undoStack->push(new RemoveRowsCommand(m_model, rows, text));
}

void DatasetPanel::addInputColumn() {
  const std::string name = m_model->unusedName(false);
  m_undoStack->push(new InsertColumnCommand(m_model, false, m_model->dataset().inputColumns(), name,
                                            Matrix::Zero(m_model->rowCount(), 1),
                                            tr("Add input %1").arg(QString::fromStdString(name))));
}

void DatasetPanel::removeInputColumn() {
  if (m_model->dataset().inputColumns() <= 1) {
    showMessage(tr("The network needs at least one input column: the last one stays."));
    return;
  }
  const int index = chosenColumn(false);
  m_undoStack->push(new RemoveColumnCommand(m_model, false, index,
                                            tr("Remove input %1").arg(m_model->fieldName(index))));
}

void DatasetPanel::addTargetColumn() {
  const std::string name = m_model->unusedName(true);
  m_undoStack->push(new InsertColumnCommand(m_model, true, m_model->dataset().targetColumns(), name,
                                            Matrix::Zero(m_model->rowCount(), 1),
                                            tr("Add target %1").arg(QString::fromStdString(name))));
}

void DatasetPanel::removeTargetColumn() {
  const Dataset& data = m_model->dataset();
  if (data.targetColumns() <= 1) {
    showMessage(tr("Training needs at least one target column: the last one stays."));
    return;
  }
  const int index = chosenColumn(true);
  const QString name = m_model->fieldName(data.inputColumns() + index);
  m_undoStack->push(
      new RemoveColumnCommand(m_model, true, index, tr("Remove target %1").arg(name)));
}

void DatasetPanel::paste() {
  const QModelIndex current = m_view->currentIndex();
  const int row = current.isValid() ? current.row() : 0;
  const int field = current.isValid() ? m_model->fieldOfColumn(current.column()) : 0;
  if (field < 0) {
    showMessage(tr("Nothing pasted: ŷ and y − ŷ are read-only; paste into an input or target."));
    return;
  }
  const DatasetClipboard::Block block =
      DatasetClipboard::parse(QApplication::clipboard()->text(), *m_model, row, field);
  if (!block.error.isEmpty()) {
    showMessage(block.error);
    return;
  }
  const auto rows = static_cast<int>(block.values.rows());
  const auto fields = static_cast<int>(block.values.cols());
  m_undoStack->push(new SetCellsCommand(m_model, row, field, block.values,
                                        tr("Paste %1 × %2").arg(rows).arg(fields)));
  const QModelIndex first = m_model->index(row, m_model->columnOfField(field));
  const QModelIndex last =
      m_model->index(row + rows - 1, m_model->columnOfField(field + fields - 1));
  m_view->selectionModel()->select(QItemSelection(first, last),
                                   QItemSelectionModel::ClearAndSelect);
  if (!block.note.isEmpty()) emit statusMessage(block.note);
}

void DatasetPanel::copy() {
  const QString text = DatasetClipboard::text(m_view->selectionModel()->selectedIndexes());
  if (!text.isEmpty()) QApplication::clipboard()->setText(text);
}

void DatasetPanel::replaceData(const Dataset& dataset, const QString& text) {
  m_undoStack->push(new ReplaceDatasetCommand(m_model, dataset, text));
}

void DatasetPanel::splitRows(double percent, quint64 seed) {
  Dataset split = m_model->dataset();
  splitTestRows(split, percent, seed);
  if (split.trainingRowCount() < 1) {
    showMessage(tr("Not split: every row would be a test row, and none left to train on."));
    return;
  }
  if (split.testRows == m_model->dataset().testRows) return;
  replaceData(split, percent > 0 ? tr("Split %1 % of the rows off for testing").arg(percent)
                                 : tr("Train on every row"));
  emit statusMessage(
      tr("%1 of %2 rows are test rows now.").arg(split.testRowCount()).arg(split.rows()));
}

}  // namespace nnlab
