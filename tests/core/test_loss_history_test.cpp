#include "core/test_loss_history.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace nnlab {
namespace {

TEST(TestLossHistoryTest, KeepsOnePointPerEpochAndTheLatestValue) {
  TestLossHistory history;
  history.add(0, 1.0);
  history.add(5, 0.5);
  history.add(5, 0.4);  // paused and published again: same epoch, new value
  ASSERT_EQ(history.points().size(), 2u);
  EXPECT_EQ(history.points().back(), (TestLossPoint{5, 0.4}));
}

TEST(TestLossHistoryTest, StartsAfreshWhenTheEpochGoesBack) {
  TestLossHistory history;
  for (int epoch = 0; epoch < 10; ++epoch) history.add(epoch, 1.0 / (epoch + 1));
  history.add(0, 0.9);  // reset
  ASSERT_EQ(history.points().size(), 1u);
  EXPECT_EQ(history.points().front(), (TestLossPoint{0, 0.9}));
}

TEST(TestLossHistoryTest, StaysWithinItsBudgetOverALongRunAndCoversItAll) {
  TestLossHistory history(100);
  for (int epoch = 0; epoch <= 100000; epoch += 7) history.add(epoch, 1.0);
  EXPECT_LE(history.points().size(), 100u);
  EXPECT_GE(history.points().size(), 25u);
  EXPECT_EQ(history.points().front().epoch, 0);
  EXPECT_EQ(history.points().back().epoch, 99995);  // the newest is always there
}

TEST(TestLossHistoryTest, IgnoresLossesThatAreNotNumbers) {
  TestLossHistory history;
  history.add(1, std::nan(""));
  EXPECT_TRUE(history.empty());
}

TEST(TestLossHistoryTest, TruncateForgetsTheLaterPointsOnly) {
  TestLossHistory history;
  for (int epoch = 0; epoch <= 50; epoch += 10) history.add(epoch, epoch + 1.0);
  history.truncate(25);
  ASSERT_EQ(history.points().size(), 3u);
  EXPECT_EQ(history.points().back().epoch, 20);
}

TEST(TestLossHistoryTest, ItsStateRestoresItExactly) {
  TestLossHistory history(16);
  for (int epoch = 0; epoch < 100; epoch += 3) history.add(epoch, 1.0 / (epoch + 1.5));
  const TestLossHistory copy = TestLossHistory::fromState(16, history.state());
  EXPECT_EQ(copy.points(), history.points());
  EXPECT_EQ(copy.state().spacing, history.state().spacing);
}

TEST(TestLossHistoryTest, RefusesAStateItCouldNotHaveMade) {
  EXPECT_THROW(TestLossHistory::fromState(16, {3, {}}), std::invalid_argument);
  EXPECT_THROW(TestLossHistory::fromState(16, {1, {{5, 1.0}, {4, 1.0}}}), std::invalid_argument);
  EXPECT_THROW(TestLossHistory::fromState(16, {1, {{5, INFINITY}}}), std::invalid_argument);
  TestLossHistory::State tooMany{1, {}};
  for (int i = 0; i < 16; ++i) tooMany.points.push_back({i, 1.0});
  EXPECT_THROW(TestLossHistory::fromState(16, tooMany), std::invalid_argument);
}

}  // namespace
}  // namespace nnlab
