// What a person may type into the window's number boxes: whatever is not a usable value is
// refused where it was typed, and nothing changes.
#include <gtest/gtest.h>

#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <limits>
#include <memory>
#include <vector>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/chart/stop_panel.h"
#include "ui/network/architecture_panel.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"
#include "ui/window/status_line.h"

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
  ASSERT_EQ(units->value(), 4);
  type(units, QStringLiteral("0"));
  EXPECT_EQ(units->value(), 4);
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

// A limit typed while training runs is not put back by a frame that left the runner before the
// runner took the limit; and a limit too large for the box shows as the largest it holds.
TEST(StopPanelAlone, AStaleSnapshotDoesNotUndoATypedLimit) {
  StopPanel panel;
  panel.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
  std::vector<StopConditions> requested;
  QObject::connect(&panel, &StopPanel::stopConditionsRequested,
                   [&](const StopConditions& conditions) {
                     requested.push_back(conditions);
                     panel.expectCommand(7);  // as the window does, with the runner's number
                   });
  QSpinBox* box = panel.maxEpochsBox();
  box->setFocus();
  QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(box, QStringLiteral("250"));
  QTest::keyClick(box, Qt::Key_Return);
  ASSERT_EQ(requested.size(), 1u);
  EXPECT_EQ(requested.front().maxEpochs, 250);
  box->clearFocus();
  TrainingSnapshot stale;  // no limit yet: the runner has seen 6 commands
  stale.commandsApplied = 6;
  panel.showSnapshot(stale);
  EXPECT_EQ(box->value(), 250);
  TrainingSnapshot answer = stale;
  answer.commandsApplied = 7;
  answer.stopConditions.maxEpochs = 250;
  panel.showSnapshot(answer);
  EXPECT_EQ(box->value(), 250);
  TrainingSnapshot huge = answer;
  huge.stopConditions.maxEpochs = 5'000'000'000LL;  // from a session or the command line
  panel.showSnapshot(huge);
  EXPECT_EQ(box->value(), std::numeric_limits<int>::max());
  EXPECT_EQ(requested.size(), 1u);  // showing is no request
}

}  // namespace
}  // namespace nnlab
