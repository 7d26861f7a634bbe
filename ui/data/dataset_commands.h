#pragma once

#include <QUndoCommand>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "core/types.h"

// The edits a user can make to the data table, one undo command per action. They are small
// and only make sense together, so they share a file (as in Qt's undo framework example).

namespace nnlab {

class DatasetModel;

/// Writes a block of values with its top-left cell at (row, field); rows past the end are
/// appended first. One cell edit and one paste are each one of these.
class SetCellsCommand : public QUndoCommand {
 public:
  SetCellsCommand(DatasetModel* model, int row, int field, Matrix values, const QString& text);
  void redo() override;
  void undo() override;

 private:
  DatasetModel* m_model;
  int m_row;
  int m_field;
  Matrix m_values;  ///< what the block becomes
  Matrix m_old;     ///< what the rows that existed held
  int m_appended;   ///< rows added to make room
};

/// Inserts samples (count × fields, in field order) before `row`.
class InsertRowsCommand : public QUndoCommand {
 public:
  InsertRowsCommand(DatasetModel* model, int row, Matrix samples, const QString& text);
  void redo() override;
  void undo() override;

 private:
  DatasetModel* m_model;
  int m_row;
  Matrix m_samples;
};

/// Removes any set of rows; undo puts each back where it was.
class RemoveRowsCommand : public QUndoCommand {
 public:
  RemoveRowsCommand(DatasetModel* model, std::vector<int> rows, const QString& text);
  void redo() override;
  void undo() override;

 private:
  DatasetModel* m_model;
  std::vector<std::pair<int, Matrix>> m_ranges;  ///< first row and its samples, ascending
  std::vector<std::vector<char>> m_testFlags;    ///< per range, its rows' test flags
};

/// Adds an input or target column at `index` among its kind.
class InsertColumnCommand : public QUndoCommand {
 public:
  InsertColumnCommand(DatasetModel* model, bool target, int index, std::string name, Matrix values,
                      const QString& text);
  void redo() override;
  void undo() override;

 private:
  DatasetModel* m_model;
  bool m_target;
  int m_index;
  std::string m_name;
  Matrix m_values;  ///< rows × 1
};

/// Removes the input or target column at `index` among its kind.
class RemoveColumnCommand : public QUndoCommand {
 public:
  RemoveColumnCommand(DatasetModel* model, bool target, int index, const QString& text);
  void redo() override;
  void undo() override;

 private:
  DatasetModel* m_model;
  bool m_target;
  int m_index;
  std::string m_name;
  Matrix m_values;
};

/// Swaps in a whole new dataset (an import).
class ReplaceDatasetCommand : public QUndoCommand {
 public:
  ReplaceDatasetCommand(DatasetModel* model, Dataset dataset, const QString& text);
  void redo() override;
  void undo() override;

 private:
  DatasetModel* m_model;
  Dataset m_new;
  Dataset m_old;
};

}  // namespace nnlab
