#include "ui/common/error_box.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace nnlab {

void showError(QWidget* parent, const QString& title, const QString& what, const QString& why) {
  QMessageBox box(QMessageBox::Warning,
                  QCoreApplication::translate("nnlab", "%1 — nnlab").arg(title), what,
                  QMessageBox::Ok, parent);
  box.setInformativeText(why);
  box.exec();
}

}  // namespace nnlab
