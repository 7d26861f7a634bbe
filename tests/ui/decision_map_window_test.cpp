// The OUTPUT panel inside the window: it follows the data's input count, its clicks edit the
// data through the DATA panel (so the table follows and Undo takes them back), and the loss
// chart and status line show the test rows' figures.
#include <gtest/gtest.h>

#include <QTest>
#include <QUndoStack>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/data/dataset_panel.h"
#include "ui/network/network_view.h"
#include "ui/output/decision_map_panel.h"
#include "ui/output/decision_map_view.h"
#include "ui/window/main_window.h"
#include "ui/window/status_line.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

class DecisionMapWindowTest : public ::testing::Test {
 protected:
  void open(const std::string& preset) {
    m_window = std::make_unique<MainWindow>(*findPreset(preset));
    m_window->resize(1200, 800);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->shownSnapshot() != nullptr; }));
  }
  DecisionMapView* map() { return m_window->decisionMap()->view(); }

  std::unique_ptr<MainWindow> m_window;
};

TEST_F(DecisionMapWindowTest, TheMapShowsOnlyForTwoInputs) {
  open("seed");  // three inputs
  EXPECT_FALSE(m_window->decisionMap()->mapShown());
  EXPECT_FALSE(m_window->decisionMap()->isVisible()) << "no empty OUTPUT panel takes room";
  m_window->loadPreset(*findPreset("circle"));
  ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->decisionMap()->mapShown(); }, kTimeoutMs));
  EXPECT_TRUE(map()->isVisible());
}

TEST_F(DecisionMapWindowTest, ClickingTheMapAddsARowAndUndoRemovesIt) {
  open("circle");
  ASSERT_TRUE(m_window->decisionMap()->mapShown());
  ASSERT_TRUE(QTest::qWaitFor([&] { return map()->renderCount() > 0; }, kTimeoutMs));
  const int rows = m_window->dataPanel()->dataset().rows();
  QTest::mouseClick(map(), Qt::LeftButton, Qt::NoModifier, map()->toWidget({0.1, 0.2}).toPoint());
  const Dataset& data = m_window->dataPanel()->dataset();
  ASSERT_EQ(data.rows(), rows + 1);
  EXPECT_NEAR(data.inputs(rows, 0), 0.1, 0.03);
  EXPECT_NEAR(data.inputs(rows, 1), 0.2, 0.03);
  EXPECT_EQ(data.targets(rows, 0), 1.0);
  // The runner trains on the new row, and the map draws it.
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return m_window->shownSnapshot()->dataset->rows() == rows + 1; }, kTimeoutMs));
  m_window->dataPanel()->undoStack()->undo();
  EXPECT_EQ(m_window->dataPanel()->dataset().rows(), rows);
}

TEST_F(DecisionMapWindowTest, CtrlClickRemovesTheNearestRow) {
  open("gauss");
  ASSERT_TRUE(QTest::qWaitFor([&] { return map()->renderCount() > 0; }, kTimeoutMs));
  const Dataset before = m_window->dataPanel()->dataset();
  const QPointF point(before.inputs(3, 0), before.inputs(3, 1));
  QTest::mouseClick(map(), Qt::LeftButton, Qt::ControlModifier, map()->toWidget(point).toPoint());
  const Dataset& after = m_window->dataPanel()->dataset();
  ASSERT_EQ(after.rows(), before.rows() - 1);
  // Test flags move with their rows.
  EXPECT_EQ(after.testRowCount(), before.testRowCount() - (before.isTestRow(3) ? 1 : 0));
}

TEST_F(DecisionMapWindowTest, TestLossIsPlottedAndReported) {
  open("moons");
  m_window->runner().step(200);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto shown = m_window->shownSnapshot();
        return shown->epoch == 200 && shown->state == RunState::Paused;
      },
      kTimeoutMs));
  EXPECT_GT(m_window->lossChart()->testPointCount(), 1);
  EXPECT_TRUE(m_window->statusLine()->accuracyText().contains(QStringLiteral("test")));
}

// With 2 inputs every hidden and output neuron draws its own map, and hovering one shows that
// map in the big view (which says whose it is) until the mouse moves off.
TEST_F(DecisionMapWindowTest, HoveringANeuronShowsItsOwnMapInTheBigView) {
  open("xor-2-2-1");
  NetworkView* graph = m_window->networkView();
  EXPECT_TRUE(graph->showsThumbnails());
  ASSERT_TRUE(QTest::qWaitFor([&] { return map()->renderCount() > 0; }, kTimeoutMs));
  const QImage output = map()->image();
  QTest::mouseMove(graph->viewport(), graph->neuronViewPosition(1, 0));
  ASSERT_TRUE(QTest::qWaitFor([&] { return map()->shownNeuron().has_value(); }, kTimeoutMs));
  EXPECT_EQ(*map()->shownNeuron(), std::make_pair(0, 0));
  EXPECT_NE(map()->image(), output);  // h1's tanh, not the sigmoid output
  QTest::mouseMove(graph->viewport(), QPoint(2, 2));
  ASSERT_TRUE(QTest::qWaitFor([&] { return !map()->shownNeuron().has_value(); }, kTimeoutMs));
  m_window->loadPreset(seedPreset());  // three inputs: no maps
  ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->shownSnapshot()->network.inputs() == 3; },
                              kTimeoutMs));
  EXPECT_FALSE(graph->showsThumbnails());
}

}  // namespace
}  // namespace nnlab
