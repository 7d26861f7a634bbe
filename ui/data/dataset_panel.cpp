#include "ui/data/dataset_panel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "core/atomic_file.h"
#include "core/csv_reader.h"
#include "core/training_runner.h"
#include "ui/common/error_box.h"
#include "ui/data/dataset_clipboard.h"
#include "ui/data/dataset_commands.h"
#include "ui/data/dataset_model.h"
#include "ui/output/colour_scale.h"

namespace nnlab {

namespace {

constexpr int kMessageMilliseconds = 6000;
constexpr int kUndoLimit = 200;

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

bool isRedo(const QKeyEvent* event) {
  const QKeyCombination key = event->keyCombination();
  return event->matches(QKeySequence::Redo) ||
         key == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z) ||
         key == QKeyCombination(Qt::ControlModifier, Qt::Key_Y);
}

}  // namespace

DatasetPanel::DatasetPanel(QWidget* parent)
    : QWidget(parent),
      m_model(new DatasetModel(this)),
      m_view(new QTableView(this)),
      m_undoStack(new QUndoStack(this)),
      m_message(new QLabel(this)),
      m_messageTimer(new QTimer(this)) {
  m_undoStack->setUndoLimit(kUndoLimit);
  m_model->setUndoStack(m_undoStack);
  m_view->setModel(m_model);
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
  // Columns are sized for their numbers: never turn one into "0.00…".
  m_view->setTextElideMode(Qt::ElideNone);
  // Columns fit their numbers (fitColumns); the last one takes any width left over.
  m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  m_view->horizontalHeader()->setStretchLastSection(true);
  m_view->horizontalHeader()->setMinimumSectionSize(36);
  m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
  m_view->installEventFilter(this);
  if (auto* corner = m_view->findChild<QAbstractButton*>())
    corner->setToolTip(tr("Select every cell (Ctrl+A)."));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_view, 1);
  layout->addWidget(makeMessageLine());
  layout->addWidget(makeButtons());
  layout->addLayout(makeScalingRow());

  connect(m_model, &DatasetModel::editRefused, this, &DatasetPanel::showMessage);
  connect(m_undoStack, &QUndoStack::indexChanged, this, [this] {
    // An edit that went through answers the refusal before it: the banner goes.
    m_messageTimer->stop();
    m_message->clear();
    m_message->hide();
    // The stack also holds other edits (a weight typed in the graph): announce only changes
    // of the data.
    if (m_loading || sameData(m_model->dataset(), m_announced)) return;
    m_announced = m_model->dataset();
    emit datasetEdited(m_announced);
  });
  connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
          &DatasetPanel::updateSelectedSample);
  for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
    connect(m_model, signal, this, &DatasetPanel::updateSelectedSample);
  }
  connect(m_model, &QAbstractItemModel::modelReset, this, &DatasetPanel::updateSelectedSample);
  connect(m_model, &QAbstractItemModel::modelReset, this, &DatasetPanel::fitColumns);
  for (auto signal : {&QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved,
                      &QAbstractItemModel::rowsInserted})
    connect(m_model, signal, this, &DatasetPanel::fitColumns);
  // Every edit of the data is an undo step; predictions, which change every frame within
  // their fixed width, are not.
  connect(m_undoStack, &QUndoStack::indexChanged, this, &DatasetPanel::fitColumns);
}

DatasetPanel::~DatasetPanel() {
  // The children outlive this part of the object: their last signals (an open editor's commit,
  // the undo stack clearing itself) must not reach slots of a panel that is no more.
  m_view->selectionModel()->disconnect(this);
  m_model->disconnect(this);
  m_undoStack->disconnect(this);
}

QLabel* DatasetPanel::makeMessageLine() {
  // Refusals show here, in the scale's warning orange, as well as in the status bar: the eye is
  // on the table when an edit is refused.
  m_message->setWordWrap(true);
  m_message->setStyleSheet(QStringLiteral("QLabel { background: %1; color: black; "
                                          "padding: 2px 4px; border-radius: 3px; }")
                               .arg(negativeColour().name()));
  m_message->hide();
  m_messageTimer->setSingleShot(true);
  connect(m_messageTimer, &QTimer::timeout, m_message, [this] {
    m_message->clear();
    m_message->hide();
  });
  return m_message;
}

