#include "ui/data/dataset_model.h"

#include <QColor>
#include <QLocale>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/backprop/answer_format.h"
#include "ui/data/dataset_commands.h"
#include "ui/output/colour_scale.h"

namespace nnlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string defaultName(bool target, int index, int count) {
  if (target && count == 1) return "y";
  return std::string(target ? "y" : "X").append(std::to_string(index + 1));
}

void fillMissingNames(std::vector<std::string>& names, bool target, int count) {
  names.resize(count);
  for (int i = 0; i < count; ++i) {
    if (names[i].empty()) names[i] = defaultName(target, i, count);
  }
}

/// Text that reads back to exactly `value` (what the editor shows).
QString fullPrecision(double value) {
  return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

}  // namespace

DatasetModel::DatasetModel(QObject* parent) : QAbstractTableModel(parent) {}

int DatasetModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : m_dataset.rows();
}

int DatasetModel::columnCount(const QModelIndex& parent) const {
  if (parent.isValid()) return 0;
  return m_dataset.inputColumns() + kColumnsPerTarget * m_dataset.targetColumns();
}

DatasetModel::ColumnKind DatasetModel::columnKind(int column) const {
  const int inputs = m_dataset.inputColumns();
  if (column < inputs) return ColumnKind::Input;
  switch ((column - inputs) % kColumnsPerTarget) {
    case 0:
      return ColumnKind::Target;
    case 1:
      return ColumnKind::Prediction;
    default:
      return ColumnKind::Error;
  }
}

int DatasetModel::fieldOfColumn(int column) const {
  const int inputs = m_dataset.inputColumns();
  if (column < 0 || column >= columnCount()) return -1;
  if (column < inputs) return column;
  const int offset = column - inputs;
  return offset % kColumnsPerTarget == 0 ? inputs + offset / kColumnsPerTarget : -1;
}

int DatasetModel::columnOfField(int field) const {
  const int inputs = m_dataset.inputColumns();
  return field < inputs ? field : inputs + kColumnsPerTarget * (field - inputs);
}

QString DatasetModel::fieldName(int field) const {
  const int inputs = m_dataset.inputColumns();
  const auto& name =
      field < inputs ? m_dataset.inputNames[field] : m_dataset.targetNames[field - inputs];
  return QString::fromStdString(name);
}

std::string DatasetModel::unusedName(bool target) const {
  const auto& names = target ? m_dataset.targetNames : m_dataset.inputNames;
  for (int i = static_cast<int>(names.size()) + 1;; ++i) {
    std::string name = std::string(target ? "y" : "X").append(std::to_string(i));
    if (std::find(names.begin(), names.end(), name) == names.end()) return name;
  }
}

std::optional<double> DatasetModel::parseNumber(const QString& text) {
  QLocale c = QLocale::c();
  c.setNumberOptions(QLocale::RejectGroupSeparator);
  bool ok = false;
  const double value = c.toDouble(text.trimmed(), &ok);
  if (!ok || !std::isfinite(value)) return std::nullopt;
  return value;
}

QVariant DatasetModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
  const int row = index.row();
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole:
      return displayData(row, column);
    case Qt::EditRole: {
      const int field = fieldOfColumn(column);
      return field < 0 ? displayData(row, column) : QVariant(fullPrecision(value(row, field)));
    }
    case Qt::ToolTipRole:
      return toolTipData(row, column);
    case Qt::BackgroundRole:
      return backgroundData(row, column);
    case Qt::ForegroundRole:
      return foregroundData(row, column);
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
      return {};
  }
}

QVariant DatasetModel::displayData(int row, int column) const {
  const int target = (column - m_dataset.inputColumns()) / kColumnsPerTarget;
  switch (columnKind(column)) {
    case ColumnKind::Input:
    case ColumnKind::Target:
      return QString::number(value(row, fieldOfColumn(column)), 'g',
                             4);  // all of it: edit or tooltip
    case ColumnKind::Prediction:
      return answerText(prediction(row, target), target);
    case ColumnKind::Error:
      return answerText(error(row, target), target);
  }
  return {};
}

