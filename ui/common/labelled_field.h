#pragma once

#include <QString>

class QGridLayout;
class QWidget;

namespace nnlab {

/// Puts `field` in `grid` at (row, column + 1) with a right-aligned label before it, whose
/// mnemonic focuses the field and whose tooltip is the field's: the panels' forms all read so.
/// The field spans `span` columns.
void addLabelledField(QGridLayout& grid, const QString& label, QWidget* field, int row, int column,
                      int span = 1);

}  // namespace nnlab
