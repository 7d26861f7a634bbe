// Where the window and its splitters were: restored at start-up, saved when it closes.
#include <QSettings>
#include <QSplitter>

#include "ui/window/main_window.h"

namespace nnlab {

void MainWindow::restoreLayout() {
  const QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  if (!m_columns->restoreState(settings.value(QStringLiteral("window/columns")).toByteArray()))
    m_columns->setSizes({330, 430, 280});
  // At first the map gets what the column can give after the loss chart and the neuron's
  // first lines (the splitter keeps each part above its minimum).
  if (!m_rightColumn->restoreState(settings.value(QStringLiteral("window/right")).toByteArray()))
    m_rightColumn->setSizes({3000, 5000, 1000});
}

void MainWindow::saveLayout() const {
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/columns"), m_columns->saveState());
  settings.setValue(QStringLiteral("window/right"), m_rightColumn->saveState());
}

}  // namespace nnlab
