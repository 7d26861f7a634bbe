#pragma once

#include <QList>
#include <QPointF>

namespace nnlab {

/// The test loss over a run, as the GUI saw it: the runner keeps only the training loss's
/// history, so the window records (epoch, test loss) from each snapshot it shows. Bounded: when
/// full, every other point goes and later points are spaced twice as far apart, so a long run
/// keeps an even picture of its whole length.
class TestLossTrace {
 public:
  explicit TestLossTrace(int budget = 2000);

  /// Records the test loss at `epoch`. An epoch before the last one recorded (a reset, a new
  /// network, a revert) starts the trace afresh; the same epoch replaces its value.
  void add(long long epoch, double loss);
  void clear();
  /// (epoch, loss), oldest first.
  const QList<QPointF>& points() const { return m_points; }
  bool isEmpty() const { return m_points.isEmpty(); }

 private:
  int m_budget;
  long long m_spacing = 1;  ///< epochs between kept points, at least
  QList<QPointF> m_points;
};

}  // namespace nnlab
