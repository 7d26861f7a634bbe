#include "core/loss_history.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace nnlab {
namespace {

TEST(LossHistory, ExactWhileUnderBudget) {
  LossHistory history(100);
  for (int e = 1; e <= 100; ++e) history.add(e, 1.0 / e);
  ASSERT_EQ(history.points().size(), 100u);
  EXPECT_EQ(history.epochsPerPoint(), 1);
  for (int e = 1; e <= 100; ++e) {
    const HistoryPoint& p = history.points()[e - 1];
    EXPECT_EQ(p.epoch, e);
    EXPECT_DOUBLE_EQ(p.loss, 1.0 / e);
    EXPECT_DOUBLE_EQ(p.min, p.loss);
    EXPECT_DOUBLE_EQ(p.max, p.loss);
  }
}

TEST(LossHistory, MergesPairsWhenFull) {
  LossHistory history(4);
  for (int e = 1; e <= 5; ++e) history.add(e, e);
  // [1..2] [3..4] [5]
  ASSERT_EQ(history.points().size(), 3u);
  EXPECT_EQ(history.epochsPerPoint(), 2);
  EXPECT_EQ(history.points()[0].epoch, 2);
  EXPECT_DOUBLE_EQ(history.points()[0].min, 1.0);
  EXPECT_DOUBLE_EQ(history.points()[0].max, 2.0);
  EXPECT_DOUBLE_EQ(history.points()[0].loss, 2.0);
  history.add(6, 6);
  ASSERT_EQ(history.points().size(), 3u);
  EXPECT_EQ(history.points()[2].epoch, 6);
  EXPECT_DOUBLE_EQ(history.points()[2].min, 5.0);
}

TEST(LossHistory, KeepsASpikeAndStaysInBudgetForAVeryLongRun) {
  LossHistory history(1000);
  const long long epochs = 20'000'000;
  const long long spikeAt = 12'345'677;
  for (long long e = 1; e <= epochs; ++e) {
    history.add(e, e == spikeAt ? 1e6 : (e == 7'777'777 ? -5.0 : 1.0));
    ASSERT_LE(history.points().size(), 1000u);
  }
  EXPECT_EQ(history.points().back().epoch, epochs);
  EXPECT_GE(history.points().size(), 500u);  // the budget is used, not wasted
  double highest = 0.0, lowest = 0.0;
  long long previous = 0;
  for (const HistoryPoint& p : history.points()) {
    EXPECT_GT(p.epoch, previous);
    previous = p.epoch;
    highest = std::max(highest, p.max);
    lowest = std::min(lowest, p.min);
  }
  EXPECT_DOUBLE_EQ(highest, 1e6);
  EXPECT_DOUBLE_EQ(lowest, -5.0);
}

TEST(LossHistory, TruncateDropsLaterEpochsAndContinues) {
  LossHistory history(100);
  for (int e = 1; e <= 50; ++e) history.add(e, e);
  history.truncate(30);
  ASSERT_EQ(history.points().size(), 30u);
  EXPECT_EQ(history.points().back().epoch, 30);
  history.add(31, -1.0);
  EXPECT_EQ(history.points().back().epoch, 31);
  EXPECT_DOUBLE_EQ(history.points().back().loss, -1.0);

  for (int e = 32; e <= 1000; ++e) history.add(e, e);
  history.truncate(500);
  ASSERT_FALSE(history.points().empty());
  EXPECT_LE(history.points().back().epoch, 500);
  for (int e = 501; e <= 600; ++e) history.add(e, e);
  EXPECT_EQ(history.points().back().epoch, 600);
  EXPECT_LE(history.points().size(), 100u);
}

TEST(LossHistory, ClearStartsOver) {
  LossHistory history(4);
  for (int e = 1; e <= 20; ++e) history.add(e, e);
  history.clear();
  EXPECT_TRUE(history.points().empty());
  EXPECT_EQ(history.epochsPerPoint(), 1);
  history.add(1, 3.0);
  ASSERT_EQ(history.points().size(), 1u);
  EXPECT_DOUBLE_EQ(history.points()[0].loss, 3.0);
}

}  // namespace
}  // namespace nnlab