QVariant DatasetModel::toolTipData(int row, int column) const {
  const int target = (column - m_dataset.inputColumns()) / kColumnsPerTarget;
  switch (columnKind(column)) {
    case ColumnKind::Input:
    case ColumnKind::Target:
      return fullPrecision(value(row, fieldOfColumn(column)));
    case ColumnKind::Prediction:
      return std::isnan(prediction(row, target))
                 ? tr("No prediction yet: it appears once training has seen this row.")
                 : fullPrecision(prediction(row, target));
    case ColumnKind::Error:
      return std::isnan(error(row, target)) ? QVariant()
                                            : QVariant(fullPrecision(error(row, target)));
  }
  return {};
}

QVariant DatasetModel::backgroundData(int row, int column) const {
  if (columnKind(column) != ColumnKind::Error) return {};
  const int target = (column - m_dataset.inputColumns()) / kColumnsPerTarget;
  const double e = error(row, target);
  if (std::isnan(e)) return {};
  return divergingColour(e, m_errorRanges[target]);
}

QVariant DatasetModel::foregroundData(int row, int column) const {
  const QVariant background = backgroundData(row, column);
  if (!background.isValid()) return {};
  // The tint runs from light grey to saturated colours: keep the digits readable on both, and
  // in the dark palette too, where the default text is light.
  return QColor(background.value<QColor>().lightnessF() > 0.55 ? Qt::black : Qt::white);
}

QVariant DatasetModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical) {
    // Test rows read "12 test": held out from training, they measure how well it generalises.
    const bool test = m_dataset.isTestRow(section);
    if (role == Qt::DisplayRole)
      return test ? tr("%1 test").arg(section + 1) : QString::number(section + 1);
    if (role == Qt::ToolTipRole)
      return test ? tr("Sample %1: a test row, never trained on; the test loss and accuracy are "
                       "measured on such rows.")
                        .arg(section + 1)
                  : tr("Sample %1: a training row.").arg(section + 1);
    if (role == Qt::ForegroundRole && test) return QColor(negativeColour()).darker(130);
    return {};
  }
  if (section < 0 || section >= columnCount()) return {};
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  const bool tip = role == Qt::ToolTipRole;
  const int inputs = m_dataset.inputColumns();
  const int target = (section - inputs) / kColumnsPerTarget;
  const QString y = section < inputs ? QString() : fieldName(inputs + target);
  const bool single = m_dataset.targetColumns() == 1;
  switch (columnKind(section)) {
    case ColumnKind::Input:
      return tip ? tr("Input %1: a feature the network reads. Type or double-click to edit.")
                       .arg(fieldName(section))
                 : fieldName(section);
    case ColumnKind::Target:
      return tip ? tr("Target %1: the answer the network should learn. Editable.").arg(y) : y;
    case ColumnKind::Prediction:
      if (tip) return tr("ŷ: the network's prediction of %1 for this row, live.").arg(y);
      return single ? tr("ŷ") : tr("ŷ %1").arg(y);
    case ColumnKind::Error:
      if (tip)
        return tr("Error %1 − ŷ, as the article writes it (SSE = Σ(y − ŷ)²): blue where the "
                  "prediction is too low, orange where it is too high.")
            .arg(y);
      return tr("%1 − ŷ").arg(y);
  }
  return {};
}

Qt::ItemFlags DatasetModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  const Qt::ItemFlags base = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
  return fieldOfColumn(index.column()) >= 0 ? base | Qt::ItemIsEditable : base;
}

bool DatasetModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !index.isValid()) return false;
  const int field = fieldOfColumn(index.column());
  if (field < 0 || index.row() >= rowCount()) return false;
  const QString text = value.toString();
  const std::optional<double> number = parseNumber(text);
  const double old = this->value(index.row(), field);
  if (!number) {
    emit editRefused(tr("Row %1, %2: “%3” is not a finite number; kept %4.")
                         .arg(index.row() + 1)
                         .arg(fieldName(field), text, fullPrecision(old)));
    return false;
  }
  if (*number == old) return true;
  Matrix cell(1, 1);
  cell(0, 0) = *number;
  if (m_undoStack == nullptr) {
    setBlock(index.row(), field, cell);
  } else {
    const QString what = tr("Edit %1 in row %2").arg(fieldName(field)).arg(index.row() + 1);
    m_undoStack->push(new SetCellsCommand(this, index.row(), field, cell, what));
  }
  return true;
}

