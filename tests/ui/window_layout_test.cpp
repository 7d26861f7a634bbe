// The window at a small laptop's size (1024×700, also the offscreen default) and at full HD:
// every control shows its whole text (no "uniforr" combo, no clipped label or button), nothing
// runs off the window, and whatever needs more room scrolls (the data table, the layer row).
// Each case saves a screenshot when NNLAB_LAYOUT_SHOTS names a folder, for docs/.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/data/dataset_panel.h"
#include "ui/data/generate_panel.h"
#include "ui/output/decision_map_panel.h"
#include "ui/output/decision_map_view.h"
#include "ui/output/output_section.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

// gtest names the sizes in its messages.
inline void PrintTo(const QSize& size, std::ostream* out) {
  *out << size.width() << "×" << size.height();
}

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

QString describe(const QWidget* widget) {
  QString text;
  if (auto* label = qobject_cast<const QLabel*>(widget)) text = label->text();
  if (auto* button = qobject_cast<const QAbstractButton*>(widget)) text = button->text();
  if (auto* combo = qobject_cast<const QComboBox*>(widget)) text = combo->currentText();
  return QStringLiteral("%1 \"%2\" %3×%4")
      .arg(QString::fromLatin1(widget->metaObject()->className()), text)
      .arg(widget->width())
      .arg(widget->height());
}

/// Whether a scroll area between `widget` and the window holds it (it may be cut, and scroll).
bool inScrollArea(const QWidget* widget) {
  for (const QWidget* parent = widget->parentWidget(); parent; parent = parent->parentWidget())
    if (qobject_cast<const QAbstractScrollArea*>(parent)) return true;
  return false;
}

/// The width a combo box needs to show `text` whole.
int comboWidthFor(const QComboBox* combo, const QString& text) {
  QStyleOptionComboBox option;
  option.initFrom(combo);
  option.editable = combo->isEditable();
  option.frame = combo->hasFrame();
  option.currentText = text;
  // As QComboBox measures its items for its own size hint.
  const QSize contents(combo->fontMetrics().boundingRect(text).width(),
                       combo->fontMetrics().height());
  return combo->style()->sizeFromContents(QStyle::CT_ComboBox, &option, contents, combo).width();
}

/// Everything on screen that shows less than its whole text, or lies outside the window.
QStringList layoutProblems(MainWindow& window) {
  QStringList problems;
  const QRect inside = window.rect();
  for (QWidget* widget : window.findChildren<QWidget*>()) {
    if (!widget->isVisible() || widget->window() != &window) continue;
    if (qobject_cast<QMenuBar*>(widget->parentWidget())) continue;  // Qt's own overflow arrow
    const QRect onWindow(widget->mapTo(&window, QPoint(0, 0)), widget->size());
    if (!inScrollArea(widget) && !inside.contains(onWindow))
      problems << QStringLiteral("off the window: ") + describe(widget);
    if (auto* combo = qobject_cast<QComboBox*>(widget)) {
      for (int i = 0; i < combo->count(); ++i)
        if (combo->width() < comboWidthFor(combo, combo->itemText(i)))
          problems << QStringLiteral("combo too narrow for \"%1\" (%2 px): ")
                              .arg(combo->itemText(i))
                              .arg(comboWidthFor(combo, combo->itemText(i))) +
                          describe(widget);
    } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
      if (!button->text().isEmpty() && button->width() < button->minimumSizeHint().width())
        problems << QStringLiteral("button cut: ") + describe(widget);
    } else if (auto* label = qobject_cast<QLabel*>(widget)) {
      const QString text = label->text();
      const bool plain = label->textFormat() == Qt::PlainText ||
                         (label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(text));
      if (!plain || label->wordWrap() || text.isEmpty() || label->pixmap().isNull() == false)
        continue;
      int widest = 0;
      for (const QString& line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
      if (label->contentsRect().width() + 1 < widest)
        problems << QStringLiteral("label cut: ") + describe(widget);
    } else if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget)) {
      const QLineEdit* edit = spin->findChild<QLineEdit*>();
      if (edit && edit->fontMetrics().horizontalAdvance(spin->text()) > edit->width())
        problems << QStringLiteral("number cut: ") + describe(widget) + QLatin1Char(' ') +
                        spin->text();
    }
  }
  // The table's columns: on screen, or reachable by scrolling sideways.
  QTableView* table = window.dataPanel()->view();
  const int columns = table->model()->columnCount();
  const int right = table->horizontalHeader()->sectionViewportPosition(columns - 1) +
                    table->horizontalHeader()->sectionSize(columns - 1);
  if (right > table->viewport()->width() && table->horizontalScrollBar()->maximum() == 0)
    problems << QStringLiteral("table columns cut off and no way to scroll to them");
  return problems;
}

