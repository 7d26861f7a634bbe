#include "loss_chart.h"

#include <gtest/gtest.h>

#include <QTest>
#include <QValueAxis>

#include "training_runner.h"

namespace nnlab {
namespace {

TrainingSnapshot snapshotWithLosses(const std::vector<double>& losses) {
  TrainingSnapshot snapshot;
  for (size_t i = 0; i < losses.size(); ++i)
    snapshot.history.push_back({static_cast<long long>(i + 1), losses[i], losses[i], losses[i]});
  snapshot.epoch = static_cast<long long>(losses.size());
  return snapshot;
}

TEST(LossChartTest, OnALogScaleALossOfZeroStaysOnTheCurve) {
  LossChart chart;
  chart.resize(400, 300);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  chart.setLogScale(true);
  chart.showSnapshot(snapshotWithLosses({0.5, 0.1, 0.01, 0.0, 0.0}));
  EXPECT_EQ(chart.pointCount(), 5);
  chart.setLogScale(false);
  EXPECT_EQ(chart.pointCount(), 5);
}

TEST(LossChartTest, LinearTicksFallOnRoundNumbersSoLabelsStayShort) {
  LossChart chart;
  chart.resize(300, 220);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  for (double high : {0.8, 1.7, 37000.0}) {
    chart.showSnapshot(snapshotWithLosses({high, high / 2}));
    auto* axis = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Vertical).front());
    ASSERT_NE(axis, nullptr);
    for (int i = 0; i < axis->tickCount(); ++i) {
      const double tick = axis->min() + (axis->max() - axis->min()) * i / (axis->tickCount() - 1);
      // At most two significant digits: "1.5e+04", never "3.75e+04".
      EXPECT_DOUBLE_EQ(tick, QString::number(tick, 'g', 2).toDouble()) << high << " " << tick;
    }
  }
}

}  // namespace
}  // namespace nnlab

#include <QLogValueAxis>

namespace nnlab {
namespace {

// After a divergence the log axis spans hundreds of decades: it still gets at most ~8 labels at
// whole decades, and infinite and NaN losses are left out, not drawn.
TEST(LossChartTest, ALogAxisOverHundredsOfDecadesKeepsAFewLabels) {
  LossChart chart;
  chart.resize(400, 300);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  chart.setLogScale(true);
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const std::vector<double>& losses : {std::vector<double>{1e-300, 1e-3, 1.0, 1e300, inf, nan},
                                            {0.5, 0.25, 0.01},
                                            {1e-3, 1e5, 1e40}}) {
    chart.showSnapshot(snapshotWithLosses(losses));
    auto* axis = qobject_cast<QLogValueAxis*>(chart.chart()->axes(Qt::Vertical).front());
    ASSERT_NE(axis, nullptr);
    const double decadesPerLabel = std::log10(axis->base());
    const double labels = (std::log10(axis->max()) - std::log10(axis->min())) / decadesPerLabel;
    EXPECT_LE(labels + 1, 9.0) << losses.back();
    EXPECT_GE(labels, 1.0);
    EXPECT_EQ(decadesPerLabel, std::round(decadesPerLabel));  // labels at whole decades
    EXPECT_LE(axis->min(), losses.front());
    EXPECT_GE(axis->max(), losses[2]);
  }
  chart.showSnapshot(snapshotWithLosses({1e-3, 1.0, inf, nan}));
  EXPECT_EQ(chart.pointCount(), 2);  // the finite ones
}

}  // namespace
}  // namespace nnlab

namespace nnlab {
namespace {

// A window made wider (restored, --size, a session opened) lays out the epoch axis for its new
// width at once, not at the next training step.
TEST(LossChartTest, AWiderChartGetsMoreEpochTicksWithoutNewData) {
  LossChart chart;
  chart.resize(160, 220);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  chart.showSnapshot(snapshotWithLosses(std::vector<double>(1000, 0.5)));
  auto* axis = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).front());
  ASSERT_NE(axis, nullptr);
  const int narrow = axis->tickCount();
  chart.resize(900, 400);
  ASSERT_TRUE(QTest::qWaitFor([&] { return axis->tickCount() > narrow; }, 5000))
      << narrow << " ticks before, " << axis->tickCount() << " after";
}

}  // namespace
}  // namespace nnlab
