#include <algorithm>
#include <limits>

#include "ui/data/dataset_model.h"

namespace nnlab {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Matrix withRowsInserted(const Matrix& m, int at, const Matrix& rows) {
  Matrix out(m.rows() + rows.rows(), m.cols());
  out.topRows(at) = m.topRows(at);
  out.middleRows(at, rows.rows()) = rows;
  out.bottomRows(m.rows() - at) = m.bottomRows(m.rows() - at);
  return out;
}

Matrix withRowsRemoved(const Matrix& m, int at, int count) {
  Matrix out(m.rows() - count, m.cols());
  out.topRows(at) = m.topRows(at);
  out.bottomRows(m.rows() - at - count) = m.bottomRows(m.rows() - at - count);
  return out;
}

Matrix withColumnInserted(const Matrix& m, int at, const Matrix& column) {
  return withRowsInserted(m.transpose(), at, column.transpose()).transpose();
}

Matrix withColumnRemoved(const Matrix& m, int at) {
  return withRowsRemoved(m.transpose(), at, 1).transpose();
}

}  // namespace

// DatasetModel: rows and columns inserted and removed (the undo commands call these).

Matrix DatasetModel::samples(int row, int count) const {
  return block(row, 0, count, fieldCount());
}

void DatasetModel::insertSamples(int row, const Matrix& samples,
                                 const std::vector<char>& testFlags) {
  const int inputs = m_dataset.inputColumns();
  const int count = static_cast<int>(samples.rows());
  beginInsertRows({}, row, row + count - 1);
  m_dataset.inputs = withRowsInserted(m_dataset.inputs, row, samples.leftCols(inputs));
  m_dataset.targets =
      withRowsInserted(m_dataset.targets, row, samples.rightCols(samples.cols() - inputs));
  // Test flags move with their rows; without any (no split) there is nothing to keep.
  const bool anyTest = std::find(testFlags.begin(), testFlags.end(), 1) != testFlags.end();
  if (!m_dataset.testRows.empty() || anyTest) {
    m_dataset.testRows.resize(static_cast<std::size_t>(m_dataset.rows() - count), 0);
    std::vector<char> flags(static_cast<std::size_t>(count), 0);
    std::copy_n(testFlags.begin(), std::min<std::size_t>(testFlags.size(), flags.size()),
                flags.begin());
    m_dataset.testRows.insert(m_dataset.testRows.begin() + row, flags.begin(), flags.end());
  }
  if (hasPredictions()) {
    m_predictions =
        withRowsInserted(m_predictions, row, Matrix::Constant(count, m_predictions.cols(), kNaN));
  }
  updateErrorRanges();
  endInsertRows();
  emitRowsChanged(0, rowCount() - 1);
}

void DatasetModel::removeSamples(int row, int count) {
  beginRemoveRows({}, row, row + count - 1);
  m_dataset.inputs = withRowsRemoved(m_dataset.inputs, row, count);
  m_dataset.targets = withRowsRemoved(m_dataset.targets, row, count);
  if (!m_dataset.testRows.empty()) {
    m_dataset.testRows.resize(static_cast<std::size_t>(m_dataset.rows() + count), 0);
    m_dataset.testRows.erase(m_dataset.testRows.begin() + row,
                             m_dataset.testRows.begin() + row + count);
  }
  if (hasPredictions()) m_predictions = withRowsRemoved(m_predictions, row, count);
  updateErrorRanges();
  endRemoveRows();
  emitRowsChanged(0, rowCount() - 1);
}

std::vector<char> DatasetModel::testFlags(int row, int count) const {
  std::vector<char> flags(static_cast<std::size_t>(count), 0);
  for (int i = 0; i < count; ++i) flags[static_cast<std::size_t>(i)] = m_dataset.isTestRow(row + i);
  return flags;
}

Matrix DatasetModel::fieldValues(bool target, int index) const {
  return target ? Matrix(m_dataset.targets.col(index)) : Matrix(m_dataset.inputs.col(index));
}

void DatasetModel::insertField(bool target, int index, const std::string& name,
                               const Matrix& values) {
  const int first = target ? columnOfField(m_dataset.inputColumns() + index) : index;
  const int last = target ? first + kColumnsPerTarget - 1 : first;
  beginInsertColumns({}, first, last);
  Matrix& matrix = target ? m_dataset.targets : m_dataset.inputs;
  auto& names = target ? m_dataset.targetNames : m_dataset.inputNames;
  matrix = withColumnInserted(matrix, index, values);
  names.insert(names.begin() + index, name);
  if (target && hasPredictions()) {
    m_predictions = withColumnInserted(m_predictions, index, Matrix::Constant(rowCount(), 1, kNaN));
  }
  updateErrorRanges();
  endInsertColumns();
  emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void DatasetModel::removeField(bool target, int index) {
  const int first = target ? columnOfField(m_dataset.inputColumns() + index) : index;
  const int last = target ? first + kColumnsPerTarget - 1 : first;
  beginRemoveColumns({}, first, last);
  Matrix& matrix = target ? m_dataset.targets : m_dataset.inputs;
  auto& names = target ? m_dataset.targetNames : m_dataset.inputNames;
  matrix = withColumnRemoved(matrix, index);
  names.erase(names.begin() + index);
  if (target && hasPredictions()) m_predictions = withColumnRemoved(m_predictions, index);
  updateErrorRanges();
  endRemoveColumns();
  emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

}  // namespace nnlab
