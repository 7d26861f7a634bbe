#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/types.h"

class QUndoStack;

namespace nnlab {

/// The dataset and the network's answers as one table. Columns: every input, then for each
/// target its value y, the prediction ŷ and the error y − ŷ (the article's sign). Inputs and
/// targets are editable; predictions and errors follow the latest matching snapshot.
///
/// Edits are addressed by *field*: 0 … inputs−1 are the inputs, then the targets, in the
/// dataset's order. Edits made through the view (setData) become undo commands when an undo
/// stack is set; the primitive edits below are what those commands call.
class DatasetModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum class ColumnKind { Input, Target, Prediction, Error };

  explicit DatasetModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  /// Accepts a finite number (C locale) for an input or target cell; anything else is refused
  /// with editRefused() and the old value stays.
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

  const Dataset& dataset() const { return m_dataset; }
  /// Replaces everything and forgets the predictions.
  void setDataset(const Dataset& dataset);
  /// Where setData sends its edits as commands; nullptr edits directly.
  void setUndoStack(QUndoStack* stack) { m_undoStack = stack; }
  /// Takes predictions (rows × targets) when their shape matches the table; returns whether.
  bool setPredictions(const Matrix& predictions);
  /// Whether the prediction columns hold values.
  bool hasPredictions() const { return m_predictions.size() > 0; }

  ColumnKind columnKind(int column) const;
  /// The field shown in `column`, or −1 for prediction and error columns.
  int fieldOfColumn(int column) const;
  int columnOfField(int field) const;
  int fieldCount() const { return m_dataset.inputColumns() + m_dataset.targetColumns(); }
  QString fieldName(int field) const;
  /// A name no input (or target) column has yet: X4, y2, …
  std::string unusedName(bool target) const;

  /// Reads a cell as the table accepts it: C locale, finite; nullopt otherwise.
  static std::optional<double> parseNumber(const QString& text);

  // Primitive edits, for the undo commands. Each emits the matching model signals.
  double value(int row, int field) const;
  /// rows × fields block whose top-left cell is (row, field).
  Matrix block(int row, int field, int rows, int fields) const;
  void setBlock(int row, int field, const Matrix& values);
  /// count × fieldCount() values, in field order.
  Matrix samples(int row, int count) const;
  /// The test flags of `count` rows from `row` (see Dataset::testRows).
  std::vector<char> testFlags(int row, int count) const;
  /// Inserts samples before `row`, as training rows unless `testFlags` (one per sample) says.
  void insertSamples(int row, const Matrix& samples, const std::vector<char>& testFlags = {});
  void removeSamples(int row, int count);
  /// Column `index` among the inputs (or the targets).
  Matrix fieldValues(bool target, int index) const;
  void insertField(bool target, int index, const std::string& name, const Matrix& values);
  void removeField(bool target, int index);

 signals:
  /// An edit was refused; the message says which cell and why.
  void editRefused(const QString& message);

 private:
  static constexpr int kColumnsPerTarget = 3;  // y, ŷ, y − ŷ

  QVariant displayData(int row, int column) const;
  QVariant toolTipData(int row, int column) const;
  QVariant backgroundData(int row, int column) const;
  QVariant foregroundData(int row, int column) const;
  QString answerText(double value, int target) const;
  void updatePredictionDecimals();
  double prediction(int row, int target) const;
  double error(int row, int target) const;
  void updateErrorRanges();
  void emitRowsChanged(int firstRow, int lastRow);

  Dataset m_dataset;
  Matrix m_predictions;               ///< rows × targets, or empty; NaN for rows not yet seen
  std::vector<int> m_answerDecimals;  ///< per target: decimals of ŷ and y − ŷ; −1 for 'g'
  std::vector<double> m_errorRanges;  ///< per target: the error that saturates the tint
  QUndoStack* m_undoStack = nullptr;
};

}  // namespace nnlab