void DatasetModel::setDataset(const Dataset& dataset) {
  beginResetModel();
  m_dataset = dataset;
  fillMissingNames(m_dataset.inputNames, false, m_dataset.inputColumns());
  fillMissingNames(m_dataset.targetNames, true, m_dataset.targetColumns());
  m_predictions.resize(0, 0);
  updateErrorRanges();
  endResetModel();
}

bool DatasetModel::setPredictions(const Matrix& predictions) {
  if (predictions.rows() != m_dataset.rows() || predictions.cols() != m_dataset.targetColumns())
    return false;
  m_predictions = predictions;
  updatePredictionDecimals();
  if (rowCount() == 0) return true;
  // Only the ŷ and error columns change. A range that took in a target column too would make
  // the view reset an editor open on it, every frame, throwing away what is being typed.
  for (int t = 0; t < m_dataset.targetColumns(); ++t) {
    const int first = m_dataset.inputColumns() + kColumnsPerTarget * t + 1;
    emit dataChanged(index(0, first), index(rowCount() - 1, first + kColumnsPerTarget - 2),
                     {Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole, Qt::ForegroundRole});
  }
  return true;
}

QString DatasetModel::answerText(double value, int target) const {
  const bool known = target < static_cast<int>(m_answerDecimals.size());
  return formatAnswer(value, known ? m_answerDecimals[target] : -1);
}

void DatasetModel::updatePredictionDecimals() {
  m_answerDecimals = answerDecimals(m_predictions, m_dataset.targets);
}

double DatasetModel::prediction(int row, int target) const {
  return hasPredictions() ? m_predictions(row, target) : kNaN;
}

double DatasetModel::error(int row, int target) const {
  return m_dataset.targets(row, target) - prediction(row, target);  // y − ŷ, as the article
}

double DatasetModel::value(int row, int field) const {
  const int inputs = m_dataset.inputColumns();
  return field < inputs ? m_dataset.inputs(row, field) : m_dataset.targets(row, field - inputs);
}

Matrix DatasetModel::block(int row, int field, int rows, int fields) const {
  Matrix out(rows, fields);
  for (int r = 0; r < rows; ++r) {
    for (int f = 0; f < fields; ++f) out(r, f) = value(row + r, field + f);
  }
  return out;
}

void DatasetModel::setBlock(int row, int field, const Matrix& values) {
  const int inputs = m_dataset.inputColumns();
  for (int r = 0; r < values.rows(); ++r) {
    for (int f = 0; f < values.cols(); ++f) {
      const int at = field + static_cast<int>(f);
      double& cell =
          at < inputs ? m_dataset.inputs(row + r, at) : m_dataset.targets(row + r, at - inputs);
      cell = values(r, f);
    }
  }
  const std::vector<double> oldRanges = m_errorRanges;
  updateErrorRanges();
  if (oldRanges != m_errorRanges) {
    emitRowsChanged(0, rowCount() - 1);
  } else {
    emitRowsChanged(row, row + static_cast<int>(values.rows()) - 1);
  }
}

void DatasetModel::updateErrorRanges() {
  updatePredictionDecimals();
  // The tint saturates at an error as large as the target's spread (1 for 0/1 targets).
  m_errorRanges.assign(m_dataset.targetColumns(), 1.0);
  if (m_dataset.rows() == 0) return;
  for (int t = 0; t < m_dataset.targetColumns(); ++t) {
    const double spread = m_dataset.targets.col(t).maxCoeff() - m_dataset.targets.col(t).minCoeff();
    if (spread > 0) m_errorRanges[t] = spread;
  }
}

void DatasetModel::emitRowsChanged(int firstRow, int lastRow) {
  if (firstRow > lastRow || columnCount() == 0) return;
  emit dataChanged(index(firstRow, 0), index(lastRow, columnCount() - 1));
}

}  // namespace nnlab
