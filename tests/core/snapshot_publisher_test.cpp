#include "core/snapshot_publisher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace nnlab {
namespace {

using Clock = SnapshotPublisher::Clock;
using std::chrono::milliseconds;

std::shared_ptr<TrainingSnapshot> snapshotAtEpoch(long long epoch) {
  auto snapshot = std::make_shared<TrainingSnapshot>();
  snapshot->epoch = epoch;
  return snapshot;
}

TEST(SnapshotPublisher, NumbersEachPublicationAndHandsOutTheLatest) {
  SnapshotPublisher publisher(0.0);
  EXPECT_EQ(publisher.latest(), nullptr);
  publisher.publish(snapshotAtEpoch(10), Clock::now());
  const std::shared_ptr<const TrainingSnapshot> first = publisher.latest();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->serial, 1u);
  publisher.publish(snapshotAtEpoch(20), Clock::now());
  EXPECT_EQ(publisher.latest()->serial, 2u);
  EXPECT_EQ(publisher.latest()->epoch, 20);
  EXPECT_EQ(publisher.published(), 2u);
  // A reader's snapshot stays as it was taken.
  EXPECT_EQ(first->epoch, 10);
  EXPECT_EQ(first->serial, 1u);
}

TEST(SnapshotPublisher, KnowsWhetherEpochsWereTrainedSinceTheLastPublication) {
  SnapshotPublisher publisher(0.0);
  EXPECT_FALSE(publisher.unpublished());
  publisher.markTrained();
  EXPECT_TRUE(publisher.unpublished());
  publisher.publish(snapshotAtEpoch(1), Clock::now());
  EXPECT_FALSE(publisher.unpublished());
}

TEST(SnapshotPublisher, SpacesPublicationsByTheirCostWithinBounds) {
  const Clock::time_point end = Clock::now();
  // Cheap: the minimum gap. Costly: a hundred times its cost, but at most 1/60 s.
  EXPECT_EQ(nextDue(end, end, 0.004), end + std::chrono::duration_cast<Clock::duration>(
                                                std::chrono::duration<double>(0.004)));
  const auto cost = std::chrono::microseconds(50);
  EXPECT_EQ(nextDue(end - cost, end, 0.0), end + cost * 100);
  EXPECT_EQ(nextDue(end - milliseconds(5), end, 0.0),
            end + std::chrono::duration_cast<Clock::duration>(
                      std::chrono::duration<double>(kMaxGapSeconds)));
  // A minimum gap longer than the maximum wins (a runner asked for rare snapshots).
  EXPECT_EQ(nextDue(end, end, 0.5), end + milliseconds(500));
}

TEST(SnapshotPublisher, IsDueOnlyAfterTheGap) {
  SnapshotPublisher publisher(0.5);
  EXPECT_TRUE(publisher.due(Clock::now())) << "nothing was published yet";
  const Clock::time_point started = Clock::now();
  publisher.publish(snapshotAtEpoch(1), started);
  EXPECT_FALSE(publisher.due(Clock::now()));
  EXPECT_TRUE(publisher.due(Clock::now() + milliseconds(501)));
}

// Readers on other threads see whole snapshots, in the order published (run under
// ThreadSanitizer too).
TEST(SnapshotPublisher, ReadersOnOtherThreadsSeeWholeSnapshotsInOrder) {
  SnapshotPublisher publisher(0.0);
  publisher.publish(snapshotAtEpoch(0), Clock::now());
  constexpr long long kPublications = 2000;
  std::atomic<bool> ordered{true};
  std::thread reader([&] {
    std::uint64_t last = 0;
    for (;;) {
      const std::shared_ptr<const TrainingSnapshot> seen = publisher.latest();
      if (seen->serial < last || seen->epoch + 1 != static_cast<long long>(seen->serial))
        ordered = false;
      last = seen->serial;
      if (seen->epoch == kPublications) return;
    }
  });
  for (long long epoch = 1; epoch <= kPublications; ++epoch)
    publisher.publish(snapshotAtEpoch(epoch), Clock::now());
  reader.join();
  EXPECT_TRUE(ordered);
}

}  // namespace
}  // namespace nnlab
