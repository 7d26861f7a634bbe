#include "frame_stats.h"

#include <algorithm>

namespace nnlab {

void FrameStats::add(double milliseconds) { m_times.push_back(milliseconds); }

double FrameStats::medianMs() const {
  if (m_times.empty()) return 0.0;
  std::vector<double> sorted = m_times;
  const auto middle = sorted.begin() + static_cast<long>(sorted.size() / 2);
  std::nth_element(sorted.begin(), middle, sorted.end());
  return *middle;
}

double FrameStats::maxMs() const {
  return m_times.empty() ? 0.0 : *std::max_element(m_times.begin(), m_times.end());
}

}  // namespace nnlab
