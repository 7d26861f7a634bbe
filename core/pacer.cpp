#include "core/pacer.h"

#include <algorithm>

namespace nnlab {

namespace {

using Seconds = std::chrono::duration<double>;

}  // namespace

// With a limit of L epochs/s, epoch k (from 0) of this stretch may start at paceStart + k/L.
long long Pacer::epochsAllowed(Clock::time_point now) {
  if (m_speedLimit <= 0.0) return m_chunk;
  const double elapsed = Seconds(now - m_paceStart).count();
  long long allowed = static_cast<long long>(elapsed * m_speedLimit) + 1 - m_pacedEpochs;
  if (allowed > std::max(1.0, m_speedLimit)) {  // more than a second behind: do not catch up
    m_paceStart = now;
    m_pacedEpochs = 0;
    allowed = 1;
  }
  return std::clamp(allowed, 0LL, m_chunk);
}

Pacer::Clock::duration Pacer::waitTime(Clock::time_point now) const {
  if (m_speedLimit <= 0.0) return Clock::duration::zero();
  const double wait = std::min(
      static_cast<double>(m_pacedEpochs) / m_speedLimit - Seconds(now - m_paceStart).count(), 1.0);
  return std::chrono::duration_cast<Clock::duration>(Seconds(wait));
}

void Pacer::count(long long epochs) {
  m_totalEpochs += epochs;
  m_pacedEpochs += epochs;
}

void Pacer::adaptChunk(long long epochs, double seconds) {
  if (epochs <= 0) return;
  const double perEpoch = std::max(seconds / static_cast<double>(epochs), 1e-9);
  const auto target = static_cast<long long>(kChunkSeconds / perEpoch);
  m_chunk = std::clamp(target, 1LL, 2 * m_chunk);  // grow gently, shrink at once
}

void Pacer::start(Clock::time_point now) {
  m_paceStart = now;
  m_pacedEpochs = 0;
  m_rateSamples.clear();
}

void Pacer::setSpeedLimit(double epochsPerSecond, Clock::time_point now) {
  m_speedLimit = epochsPerSecond;
  m_paceStart = now;
  m_pacedEpochs = 0;
}

double Pacer::measuredRate(Clock::time_point now, bool running) {
  if (!running) {
    m_rateSamples.clear();
    return 0.0;
  }
  m_rateSamples.emplace_back(now, m_totalEpochs);
  while (m_rateSamples.size() > 2 &&
         Seconds(now - m_rateSamples[1].first).count() >= kRateWindowSeconds) {
    m_rateSamples.pop_front();
  }
  const double seconds = Seconds(now - m_rateSamples.front().first).count();
  if (seconds <= 0.0) return 0.0;
  return static_cast<double>(m_totalEpochs - m_rateSamples.front().second) / seconds;
}

}  // namespace nnlab
