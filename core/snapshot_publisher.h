#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

#include "core/training_runner.h"

namespace nnlab {

// (Defined here for the publications; the runner spaces its weight backups by them too.)
// Backups of the weights and snapshot publications are spaced so that each costs at most this
// share of the training time (a 1000-row dataset makes a snapshot cost a third of an epoch), but
// never further apart than kMaxGapSeconds, so that a 60 Hz display gets a new picture every
// frame even of a big model (an 8 × 64-unit network's snapshot costs ~0.5 ms: ~3% of its
// training time).
inline constexpr double kOverheadShare = 0.01;
inline constexpr double kMaxGapSeconds = 1.0 / 60.0;

/// When work that ran from `start` to `end` (a backup, a publication) is due again: after
/// (end − start) / kOverheadShare, but at least `minGapSeconds` and at most kMaxGapSeconds
/// (unless `minGapSeconds` is longer) after `end`.
std::chrono::steady_clock::time_point nextDue(std::chrono::steady_clock::time_point start,
                                              std::chrono::steady_clock::time_point end,
                                              double minGapSeconds);

/// Hands the training runner's snapshots from its thread to the readers (the window, a
/// scripted run, the CLI): the training thread publishes a new one now and then; any thread
/// takes the latest. A reader keeps the snapshot it took for as long as it likes, unchanged
/// (snapshots are immutable and shared), and never waits for one to be built or destroyed:
/// the lock covers only the swap of two pointers.
///
/// It also keeps the publication's schedule for the training thread: due() after the spacing
/// of nextDue(), and whether epochs were trained since the last publication.
class SnapshotPublisher {
 public:
  using Clock = std::chrono::steady_clock;

  /// Publications while training are at least `minGapSeconds` apart.
  explicit SnapshotPublisher(double minGapSeconds) : m_minGapSeconds(minGapSeconds) {}

  /// Training thread: `next` becomes the latest snapshot, numbered (`serial`) one after the
  /// previous. `started` is when building it began: its cost spaces the next publication.
  void publish(std::shared_ptr<TrainingSnapshot> next, Clock::time_point started);
  /// Any thread: the latest snapshot (null before the first publication).
  std::shared_ptr<const TrainingSnapshot> latest() const;

  /// Training thread: epochs were trained since the last publication.
  void markTrained() { m_unpublished = true; }
  bool unpublished() const { return m_unpublished; }
  /// Training thread: whether, while training runs, a publication is due at `now`.
  bool due(Clock::time_point now) const { return now >= m_next; }
  /// Training thread: how many snapshots were published (the latest one's serial).
  std::uint64_t published() const { return m_serial; }

 private:
  mutable std::mutex m_mutex;
  std::shared_ptr<const TrainingSnapshot> m_latest;  // guarded by m_mutex

  // ---- training thread ----
  double m_minGapSeconds;
  std::uint64_t m_serial = 0;
  Clock::time_point m_next;
  bool m_unpublished = false;
};

}  // namespace nnlab
