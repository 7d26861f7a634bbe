// The loss-landscape view in the window: it computes the run's landscape in the background,
// clicking the plane sets the weights there and Undo brings the old ones back, clicking the
// path picks its epoch, and the cursor marks the path point of an epoch.
#include "ui/landscape/landscape_panel.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <memory>

#include "core/parameter_vector.h"
#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/data/dataset_panel.h"
#include "ui/landscape/landscape_view.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 20000;

class LandscapePanelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_window = std::make_unique<MainWindow>(*findPreset("seed"));
    m_window->resize(1200, 800);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->shownSnapshot() != nullptr; }));
    m_window->runner().step(300);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
          const auto shown = m_window->shownSnapshot();
          return shown->epoch == 300 && shown->state == RunState::Paused;
        },
        kTimeoutMs));
    m_window->landscapeDock()->toggleViewAction()->trigger();  // View ▸ Loss landscape
    ASSERT_TRUE(m_window->landscapeDock()->isVisible());
    ASSERT_TRUE(QTest::qWaitFor([&] { return view()->hasLandscape(); }, kTimeoutMs));
  }
  LandscapePanel* panel() { return m_window->landscape(); }
  LandscapeView* view() { return panel()->view(); }
  Eigen::VectorXd shownWeights() { return flattenParameters(m_window->shownSnapshot()->network); }

  std::unique_ptr<MainWindow> m_window;
};

TEST_F(LandscapePanelTest, ThePathIsTheRunsRecordsOnTheirPrincipalPlane) {
  const std::vector<long long>& epochs = view()->epochs();
  ASSERT_GE(epochs.size(), 10u);
  EXPECT_EQ(epochs.front(), 0);
  EXPECT_EQ(epochs.back(), 300);
  // The last record is the weights shown (paused at epoch 300): the cross sits on the path's end.
  const Eigen::Vector2d end = panel()->plane()->project(shownWeights());
  EXPECT_NEAR(end(0), view()->path().back().x(), 1e-9);
  EXPECT_NEAR(end(1), view()->path().back().y(), 1e-9);
  EXPECT_EQ(view()->grid().resolution * view()->grid().resolution,
            static_cast<int>(view()->grid().values.size()));
}

TEST_F(LandscapePanelTest, ClickingThePlaneSetsTheWeightsThereAndUndoBringsThemBack) {
  const Eigen::VectorXd before = shownWeights();
  const QRectF plot = view()->plotArea();
  QPoint click = (plot.topLeft() + QPointF(12, 12)).toPoint();
  if ((view()->toWidget(view()->path().front()) - QPointF(click)).manhattanLength() < 20)
    click = (plot.bottomRight() - QPointF(12, 12)).toPoint();
  const QPointF at = view()->toPlane(click);
  const Eigen::VectorXd wanted = panel()->plane()->pointAt(at.x(), at.y());
  QTest::mouseClick(view(), Qt::LeftButton, Qt::NoModifier, click);
  ASSERT_TRUE(QTest::qWaitFor([&] { return shownWeights().isApprox(wanted, 1e-12); }, kTimeoutMs))
      << "the weights did not move to the point clicked";
  EXPECT_GT((shownWeights() - before).norm(), 1e-3);
  EXPECT_EQ(m_window->shownSnapshot()->epoch, 300) << "same architecture: training goes on";

  m_window->dataPanel()->undoStack()->undo();
  ASSERT_TRUE(QTest::qWaitFor([&] { return shownWeights() == before; }, kTimeoutMs))
      << "undo did not bring the old weights back";
  m_window->dataPanel()->undoStack()->redo();
  ASSERT_TRUE(QTest::qWaitFor([&] { return shownWeights().isApprox(wanted, 1e-12); }, kTimeoutMs));
}

TEST_F(LandscapePanelTest, ClickingThePathPicksItsEpochAndTheCursorMarksOne) {
  QSignalSpy picked(panel(), &LandscapePanel::epochPicked);
  const std::size_t middle = view()->path().size() / 2;
  QTest::mouseClick(view(), Qt::LeftButton, Qt::NoModifier,
                    view()->toWidget(view()->path()[middle]).toPoint());
  ASSERT_EQ(picked.count(), 1);
  // Points of the path may lie within a pixel of each other: the one picked is at that place.
  const long long epoch = picked.at(0).at(0).toLongLong();
  const auto index = std::find(view()->epochs().begin(), view()->epochs().end(), epoch);
  ASSERT_NE(index, view()->epochs().end());
  const QPointF where = view()->toWidget(view()->path()[index - view()->epochs().begin()]);
  EXPECT_LT((where - view()->toWidget(view()->path()[middle])).manhattanLength(), 10.0);

  panel()->setCursorEpoch(view()->epochs()[3]);
  EXPECT_EQ(view()->cursorIndex(), 3);
  panel()->setCursorEpoch(view()->epochs()[3] - 1);  // between records: the one before
  EXPECT_EQ(view()->cursorIndex(), 2);
}

TEST_F(LandscapePanelTest, ComputingCanBeCancelled) {
  panel()->compute();
  EXPECT_TRUE(panel()->cancelButton()->isEnabled());
  QTest::mouseClick(panel()->cancelButton(), Qt::LeftButton);
  EXPECT_FALSE(panel()->computing());
  EXPECT_FALSE(panel()->cancelButton()->isEnabled());
  EXPECT_TRUE(view()->hasLandscape()) << "the landscape shown stays";
}

TEST_F(LandscapePanelTest, ANewArchitectureClearsTheLandscapeOfTheOldOne) {
  NetworkSpec spec = m_window->shownSnapshot()->network.spec();
  spec.layers.front().units = 6;
  m_window->runner().setNetwork(spec, Init::Uniform01, 1);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !view()->hasLandscape(); }, kTimeoutMs));
  EXPECT_FALSE(panel()->plane());
}

}  // namespace
}  // namespace nnlab
