// What a person may type into the window's number boxes: whatever is not a usable value is
// refused where it was typed, and nothing changes.
#include <gtest/gtest.h>

#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <memory>

#include "architecture_panel.h"
#include "main_window.h"
#include "presets.h"
#include "session_controller.h"
#include "status_line.h"
#include "stop_panel.h"
#include "training_runner.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

class BadEntries : public ::testing::Test {
 protected:
  void SetUp() override {
    m_window = std::make_unique<MainWindow>(seedPreset());
    m_window->session()->setInteractive(false);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
  }
  static void type(QWidget* box, const QString& text) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
    QApplication::processEvents();
  }
  std::unique_ptr<MainWindow> m_window;
};

TEST_F(BadEntries, ZeroUnitsCannotBeTyped) {
  QSpinBox* units = m_window->architecture()->unitBoxes().front();
  type(units, QStringLiteral("0"));
  EXPECT_GE(units->value(), 1);
  QTest::qWait(100);
  EXPECT_EQ(m_window->runner().latestSnapshot()->network.layer(0).units(), 4);
}

TEST_F(BadEntries, ALossGoalThatIsNotANumberIsRefusedAndNothingChanges) {
  QLineEdit* goal = m_window->stopPanel()->lossGoalBox();
  for (const QString& bad : {QStringLiteral("x"), QStringLiteral("-1"), QStringLiteral("nan")}) {
    type(goal, bad);
    EXPECT_TRUE(goal->text().isEmpty()) << bad.toStdString();  // back to "no goal"
    QLabel* message = m_window->statusLine()->messageLabel();
    EXPECT_TRUE(message->text().contains(bad)) << message->text().toStdString();
  }
  QTest::qWait(100);
  EXPECT_EQ(m_window->runner().latestSnapshot()->stopConditions.lossGoal, 0.0);
  type(goal, QStringLiteral("0.01"));
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return m_window->runner().latestSnapshot()->stopConditions.lossGoal == 0.01; },
      kTimeoutMs));
}

TEST_F(BadEntries, AnEpochLimitStopsTrainingThere) {
  type(m_window->stopPanel()->maxEpochsBox(), QStringLiteral("250"));
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return m_window->runner().latestSnapshot()->stopConditions.maxEpochs == 250; },
      kTimeoutMs));
  m_window->runner().run();
  EXPECT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = m_window->runner().latestSnapshot();
        return s->reason == PauseReason::MaxEpochs && s->epoch == 250;
      },
      kTimeoutMs));
}

}  // namespace
}  // namespace nnlab
