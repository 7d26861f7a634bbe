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
