#pragma once

#include <QCoreApplication>
#include <QModelIndexList>
#include <QString>

#include "core/types.h"

namespace nnlab {

class DatasetModel;

/// Spreadsheet text ↔ table cells: what Ctrl+C puts on the clipboard and what Ctrl+V reads.
class DatasetClipboard {
  Q_DECLARE_TR_FUNCTIONS(DatasetClipboard)

 public:
  /// A block of values to paste, or why it is refused.
  struct Block {
    Matrix values;  ///< rows × fields
    QString error;  ///< empty when the block can be pasted
    QString note;   ///< what was left out (a header line), for the status bar
  };

  /// Reads rows of tab-separated (or, without tabs, comma-separated) numbers to paste with
  /// their top-left cell at (row, field). Every value is checked before any is used: the first
  /// bad one refuses the whole block, naming its row, its column and its text. A first line of
  /// words only, above numbers, is taken for column names and left out.
  static Block parse(const QString& text, const DatasetModel& model, int row, int field);
  /// The bounding box of `indexes` as tab-separated lines, each value in full precision.
  static QString text(const QModelIndexList& indexes);
};

}  // namespace nnlab
