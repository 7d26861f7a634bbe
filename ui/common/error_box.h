#pragma once

#include <QString>

class QWidget;

namespace nnlab {

/// Shows a modal warning for something that failed: the window title names it ("Export
/// failed — nnlab") and so does the first line of the text, since some window managers draw
/// dialogs without a title bar; the reason follows, with the file it concerns.
void showError(QWidget* parent, const QString& title, const QString& what, const QString& why);

}  // namespace nnlab
