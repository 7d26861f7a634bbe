#include "loss_chart.h"

#include <gtest/gtest.h>

#include <QTest>

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

}  // namespace
}  // namespace nnlab
