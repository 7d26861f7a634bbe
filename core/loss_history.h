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
class LossHistory {
 public:
  explicit LossHistory(int budget = 4000);

  void add(long long epoch, double loss);
  void clear();
  const std::vector<HistoryPoint>& points() const { return m_points; }
  long long epochsPerPoint() const { return m_stride; }

 private:
  void halve();

  int m_budget;
  long long m_stride = 1;
  std::vector<HistoryPoint> m_points;  // completed buckets, then the open one
  long long m_inOpen = 0;              // epochs in the last (open) bucket
};

}  // namespace nnlab
