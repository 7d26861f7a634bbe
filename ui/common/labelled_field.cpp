#include "ui/common/labelled_field.h"

#include <QGridLayout>
#include <QLabel>

namespace nnlab {

void addLabelledField(QGridLayout& grid, const QString& label, QWidget* field, int row, int column,
                      int span) {
  auto* name = new QLabel(label, field->parentWidget());
  name->setBuddy(field);
  name->setToolTip(field->toolTip());
  grid.addWidget(name, row, column, Qt::AlignRight);
  grid.addWidget(field, row, column + 1, 1, span);
}

}  // namespace nnlab
