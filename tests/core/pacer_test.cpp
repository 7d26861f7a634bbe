// Pacer: chunk sizes, the speed limit and the measured rate, with time passed in by hand.

#include "core/pacer.h"

#include <gtest/gtest.h>

#include <chrono>

namespace nnlab {
namespace {

using Clock = Pacer::Clock;
using std::chrono::milliseconds;

double seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

TEST(Pacer, ChunksGrowTwofoldAtMostAndShrinkAtOnce) {
  Pacer pacer;
  const Clock::time_point now{};
  EXPECT_EQ(pacer.chunk(), 1);
  EXPECT_EQ(pacer.epochsAllowed(now), 1);
  // A microsecond an epoch would fill a 0.75 ms chunk with 750 epochs: reached by doubling.
  long long expected = 1;
  for (int i = 0; i < 9; ++i) {
    pacer.adaptChunk(pacer.chunk(), 1e-6 * static_cast<double>(pacer.chunk()));
    expected *= 2;
    EXPECT_EQ(pacer.chunk(), expected);
  }
  pacer.adaptChunk(pacer.chunk(), 1e-6 * static_cast<double>(pacer.chunk()));
  EXPECT_EQ(pacer.chunk(), 750);
  EXPECT_EQ(pacer.epochsAllowed(now), 750);
  // Epochs a hundred times dearer: down to 7 at once.
  pacer.adaptChunk(10, 10 * 1e-4);
  EXPECT_EQ(pacer.chunk(), 7);
  // An epoch slower than a chunk's time: one at a time.
  pacer.adaptChunk(1, 0.01);
  EXPECT_EQ(pacer.chunk(), 1);
  pacer.adaptChunk(4, 4e-6);
  pacer.resetChunk();
  EXPECT_EQ(pacer.chunk(), 1);
  pacer.adaptChunk(0, 0.0);  // nothing trained: nothing learnt
  EXPECT_EQ(pacer.chunk(), 1);
}

TEST(Pacer, ASpeedLimitSpacesTheEpochs) {
  Pacer pacer;
  const Clock::time_point start{std::chrono::seconds(100)};
  for (int i = 0; i < 6; ++i) pacer.adaptChunk(pacer.chunk(), 1e-9);  // chunks of 64
  pacer.setSpeedLimit(10.0, start);
  EXPECT_EQ(pacer.speedLimit(), 10.0);
  EXPECT_EQ(pacer.epochsAllowed(start), 1);  // epoch 0 may start at once
  pacer.count(1);
  EXPECT_EQ(pacer.epochsAllowed(start), 0);
  EXPECT_NEAR(seconds(pacer.waitTime(start)), 0.1, 1e-6);
  EXPECT_EQ(pacer.epochsAllowed(start + milliseconds(99)), 0);
  EXPECT_EQ(pacer.epochsAllowed(start + milliseconds(100)), 1);
  // Behind by half a second: the epochs due meanwhile may all start now.
  EXPECT_EQ(pacer.epochsAllowed(start + milliseconds(600)), 6);
  pacer.count(6);
  EXPECT_NEAR(seconds(pacer.waitTime(start + milliseconds(650))), 0.05, 1e-6);
}

TEST(Pacer, ALimitFarBehindStartsAfreshInsteadOfCatchingUp) {
  Pacer pacer;
  const Clock::time_point start{std::chrono::seconds(100)};
  for (int i = 0; i < 8; ++i) pacer.adaptChunk(pacer.chunk(), 1e-9);
  pacer.setSpeedLimit(10.0, start);
  pacer.count(1);
  // Five seconds later (paused, or a slow epoch): one epoch now, then ten a second again.
  const Clock::time_point later = start + std::chrono::seconds(5);
  EXPECT_EQ(pacer.epochsAllowed(later), 1);
  pacer.count(1);
  EXPECT_EQ(pacer.epochsAllowed(later), 0);
  EXPECT_NEAR(seconds(pacer.waitTime(later)), 0.1, 1e-6);
}

TEST(Pacer, TheWaitIsAtMostASecond) {
  Pacer pacer;
  const Clock::time_point start{std::chrono::seconds(100)};
  pacer.setSpeedLimit(0.001, start);  // an epoch every 1000 s
  EXPECT_EQ(pacer.epochsAllowed(start), 1);
  pacer.count(1);
  EXPECT_EQ(pacer.epochsAllowed(start), 0);
  EXPECT_NEAR(seconds(pacer.waitTime(start)), 1.0, 1e-9);
  // No limit: no wait, a whole chunk.
  pacer.setSpeedLimit(0.0, start);
  EXPECT_EQ(pacer.waitTime(start), Clock::duration::zero());
  EXPECT_EQ(pacer.epochsAllowed(start), 1);
}

TEST(Pacer, TheRateIsMeasuredOverTheLastSecond) {
  Pacer pacer;
  const Clock::time_point start{std::chrono::seconds(100)};
  pacer.start(start);
  EXPECT_EQ(pacer.measuredRate(start, true), 0.0);  // no time has passed yet
  pacer.count(100);
  EXPECT_DOUBLE_EQ(pacer.measuredRate(start + milliseconds(500), true), 200.0);
  pacer.count(100);
  // Samples older than a second (but the two newest) are dropped: 100 epochs in the last 1 s.
  EXPECT_DOUBLE_EQ(pacer.measuredRate(start + milliseconds(1500), true), 100.0);
  // Paused: no rate, and the measurement starts afresh.
  EXPECT_EQ(pacer.measuredRate(start + milliseconds(1600), false), 0.0);
  pacer.count(1000);
  EXPECT_EQ(pacer.measuredRate(start + milliseconds(1700), true), 0.0);
  pacer.count(30);
  EXPECT_DOUBLE_EQ(pacer.measuredRate(start + milliseconds(1800), true), 300.0);
}

}  // namespace
}  // namespace nnlab
