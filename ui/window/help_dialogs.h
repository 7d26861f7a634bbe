#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QDialog;
class QWidget;

namespace nnlab {

/// Every shortcut of the actions under `window` (menus, toolbars, panels): the action's text
/// without its & mnemonic, and its keys as the platform writes them; sorted by text, each once.
QList<QPair<QString, QString>> shortcutList(const QWidget& window);
/// Help ▸ Keyboard shortcuts: a dialog listing shortcutList(window); it deletes itself on close.
QDialog* showShortcuts(QWidget& window);
/// Help ▸ The article: where each part of the article is in the window, a few paragraphs (the
/// caller opens the seed experiment). Deletes itself on close.
QDialog* showArticleGuide(QWidget& window);

}  // namespace nnlab
