#include "ui/data/dataset_clipboard.h"

#include <QStringList>
#include <algorithm>

#include "ui/data/dataset_model.h"

namespace nnlab {

namespace {

DatasetClipboard::Block refusal(const QString& why) { return {Matrix(), why, QString()}; }

}  // namespace

DatasetClipboard::Block DatasetClipboard::parse(const QString& text, const DatasetModel& model,
                                                int row, int field) {
  QStringList lines = text.split(QLatin1Char('\n'));
  for (QString& line : lines) line.remove(QLatin1Char('\r'));
  while (!lines.isEmpty() && lines.back().trimmed().isEmpty()) lines.removeLast();
  if (lines.isEmpty()) return refusal(tr("Nothing pasted: the clipboard holds no numbers."));
  const QChar separator = text.contains(QLatin1Char('\t')) ? QLatin1Char('\t') : QLatin1Char(',');
  // A block copied from a spreadsheet often starts with its column names: a first line of
  // nothing but words, above lines of numbers, is a header, not data.
  QString note;
  const QStringList first = lines.front().split(separator);
  const bool header = lines.size() > 1 && std::none_of(first.begin(), first.end(), [](auto& cell) {
                        return DatasetModel::parseNumber(cell).has_value();
                      });
  if (header) {
    lines.removeFirst();
    note = tr("The first line (%1) was read as column names and left out; Ctrl+Z undoes the "
              "paste.")
               .arg(first.join(QStringLiteral(", ")).left(60));
  }
  const int columns = static_cast<int>(lines.front().split(separator).size());
  if (field + columns > model.fieldCount()) {
    return refusal(tr("Nothing pasted: %1 columns do not fit from %2 (%3 editable columns there).")
                       .arg(columns)
                       .arg(model.fieldName(field))
                       .arg(model.fieldCount() - field));
  }
  Matrix values(lines.size(), columns);
  for (int r = 0; r < lines.size(); ++r) {
    const QStringList cells = lines[r].split(separator);
    if (cells.size() != columns) {
      return refusal(tr("Nothing pasted: line %1 has %2 values, the first line has %3.")
                         .arg(r + 1)
                         .arg(cells.size())
                         .arg(columns));
    }
    for (int c = 0; c < columns; ++c) {
      const std::optional<double> value = DatasetModel::parseNumber(cells[c]);
      if (!value) {
        return refusal(tr("Nothing pasted: row %1, %2: “%3” is not a finite number.")
                           .arg(row + r + 1)
                           .arg(model.fieldName(field + c), cells[c].trimmed()));
      }
      values(r, c) = *value;
    }
  }
  return {values, QString(), note};
}

QString DatasetClipboard::text(const QModelIndexList& indexes) {
  if (indexes.isEmpty()) return {};
  const QAbstractItemModel* model = indexes.front().model();
  int top = indexes.front().row(), bottom = top;
  int left = indexes.front().column(), right = left;
  for (const QModelIndex& index : indexes) {
    top = std::min(top, index.row());
    bottom = std::max(bottom, index.row());
    left = std::min(left, index.column());
    right = std::max(right, index.column());
  }
  QStringList lines;
  for (int r = top; r <= bottom; ++r) {
    QStringList cells;
    for (int c = left; c <= right; ++c) cells << model->index(r, c).data(Qt::EditRole).toString();
    lines << cells.join(QLatin1Char('\t'));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace nnlab
