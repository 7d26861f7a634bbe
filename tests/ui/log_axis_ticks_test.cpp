#include "ui/chart/log_axis_ticks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace nnlab {
namespace {

void expectCovers(const LogAxisTicks& ticks, double smallest, double largest) {
  EXPECT_LE(std::pow(10.0, ticks.low), smallest);
  EXPECT_GE(std::pow(10.0, ticks.high), largest);
  EXPECT_TRUE(std::isfinite(std::pow(10.0, ticks.high)));
  EXPECT_GT(std::pow(10.0, ticks.low), 0.0);
  EXPECT_TRUE(std::isfinite(ticks.base()));
}

TEST(LogAxisTicks, AFewDecadesGetOneLabelEach) {
  const LogAxisTicks ticks = chooseLogTicks(0.0015, 0.9);
  EXPECT_EQ(ticks.low, -3);
  EXPECT_EQ(ticks.high, 0);
  EXPECT_EQ(ticks.step, 1);
  EXPECT_EQ(ticks.labelCount(), 4);
}

TEST(LogAxisTicks, ADivergedRunGetsAtMostEightLabels) {
  for (const auto& [smallest, largest] :
       {std::pair{1e-300, 1e300}, std::pair{1e-12, 1e15}, std::pair{3e-5, 2e40},
        std::pair{4.9e-324, 1.7e308}, std::pair{1e-9, 1e9}, std::pair{0.5, 2e100}}) {
    const LogAxisTicks ticks = chooseLogTicks(smallest, largest);
    EXPECT_LE(ticks.labelCount(), 8) << smallest << " " << largest;
    EXPECT_GE(ticks.labelCount(), 2) << smallest << " " << largest;
    // On round steps of decades: 1, 2 or 5 × 10^k, or 300 at the very most.
    EXPECT_TRUE(ticks.step == 1 || ticks.step == 2 || ticks.step == 5 || ticks.step % 10 == 0)
        << ticks.step;
    if (smallest >= 1e-307) expectCovers(ticks, smallest, largest);
  }
  const LogAxisTicks whole = chooseLogTicks(1e-300, 1e300);
  EXPECT_EQ(whole.step, 100);
  EXPECT_EQ(whole.low, -300);
  EXPECT_EQ(whole.high, 300);
  EXPECT_EQ(whole.labelCount(), 7);
}

TEST(LogAxisTicks, FewerLabelsFitAShortAxis) {
  const LogAxisTicks ticks = chooseLogTicks(1e-6, 1e2, 3);
  EXPECT_LE(ticks.labelCount(), 3);
  expectCovers(ticks, 1e-6, 1e2);
  EXPECT_LE(chooseLogTicks(1e-307, 1e308, 1).labelCount(), 3);
}

TEST(LogAxisTicks, NonNumbersAreIgnored) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const LogAxisTicks none = chooseLogTicks(nan, inf);
  EXPECT_EQ(none.low, -3);
  EXPECT_EQ(none.high, 0);
  const LogAxisTicks one = chooseLogTicks(-1.0, 0.02);
  EXPECT_EQ(one.low, -2);
  EXPECT_GT(one.high, one.low);
  const LogAxisTicks exact = chooseLogTicks(1.0, 1.0);
  EXPECT_LT(exact.low, exact.high);  // an axis, not a point
  expectCovers(exact, 1.0, 1.0);
}

}  // namespace
}  // namespace nnlab
