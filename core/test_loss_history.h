#pragma once

#include <vector>

namespace nnlab {

/// One measurement of the test loss: the loss of the weights at `epoch` on the test rows.
struct TestLossPoint {
  long long epoch = 0;
  double loss = 0.0;
  bool operator==(const TestLossPoint&) const = default;
};

/// The test loss over a run in bounded memory. The runner measures it at each publication of a
/// snapshot (not every epoch: that would cost a forward pass of the test rows per epoch), so
/// its epochs are irregular. When the budget is full, every other point goes and later points
/// are spaced twice as far apart, so a long run keeps an even picture of its whole length; the
/// newest measurement is always the last point.
class TestLossHistory {
 public:
  /// `budget` is the most points ever kept (at least 4).
  explicit TestLossHistory(int budget = 2000);

  /// Everything a history holds, to save and restore it exactly.
  struct State {
    long long spacing = 1;  ///< epochs between kept points, at least: 1, 2, 4, …
    std::vector<TestLossPoint> points;
  };
  State state() const { return {m_spacing, m_points}; }
  /// A history with `budget` points at most, holding `state`. Throws std::invalid_argument when
  /// the state could not have come from one (more points than the budget, a spacing that is not
  /// a power of 2, epochs out of order, losses that are not finite).
  static TestLossHistory fromState(int budget, State state);

  /// Records the test loss at `epoch`. An epoch before the last one recorded (a reset, a new
  /// network) starts afresh; the same epoch replaces its value. Non-finite losses are skipped.
  void add(long long epoch, double loss);
  void clear();
  /// Forgets the points after `epoch` (weights rolled back to it).
  void truncate(long long epoch);
  /// Oldest first.
  const std::vector<TestLossPoint>& points() const { return m_points; }
  bool empty() const { return m_points.empty(); }
  int budget() const { return m_budget; }

 private:
  int m_budget;
  long long m_spacing = 1;
  std::vector<TestLossPoint> m_points;
};

}  // namespace nnlab