std::unique_ptr<MainWindow> openAt(const std::string& preset, const QSize& size) {
  // The first layout, not one a window of an earlier test left in the settings.
  QSettings().remove(QStringLiteral("window"));
  auto window = std::make_unique<MainWindow>(*findPreset(preset));
  window->session()->setInteractive(false);
  window->resize(size);
  window->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
  window->runner().step(300);
  EXPECT_TRUE(QTest::qWaitFor(
      [&] {
        const auto shown = window->shownSnapshot();
        return shown && shown->epoch == 300 && shown->state == RunState::Paused;
      },
      kTimeoutMs));
  QTest::qWait(100);  // the layout settles after the first frames
  return window;
}

void saveShot(MainWindow& window, const QString& name) {
  const QString folder = qEnvironmentVariable("NNLAB_LAYOUT_SHOTS");
  if (!folder.isEmpty()) window.grab().save(QDir(folder).filePath(name));
}

class WindowLayout : public ::testing::TestWithParam<QSize> {};

TEST_P(WindowLayout, EveryTextShowsWholeAndNothingRunsOff) {
  const QSize size = GetParam();
  for (const std::string preset : {"seed", "spiral", "blobs3"}) {
    auto window = openAt(preset, size);
    EXPECT_EQ(window->size(), size) << preset << ": the window's minimum does not fit the screen";
    window->generatePanel()->setExpanded(true);
    QTest::qWait(50);
    const QStringList problems = layoutProblems(*window);
    EXPECT_TRUE(problems.isEmpty())
        << preset << " at " << size.width() << "×" << size.height() << ":\n"
        << problems.join(QLatin1Char('\n')).toStdString();
    saveShot(*window, QStringLiteral("window-%1-%2x%3.png")
                          .arg(QString::fromStdString(preset))
                          .arg(size.width())
                          .arg(size.height()));
  }
}

INSTANTIATE_TEST_SUITE_P(SmallAndLarge, WindowLayout,
                         ::testing::Values(QSize(1024, 700), QSize(1920, 1080)),
                         [](const ::testing::TestParamInfo<QSize>& info) {
                           return QStringLiteral("W%1x%2")
                               .arg(info.param.width())
                               .arg(info.param.height())
                               .toStdString();
                         });

// The OUTPUT map at 1024×700 gets the room its column can give after the loss chart's and the
// neuron's minimums (it was a 125 px thumbnail); the splitters give it more, and Detach all.
TEST(OutputMap, TakesTheRoomItsColumnCanGiveAtTheSmallSize) {
  auto window = openAt("spiral", QSize(1024, 700));
  DecisionMapView* map = window->decisionMap()->view();
  const double side = map->plotArea().width();
  EXPECT_GE(side, 155.0) << "the map is " << side << " px";
}

// Detach moves the map into a window of its own, which can be as large as one likes; closing
// that window puts the map back into its section.
TEST(OutputMap, DetachesIntoItsOwnWindowAndComesBackWhenThatCloses) {
  auto window = openAt("spiral", QSize(1024, 700));
  OutputSection* section = window->outputSection();
  DecisionMapPanel* panel = window->decisionMap();
  QTest::mouseClick(section->detachButton(), Qt::LeftButton);
  ASSERT_TRUE(section->isDetached());
  QWidget* own = section->detachedWindow();
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(panel->window(), own);
  own->resize(900, 900);
  ASSERT_TRUE(QTest::qWaitForWindowExposed(own));
  QTest::qWait(50);
  EXPECT_GE(panel->view()->plotArea().width(), 600.0);
  own->close();
  ASSERT_TRUE(QTest::qWaitFor([&] { return !section->isDetached(); }, kTimeoutMs));
  EXPECT_EQ(panel->window(), window.get());
  EXPECT_FALSE(section->detachButton()->isChecked());
}

}  // namespace
}  // namespace nnlab
