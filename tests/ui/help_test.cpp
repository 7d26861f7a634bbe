// Help built in: a tooltip on every control, each preset's description when it loads,
// Help ▸ Keyboard shortcuts and Help ▸ The article.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QHelpEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QStatusBar>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QToolTip>

#include "core/presets.h"
#include "ui/data/dataset_panel.h"
#include "ui/data/generate_panel.h"
#include "ui/window/control_bar.h"
#include "ui/window/help_dialogs.h"
#include "ui/window/main_window.h"
#include "ui/window/preset_text.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

/// The action `text` (without & and …) of the menu bar's menu `menu`.
QAction* menuAction(MainWindow& window, const QString& menu, const QString& text) {
  for (QAction* top : window.menuBar()->actions()) {
    if (!top->menu() || top->text().remove(QLatin1Char('&')) != menu) continue;
    for (QAction* action : top->menu()->actions())
      if (action->text().remove(QLatin1Char('&')) == text) return action;
  }
  return nullptr;
}

/// Where a widget is, for the failure message: its class, text and parents' names.
std::string describe(const QWidget* widget) {
  QString where = QString::fromLatin1(widget->metaObject()->className());
  if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
    where += QStringLiteral(" \"%1\"").arg(button->text());
  for (const QObject* up = widget; up; up = up->parent())
    if (!up->objectName().isEmpty()) where += QStringLiteral(" in ") + up->objectName();
  return where.toStdString();
}

/// The controls a user clicks or types into; a spin box's or combo box's own line edit is part
/// of its box, and the buttons of a button box or message box say what they do.
bool isControl(const QWidget* widget) {
  if (qobject_cast<const QAbstractSpinBox*>(widget->parentWidget()) ||
      qobject_cast<const QComboBox*>(widget->parentWidget()))
    return false;
  return qobject_cast<const QAbstractButton*>(widget) ||
         qobject_cast<const QAbstractSpinBox*>(widget) || qobject_cast<const QComboBox*>(widget) ||
         qobject_cast<const QSlider*>(widget) || qobject_cast<const QLineEdit*>(widget);
}

/// The tooltip a user sees on `widget`; empty when it only repeats its action's text (a tool
/// button takes its action's tooltip, which falls back to the text and then explains nothing).
QString tooltipOf(const QWidget* widget) {
  const QString tip = widget->toolTip();
  const auto* tool = qobject_cast<const QToolButton*>(widget);
  if (tool && tool->defaultAction()) {
    QString text = tool->defaultAction()->text();
    text.remove(QLatin1Char('&'));
    if (tip == text || tip == tool->defaultAction()->iconText()) return {};
  }
  return tip;
}

void expectEveryVisibleControlExplained(MainWindow& window) {
  int controls = 0;
  for (const QWidget* widget : window.findChildren<QWidget*>()) {
    if (!widget->isVisible() || !isControl(widget)) continue;
    ++controls;
    EXPECT_FALSE(tooltipOf(widget).isEmpty()) << "no tooltip: " << describe(widget);
  }
  EXPECT_GT(controls, 25);
}

TEST(Help, EveryVisibleControlHasATooltip) {
  MainWindow window(seedPreset());
  window.resize(1400, 900);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  expectEveryVisibleControlExplained(window);
  // The panels that open on demand: the Generate panel and the Backprop view.
  window.loadPreset(*findPreset("circle"));
  window.backpropAction()->trigger();
  QApplication::processEvents();
  ASSERT_TRUE(window.backpropDock()->isVisible());
  expectEveryVisibleControlExplained(window);
}

TEST(Help, ATooltipAppearsOverAControl) {
  MainWindow window(seedPreset());
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  QToolButton* train = nullptr;
  for (QToolButton* button : window.findChildren<QToolButton*>())
    if (button->defaultAction() == window.controls()->trainAction()) train = button;
  ASSERT_NE(train, nullptr);
  // What a pause of the mouse over the button sends it.
  const QPoint centre = train->rect().center();
  QHelpEvent hover(QEvent::ToolTip, centre, train->mapToGlobal(centre));
  QApplication::sendEvent(train, &hover);
  ASSERT_TRUE(QTest::qWaitFor([] { return QToolTip::isVisible(); }, 5000));
  EXPECT_EQ(QToolTip::text(), window.controls()->trainAction()->toolTip());
  EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("Space")));
  QToolTip::hideText();
}

MainWindow* g_window = nullptr;  // EXPECT_NONFATAL_FAILURE takes no local variables

TEST(Help, AControlWithoutATooltipIsNamed) {
  MainWindow window(seedPreset());
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  auto* unexplained = new QPushButton(QStringLiteral("Unexplained"), window.dataPanel());
  unexplained->show();
  g_window = &window;
  EXPECT_NONFATAL_FAILURE(expectEveryVisibleControlExplained(*g_window),
                          "no tooltip: QPushButton \"Unexplained\"");
  g_window = nullptr;
}

TEST(Help, APresetSaysWhatItShowsWhenItLoads) {
  MainWindow window(seedPreset());
  window.show();
  for (const char* name : {"spiral", "mp-xor", "seed"}) {
    const Preset preset = *findPreset(name);
    window.loadPreset(preset);
    EXPECT_EQ(window.statusBar()->currentMessage(), presetDescription(preset)) << name;
    EXPECT_NE(presetDescription(preset).toStdString(), preset.description) << name;
  }
}

TEST(Help, KeyboardShortcutsListsEveryActionShortcut) {
  MainWindow window(seedPreset());
  window.show();
  QAction* keys = menuAction(window, QStringLiteral("Help"), QStringLiteral("Keyboard shortcuts"));
  ASSERT_NE(keys, nullptr);
  keys->trigger();
  auto* dialog = window.findChild<QDialog*>(QStringLiteral("shortcutsDialog"));
  ASSERT_NE(dialog, nullptr);
  EXPECT_TRUE(dialog->isVisible());
  const QString shown = dialog->findChild<QTextBrowser*>()->toPlainText();
  int listed = 0;
  for (const QAction* action : window.findChildren<QAction*>())
    for (const QKeySequence& key : action->shortcuts()) {
      EXPECT_TRUE(shown.contains(key.toString(QKeySequence::NativeText)))
          << action->text().toStdString() << ": " << key.toString().toStdString();
      ++listed;
    }
  EXPECT_GT(listed, 12);
  for (const char* expected : {"Ctrl+B", "Ctrl+Z", "Space", "F5", "Ctrl+G"})
    EXPECT_TRUE(shown.contains(QLatin1String(expected))) << expected;
  dialog->close();
}

TEST(Help, TheArticleOpensTheSeedAndSaysWhereEachPartIs) {
  MainWindow window(*findPreset("spiral"));
  window.session()->setInteractive(false);
  window.show();
  QAction* article = menuAction(window, QStringLiteral("Help"), QStringLiteral("The article"));
  ASSERT_NE(article, nullptr);
  article->trigger();
  EXPECT_EQ(window.experimentName(), QStringLiteral("seed"));
  auto* dialog = window.findChild<QDialog*>(QStringLiteral("articleDialog"));
  ASSERT_NE(dialog, nullptr);
  const QString shown = dialog->findChild<QTextBrowser*>()->toPlainText();
  for (const char* part : {"M-P neuron", "Feedforward", "SSE", "反向反馈", "反向传播", "1500"})
    EXPECT_TRUE(shown.contains(QString::fromUtf8(part))) << part;
  dialog->close();
}

}  // namespace
}  // namespace nnlab
