#pragma once

#include <chrono>
#include <deque>
#include <utility>

namespace nnlab {

/// How many epochs the training thread trains between two looks at its commands, and how fast:
/// chunks sized to take about kChunkSeconds, an optional speed limit in epochs per second, and
/// the rate measured over the last second. Used by one thread (the runner's); time is passed in,
/// so that it can be tested without waiting.
class Pacer {
 public:
  using Clock = std::chrono::steady_clock;

  // One chunk of epochs should take about this long: long enough that the per-chunk work (clock
  // reads, the weight backup, the pending-command check) is noise, short enough that commands
  // and the destructor are served within about a millisecond.
  static constexpr double kChunkSeconds = 0.00075;
  // The measured rate covers about this much of the recent past.
  static constexpr double kRateWindowSeconds = 1.0;

  /// Epochs that may start at `now`: a chunk, or fewer under a speed limit; 0 means wait
  /// (waitTime() says how long). A limit more than a second behind does not catch up.
  long long epochsAllowed(Clock::time_point now);
  /// When epochsAllowed() is 0: how long until the next epoch may start, at most a second (at
  /// 0.001 epochs/s the next epoch is far off, and so far a time point would overflow).
  Clock::duration waitTime(Clock::time_point now) const;
  /// `epochs` were trained: counted for the limit and for the rate.
  void count(long long epochs);
  /// `epochs` took `seconds`: the next chunk is sized to take kChunkSeconds, growing at most
  /// twofold (gently) and shrinking at once.
  void adaptChunk(long long epochs, double seconds);
  /// The cost of an epoch may have changed (new data, a new network): chunks grow back from one.
  void resetChunk() { m_chunk = 1; }
  long long chunk() const { return m_chunk; }

  /// Training starts (again) at `now`: the limit counts from here and the rate is measured
  /// afresh.
  void start(Clock::time_point now);
  /// Epochs per second; 0 for none. The limit counts from `now`.
  void setSpeedLimit(double epochsPerSecond, Clock::time_point now);
  double speedLimit() const { return m_speedLimit; }
  /// Epochs per second over about the last second, sampled at each call while `running`; 0 and
  /// a fresh start of the measurement when not.
  double measuredRate(Clock::time_point now, bool running);

 private:
  double m_speedLimit = 0.0;      ///< epochs/s; 0: unlimited
  long long m_chunk = 1;          ///< epochs per chunk
  Clock::time_point m_paceStart;  ///< speed limit: m_pacedEpochs were trained since then
  long long m_pacedEpochs = 0;
  long long m_totalEpochs = 0;  ///< every epoch ever trained, for the rate
  std::deque<std::pair<Clock::time_point, long long>> m_rateSamples;
};

}  // namespace nnlab
