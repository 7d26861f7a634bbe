#pragma once

#include <vector>

namespace nnlab {

/// GUI-thread time per frame update (snapshot → widgets), for the scripted run's report.
class FrameStats {
 public:
  void add(double milliseconds);
  int count() const { return static_cast<int>(m_times.size()); }
  /// 0 when no frame was recorded.
  double medianMs() const;
  double maxMs() const;

 private:
  std::vector<double> m_times;
};

}  // namespace nnlab
