#include "test_loss_trace.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nnlab {
namespace {

TEST(TestLossTraceTest, KeepsOnePointPerEpochAndTheLatestValue) {
  TestLossTrace trace;
  trace.add(0, 1.0);
  trace.add(5, 0.5);
  trace.add(5, 0.4);  // paused and published again: same epoch, new value
  ASSERT_EQ(trace.points().size(), 2);
  EXPECT_EQ(trace.points().back(), QPointF(5, 0.4));
}

TEST(TestLossTraceTest, StartsAfreshWhenTheEpochGoesBack) {
  TestLossTrace trace;
  for (int epoch = 0; epoch < 10; ++epoch) trace.add(epoch, 1.0 / (epoch + 1));
  trace.add(0, 0.9);  // reset
  ASSERT_EQ(trace.points().size(), 1);
  EXPECT_EQ(trace.points().front(), QPointF(0, 0.9));
}

TEST(TestLossTraceTest, StaysWithinItsBudgetOverALongRunAndCoversItAll) {
  TestLossTrace trace(100);
  for (int epoch = 0; epoch <= 100000; epoch += 7) trace.add(epoch, 1.0);
  EXPECT_LE(trace.points().size(), 100);
  EXPECT_GE(trace.points().size(), 25);
  EXPECT_EQ(trace.points().front().x(), 0.0);
  EXPECT_EQ(trace.points().back().x(), 99995.0);  // the newest is always there
}

TEST(TestLossTraceTest, IgnoresLossesThatAreNotNumbers) {
  TestLossTrace trace;
  trace.add(1, std::nan(""));
  EXPECT_TRUE(trace.isEmpty());
}

}  // namespace
}  // namespace nnlab
