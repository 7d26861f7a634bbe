#pragma once

#include <vector>

namespace nnlab {

/// One bucket of the loss history: the epochs [firstEpoch, lastEpoch] merged into one point.
struct HistoryPoint {
  long long epoch = 0;  ///< the bucket's last epoch
  double loss = 0.0;    ///< loss at that epoch
  double min = 0.0;     ///< smallest loss in the bucket (keeps dips visible)
  double max = 0.0;     ///< largest loss in the bucket (keeps spikes visible)
};

/// The loss of every epoch in bounded memory: exact while there are fewer epochs than the budget,
/// then buckets of 2, 4, 8, … epochs, each keeping its min and max, so that a run of any length
/// fits in at most `budget` points and no spike is lost.
///
/// When the budget is full, neighbouring buckets are merged pairwise (min of mins, max of maxes,
/// the later epoch and loss) and the bucket width doubles: O(budget) work once per budget/2
/// buckets, so add() is O(1) amortised and the memory never grows past `budget` points.
///
/// The TrainingRunner records every epoch (not one point per chunk): epoch e's loss is the one
/// Trainer::step measured on e's forward passes, i.e. the loss of the weights after e − 1 updates.
class LossHistory {
 public:
  /// `budget` is the most points ever kept (at least 2).
  explicit LossHistory(int budget = 4000);

  /// Everything a history holds, to save and restore it exactly.
  struct State {
    long long epochsPerPoint = 1;  ///< 1, 2, 4, …
    long long epochsInLast = 0;    ///< epochs merged into the last, still open point
    std::vector<HistoryPoint> points;
  };
  State state() const { return {m_stride, m_inOpen, m_points}; }
  /// A history with `budget` points at most, holding `state`. Throws std::invalid_argument
  /// when the state could not have come from one (more points than the budget, a stride that
  /// is not a power of 2, epochs out of order, losses that are not numbers).
  static LossHistory fromState(int budget, State state);

  /// Records the loss of `epoch`; epochs are expected one after another (1, 2, 3, …).
  void add(long long epoch, double loss);
  /// Forgets every point.
  void clear();
  /// Forgets the points after `epoch` (e.g. when diverged weights are rolled back). Exact while
  /// each point is one epoch; once epochs are merged, the bucket straddling `epoch` goes too.
  void truncate(long long epoch);
  /// Completed buckets, then the open one; oldest first.
  const std::vector<HistoryPoint>& points() const { return m_points; }
  /// Epochs merged into each complete point (1, 2, 4, …).
  long long epochsPerPoint() const { return m_stride; }
  /// The most points ever kept.
  int budget() const { return m_budget; }

 private:
  void halve();

  int m_budget;
  long long m_stride = 1;
  std::vector<HistoryPoint> m_points;  // completed buckets, then the open one
  long long m_inOpen = 0;              // epochs in the last (open) bucket
};

}  // namespace nnlab