QAction* DatasetPanel::makeAction(const QString& text, const QString& toolTip,
                                  void (DatasetPanel::*slot)()) {
  auto* action = new QAction(text, this);
  action->setToolTip(toolTip);
  connect(action, &QAction::triggered, this, slot);
  return action;
}

QWidget* DatasetPanel::makeButtons() {
  m_importAction = makeAction(tr("Import CSV…"),
                              tr("Replace the data with a CSV file: a header row of names, then "
                                 "numbers; the last column(s) are the targets."),
                              &DatasetPanel::interactiveImport);
  m_exportAction = makeAction(tr("Export CSV…"), tr("Save the inputs and targets as a CSV file."),
                              &DatasetPanel::interactiveExport);
  // The File menu shows the full names; the buttons, short ones (their tooltips say CSV).
  m_importAction->setIconText(tr("Import…"));
  m_exportAction->setIconText(tr("Export…"));
  const QList<QAction*> actions = {
      makeAction(tr("+ Row"),
                 tr("Add a sample (all zeros) below the current row, and start typing its first "
                    "value."),
                 &DatasetPanel::addRow),
      makeAction(tr("− Row"), tr("Remove the selected rows."), &DatasetPanel::removeSelectedRows),
      makeAction(tr("+ Input"), tr("Add an input column (a feature the network reads)."),
                 &DatasetPanel::addInputColumn),
      makeAction(tr("− Input"), tr("Remove the current input column, or the last one."),
                 &DatasetPanel::removeInputColumn),
      makeAction(tr("+ Target"), tr("Add a target column (another output to learn)."),
                 &DatasetPanel::addTargetColumn),
      makeAction(tr("− Target"), tr("Remove the current target column, or the last one."),
                 &DatasetPanel::removeTargetColumn),
      m_importAction,
      m_exportAction};
  // Two rows of four: fits the panel's narrowest width (about 330 px) without hiding any.
  auto* buttons = new QWidget(this);
  auto* grid = new QGridLayout(buttons);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(2);
  for (int i = 0; i < actions.size(); ++i) {
    auto* button = new QToolButton(buttons);
    button->setDefaultAction(actions[i]);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    grid->addWidget(button, i / 4, i % 4);
  }
  return buttons;
}

QHBoxLayout* DatasetPanel::makeScalingRow() {
  m_scaling = new QComboBox(this);
  for (ScalingKind kind : {ScalingKind::None, ScalingKind::MinMax, ScalingKind::ZScore}) {
    const std::string_view name = scalingName(kind);
    m_scaling->addItem(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())),
                       static_cast<int>(kind));
  }
  m_scaling->setToolTip(
      tr("<p>How the inputs are rescaled before the network reads them, fitted on the "
         "training rows: none; minmax to [0, 1]; zscore to mean 0 and standard deviation 1. "
         "The table keeps showing the values as they are. Columns of very different ranges "
         "learn far better scaled.</p>"));
  auto* label = new QLabel(tr("Scale inputs"), this);
  label->setBuddy(m_scaling);
  label->setToolTip(m_scaling->toolTip());
  auto* row = new QHBoxLayout;
  row->addWidget(label);
  row->addWidget(m_scaling);
  row->addStretch();
  connect(m_scaling, &QComboBox::activated, this, [this] {
    emit scalingRequested(static_cast<ScalingKind>(m_scaling->currentData().toInt()));
  });
  return row;
}

void DatasetPanel::setDataset(const Dataset& dataset) {
  const int selected = m_selectedRow;
  m_loading = true;
  m_model->setDataset(dataset);
  m_undoStack->clear();
  m_announced = m_model->dataset();
  m_loading = false;
  // The old selection means nothing in the new data: say so, or the graph would go on
  // showing a row that may no longer exist.
  m_selectedRow = -1;
  if (selected != -1) emit selectedSampleChanged(-1);
}

