#include "core/snapshot_publisher.h"

#include <algorithm>
#include <utility>

namespace nnlab {

std::chrono::steady_clock::time_point nextDue(std::chrono::steady_clock::time_point start,
                                              std::chrono::steady_clock::time_point end,
                                              double minGapSeconds) {
  using Seconds = std::chrono::duration<double>;
  const double cost = Seconds(end - start).count();
  const double gap = std::max(minGapSeconds, std::min(cost / kOverheadShare, kMaxGapSeconds));
  return end + std::chrono::duration_cast<std::chrono::steady_clock::duration>(Seconds(gap));
}

void SnapshotPublisher::publish(std::shared_ptr<TrainingSnapshot> next, Clock::time_point started) {
  next->serial = ++m_serial;
  m_next = nextDue(started, Clock::now(), m_minGapSeconds);
  m_unpublished = false;
  std::shared_ptr<const TrainingSnapshot> old = std::move(next);
  {
    std::lock_guard lock(m_mutex);
    m_latest.swap(old);
  }
  // `old` is released here, outside the lock: a reader never waits for a snapshot's destructor.
}

std::shared_ptr<const TrainingSnapshot> SnapshotPublisher::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

}  // namespace nnlab
