#include "ui/data/dataset_panel.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "core/training_runner.h"
#include "ui/data/dataset_commands.h"
#include "ui/data/dataset_model.h"
#include "ui/output/colour_scale.h"

namespace nnlab {

namespace {

constexpr int kMessageMilliseconds = 6000;
constexpr int kUndoLimit = 200;

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