void DatasetPanel::fitColumns() {
  constexpr int kRowsMeasured = 200;  // enough to find the widest; cheap on big tables
  // Predictions and errors change every frame without a refit: leave room for the widest
  // text four significant digits give ("-0.0008888", "-8.888e-05"), so none is ever cut.
  const QFontMetrics metrics = m_view->fontMetrics();
  int widestPrediction = 0;
  for (const char* text : {"-0.0008888", "-8.888e-05", "-8.888e+05"})
    widestPrediction = std::max(widestPrediction, metrics.horizontalAdvance(QLatin1String(text)));
  const int padding = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 8;
  QHeaderView* header = m_view->horizontalHeader();
  const int rows = std::min(m_model->rowCount(), kRowsMeasured);
  for (int column = 0; column < m_model->columnCount(); ++column) {
    int width = header->sectionSizeHint(column);
    if (m_model->fieldOfColumn(column) < 0) {
      width = std::max(width, widestPrediction + padding);
    } else {
      for (int row = 0; row < rows; ++row) {
        const QString text = m_model->index(row, column).data().toString();
        width = std::max(width, metrics.horizontalAdvance(text) + padding);
      }
    }
    m_view->setColumnWidth(column, width);
  }
}

const Dataset& DatasetPanel::dataset() const { return m_model->dataset(); }

void DatasetPanel::showSnapshot(const TrainingSnapshot& snapshot) {
  if (!m_scaling->view()->isVisible()) {
    const QSignalBlocker blocker(m_scaling);
    m_scaling->setCurrentIndex(m_scaling->findData(static_cast<int>(snapshot.scaling.kind())));
  }
  const Dataset& current = m_model->dataset();
  if (snapshot.dataset && (snapshot.dataset->rows() != current.rows() ||
                           snapshot.dataset->inputColumns() != current.inputColumns() ||
                           snapshot.dataset->targetColumns() != current.targetColumns())) {
    return;
  }
  m_model->setPredictions(snapshot.predictions);
}

QString DatasetPanel::message() const { return m_message->text(); }

void DatasetPanel::showMessage(const QString& message) {
  m_message->setText(message);
  m_message->show();
  m_messageTimer->start(kMessageMilliseconds);
  emit statusMessage(message);
}

void DatasetPanel::updateSelectedSample() {
  const QModelIndex current = m_view->currentIndex();
  const int row = current.isValid() ? current.row() : -1;
  if (row == m_selectedRow || m_loading) {
    m_selectedRow = row;
    return;
  }
  m_selectedRow = row;
  emit selectedSampleChanged(row);
}

std::vector<int> DatasetPanel::selectedRows() const {
  std::set<int> rows;
  for (const QModelIndex& index : m_view->selectionModel()->selectedIndexes()) {
    rows.insert(index.row());
  }
  if (rows.empty() && m_view->currentIndex().isValid()) rows.insert(m_view->currentIndex().row());
  return {rows.begin(), rows.end()};
}

int DatasetPanel::chosenColumn(bool target) const {
  const Dataset& data = m_model->dataset();
  const int field = m_model->fieldOfColumn(m_view->currentIndex().column());
  const int inputs = data.inputColumns();
  if (!target && field >= 0 && field < inputs) return field;
  if (target && field >= inputs) return field - inputs;
  return target ? data.targetColumns() - 1 : inputs - 1;
}

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

bool DatasetPanel::eventFilter(QObject* watched, QEvent* event) {
  const bool override = event->type() == QEvent::ShortcutOverride;
  if (watched != m_view || (!override && event->type() != QEvent::KeyPress)) {
    return QWidget::eventFilter(watched, event);
  }
  auto* key = static_cast<QKeyEvent*>(event);
  const bool ours = key->matches(QKeySequence::Undo) || isRedo(key) ||
                    key->matches(QKeySequence::Paste) || key->matches(QKeySequence::Copy);
  if (!ours) return QWidget::eventFilter(watched, event);
  // Claim the key from any window-wide shortcut while the table has focus, so that undo and
  // paste act on the table, then handle it as an ordinary key press.
  if (override) {
    event->accept();
    return true;
  }
  return handleKey(key);
}

bool DatasetPanel::handleKey(QKeyEvent* event) {
  if (event->matches(QKeySequence::Undo)) {
    m_undoStack->undo();
  } else if (isRedo(event)) {
    m_undoStack->redo();
  } else if (event->matches(QKeySequence::Paste)) {
    paste();
  } else {
    copy();
  }
  return true;
}

}  // namespace nnlab
