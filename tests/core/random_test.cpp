#include "core/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

namespace nnlab {
namespace {

// SplitMix64's published outputs for seed 0 (the reference C code of Vigna's xoshiro page):
// the same numbers on every compiler and standard library, which a saved run relies on.
TEST(Random, IsSplitMix64) {
  Random random(0);
  EXPECT_EQ(random.next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(random.next(), 0x6E789E6AA1B965F4ULL);
  EXPECT_EQ(random.next(), 0x06C45D188009454FULL);
}

TEST(Random, GoesOnFromItsStateWithTheSameNumbers) {
  Random random(42);
  random.next();
  random.next();
  Random copy(random.state());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(copy.next(), random.next());
}

TEST(Random, Uniform01StaysInTheHalfOpenUnitInterval) {
  Random random(7);
  double low = 1.0, high = 0.0, sum = 0.0;
  constexpr int kDraws = 100'000;
  for (int i = 0; i < kDraws; ++i) {
    const double u = random.uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    low = std::min(low, u);
    high = std::max(high, u);
    sum += u;
  }
  EXPECT_LT(low, 1e-3);
  EXPECT_GT(high, 1.0 - 1e-3);
  EXPECT_NEAR(sum / kDraws, 0.5, 0.01);
}

TEST(Random, BelowDrawsEveryValueUnderTheBoundAboutEquallyOften) {
  Random random(3);
  EXPECT_EQ(random.below(1), 0u);
  std::array<int, 3> counts{};
  constexpr int kDraws = 30'000;
  for (int i = 0; i < kDraws; ++i) {
    const std::uint64_t value = random.below(3);
    ASSERT_LT(value, 3u);
    ++counts[value];
  }
  for (const int count : counts) EXPECT_NEAR(count, kDraws / 3, 400);
  // A bound near 2⁶⁴, where a plain modulo would favour the low values twice over.
  const std::uint64_t bound = (std::uint64_t{1} << 63) + (std::uint64_t{1} << 62);
  int low = 0;
  for (int i = 0; i < 20'000; ++i) low += random.below(bound) < bound / 2 ? 1 : 0;
  EXPECT_NEAR(low, 10'000, 400);
}

}  // namespace
}  // namespace nnlab
