// The loss chart's epoch axis: wheel and band zoom, double-click back to the whole run, log x,
// and the smoothed line over the faint raw one.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>
#include <QWheelEvent>
#include <cmath>

#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"

namespace nnlab {
namespace {

TrainingSnapshot noisyRun(int epochs) {
  TrainingSnapshot snapshot;
  for (int i = 0; i <= epochs; ++i) {
    const double loss = 1.0 / (1.0 + 0.01 * i) + 0.2 * ((i % 2) ? 1.0 : -1.0) * 0.5;
    snapshot.history.push_back({i, loss, loss, loss});
  }
  snapshot.epoch = epochs;
  return snapshot;
}

class LossChartZoomTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_chart.resize(500, 320);
    m_chart.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_chart));
    m_chart.showSnapshot(noisyRun(1000));
  }

  void wheel(const QPoint& at, int delta) {
    QWheelEvent event(at, m_chart.viewport()->mapToGlobal(at), QPoint(), QPoint(0, delta),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_chart.viewport(), &event);
  }

  LossChart m_chart;
};

TEST_F(LossChartZoomTest, TheWheelZoomsAroundTheMouseAndADoubleClickShowsTheWholeRun) {
  const auto whole = m_chart.epochRange();
  const QPoint at = m_chart.positionOfEpoch(300);
  for (int i = 0; i < 4; ++i) wheel(at, 120);
  ASSERT_TRUE(m_chart.zoomed());
  const auto [low, high] = m_chart.epochRange();
  EXPECT_LT(high - low, 0.5 * (whole.second - whole.first));
  EXPECT_LT(low, 300.0);
  EXPECT_GT(high, 300.0);
  QTest::mouseDClick(m_chart.viewport(), Qt::LeftButton, {}, at);
  EXPECT_FALSE(m_chart.zoomed());
  EXPECT_EQ(m_chart.epochRange(), whole);
}

TEST_F(LossChartZoomTest, ABandDraggedWithTheRightButtonZoomsIntoIt) {
  const QPoint from = m_chart.positionOfEpoch(200);
  const QPoint to = m_chart.positionOfEpoch(400);
  QTest::mousePress(m_chart.viewport(), Qt::RightButton, {}, from);
  QTest::mouseMove(m_chart.viewport(), to);
  QTest::mouseRelease(m_chart.viewport(), Qt::RightButton, {}, to);
  ASSERT_TRUE(m_chart.zoomed());
  EXPECT_NEAR(m_chart.epochRange().first, 200.0, 10.0);
  EXPECT_NEAR(m_chart.epochRange().second, 400.0, 10.0);
}

TEST_F(LossChartZoomTest, LogXPutsTheEpochsOnALogAxisAndLeavesOutEpochZero) {
  m_chart.setLogX(true);
  auto* axis = qobject_cast<QLogValueAxis*>(m_chart.chart()->axes(Qt::Horizontal).front());
  ASSERT_NE(axis, nullptr);
  EXPECT_GE(axis->min(), 1.0);
  EXPECT_GE(axis->max(), 1000.0);
  EXPECT_GT(m_chart.pointCount(), 0);
  // Epoch 10 sits a third of the way to 1000 on a log axis, far right of its linear place.
  const QPoint ten = m_chart.positionOfEpoch(10);
  const QPoint thousand = m_chart.positionOfEpoch(1000);
  const QPoint one = m_chart.positionOfEpoch(1);
  EXPECT_NEAR(static_cast<double>(ten.x() - one.x()) / (thousand.x() - one.x()), 1.0 / 3.0, 0.03);
  m_chart.setLogX(false);
  EXPECT_NE(qobject_cast<QValueAxis*>(m_chart.chart()->axes(Qt::Horizontal).front()), nullptr);
}

TEST_F(LossChartZoomTest, SmoothingDrawsTheMovingAverageOverAFaintRawCurve) {
  EXPECT_EQ(m_chart.smoothPointCount(), 0);
  m_chart.setSmoothing(0.9);
  EXPECT_GT(m_chart.smoothPointCount(), 100);
  EXPECT_LT(m_chart.trainPen().color().alphaF(), 0.5);
  // The debiased average's last point, computed here the same way.
  const TrainingSnapshot run = noisyRun(1000);
  double average = 0.0, weights = 0.0;
  for (const HistoryPoint& point : run.history) {
    average = average * 0.9 + 0.1 * point.loss;
    weights = weights * 0.9 + 0.1;
  }
  QLineSeries* smooth = nullptr;
  for (QAbstractSeries* series : m_chart.chart()->series())
    if (series->name() == QStringLiteral("smoothed")) smooth = static_cast<QLineSeries*>(series);
  ASSERT_NE(smooth, nullptr);
  EXPECT_DOUBLE_EQ(smooth->points().back().y(), average / weights);
  m_chart.setSmoothing(0.0);
  EXPECT_EQ(m_chart.smoothPointCount(), 0);
  EXPECT_EQ(m_chart.trainPen().color().alphaF(), 1.0);
}

// A long run whose loss fell in its first epochs is a spike at the left edge of a linear axis:
// the chart asks for log x, once; a run that learned all along does not.
TEST(LossChartAutoRange, ALongRunThatLearnedAtTheStartAsksForLogXOnce) {
  LossChart chart;
  chart.resize(500, 320);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  QSignalSpy squashed(&chart, &LossChart::learningSquashed);
  TrainingSnapshot snapshot;
  for (long long e = 0; e <= 100000; e += 10) {
    const double loss = 1.0 / (1.0 + static_cast<double>(e));  // flat after ~100 epochs
    snapshot.history.push_back({e, loss, loss, loss});
  }
  chart.showSnapshot(snapshot);
  EXPECT_EQ(squashed.count(), 1);
  chart.showSnapshot(snapshot);
  EXPECT_EQ(squashed.count(), 1) << "once a run: the user may turn log x off again";

  LossChart chosen;  // a reopened session holds the user's choice of axis
  QSignalSpy notAsked(&chosen, &LossChart::learningSquashed);
  chosen.keepLogXChoice();
  chosen.showSnapshot(snapshot);
  EXPECT_EQ(notAsked.count(), 0);

  LossChart steady;
  QSignalSpy notSquashed(&steady, &LossChart::learningSquashed);
  TrainingSnapshot slow;
  for (long long e = 0; e <= 100000; e += 10) {
    const double loss = 1.0 - 0.9 * static_cast<double>(e) / 100000.0;
    slow.history.push_back({e, loss, loss, loss});
  }
  steady.showSnapshot(slow);
  EXPECT_EQ(notSquashed.count(), 0);
}

}  // namespace
}  // namespace nnlab
