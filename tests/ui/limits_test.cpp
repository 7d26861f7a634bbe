// Where a number box has limits, it says so: the range and its reason in the tooltip, and a
// message when a typed number is beyond them (above: taken as the most; below: not taken).
// A plain spin box dropped the keystroke that went too far, so "5000" units read "50".
#include <gtest/gtest.h>

#include <QAbstractSpinBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QTest>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/chart/stop_panel.h"
#include "ui/data/generate_panel.h"
#include "ui/network/architecture_panel.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"
#include "ui/window/status_line.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

class Limits : public ::testing::Test {
 protected:
  void SetUp() override {
    m_window = std::make_unique<MainWindow>(*findPreset("circle"));
    m_window->session()->setInteractive(false);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->shownSnapshot() != nullptr; }));
  }
  static void type(QAbstractSpinBox* box, const QString& text) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
    QApplication::processEvents();
  }
  QString message() const { return m_window->statusLine()->messageLabel()->text(); }

  std::unique_ptr<MainWindow> m_window;
};

TEST_F(Limits, FiveThousandUnitsBecomeTheMostAndSaySo) {
  QSpinBox* units = m_window->architecture()->unitBoxes().front();
  ASSERT_EQ(units->maximum(), 64);
  type(units, QStringLiteral("5000"));
  // The new architecture rebuilds the layer row: ask the box that shows it now.
  EXPECT_EQ(m_window->architecture()->unitBoxes().front()->value(), 64);
  const QString text = message();
  EXPECT_TRUE(text.contains(QStringLiteral("5000")) && text.contains(QStringLiteral("64")) &&
              text.contains(QStringLiteral("point at")))
      << text.toStdString();
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return m_window->runner().latestSnapshot()->network.layer(0).units() == 64; },
      kTimeoutMs));
}

TEST_F(Limits, ZeroUnitsAreRefusedWithAMessage) {
  QSpinBox* units = m_window->architecture()->unitBoxes().front();
  const int before = units->value();
  type(units, QStringLiteral("0"));
  EXPECT_EQ(units->value(), before);
  EXPECT_TRUE(message().contains(QStringLiteral("at least 1"))) << message().toStdString();
}

TEST_F(Limits, AHugeStepAndAHugeNoiseAreClampedAloud) {
  QSpinBox* step = m_window->controls()->stepCount();
  type(step, QStringLiteral("5000000"));
  EXPECT_EQ(step->value(), 1000000);
  EXPECT_TRUE(message().contains(QStringLiteral("5000000"))) << message().toStdString();

  GeneratePanel* generate = m_window->generatePanel();
  generate->setExpanded(true);
  QDoubleSpinBox* noise = generate->noiseBox();
  ASSERT_TRUE(QTest::qWaitFor([&] { return noise->isVisible(); }));
  type(noise, QStringLiteral("5"));
  EXPECT_DOUBLE_EQ(noise->value(), 1.0);
  EXPECT_TRUE(message().contains(QStringLiteral("Noise"))) << message().toStdString();

  QSpinBox* test = generate->testBox();
  type(test, QStringLiteral("95"));
  EXPECT_EQ(test->value(), 90);
  EXPECT_TRUE(message().contains(QStringLiteral("10%"))) << message().toStdString();
}

TEST_F(Limits, EveryNumberBoxNamesItsRangeInItsTooltip) {
  m_window->generatePanel()->setExpanded(true);
  QApplication::processEvents();
  const QLocale locale;
  int checked = 0;
  for (QAbstractSpinBox* box : m_window->findChildren<QAbstractSpinBox*>()) {
    if (!box->isVisible() || !box->isEnabled()) continue;
    QString low, high;
    if (auto* whole = qobject_cast<QSpinBox*>(box)) {
      low = locale.toString(whole->minimum());
      high = locale.toString(whole->maximum());
    } else if (auto* decimal = qobject_cast<QDoubleSpinBox*>(box)) {
      low = locale.toString(decimal->minimum());
      high = locale.toString(decimal->maximum());
    } else {
      continue;
    }
    const QString tip = box->toolTip();
    EXPECT_TRUE(tip.contains(QStringLiteral("From %1 to %2").arg(low, high))) << tip.toStdString();
    ++checked;
  }
  EXPECT_GE(checked, 8);  // units, batch, step, seed, stop at, early stop, rows, noise, test…
}

// A network wider than the boxes allow (from --layers) shows its own size, not the limit.
TEST(LimitsAlone, AWiderNetworkFromTheCommandLineKeepsItsUnits) {
  Preset wide = *findPreset("circle");
  wide.spec.layers.front().units = 100;
  MainWindow window(wide);
  window.session()->setInteractive(false);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.shownSnapshot() != nullptr; }));
  EXPECT_EQ(window.architecture()->unitBoxes().front()->value(), 100);
}

}  // namespace
}  // namespace nnlab
