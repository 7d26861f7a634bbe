#include "loss_history.h"

#include <algorithm>

namespace nnlab {

LossHistory::LossHistory(int budget) : m_budget(std::max(budget, 2)) {
  m_points.reserve(m_budget);  // add() then never allocates
}

void LossHistory::add(long long epoch, double loss) {
  if (m_points.empty() || m_inOpen == m_stride) {
    if (static_cast<int>(m_points.size()) >= m_budget) halve();
    if (m_points.empty() || m_inOpen == m_stride) {
      m_points.push_back({epoch, loss, loss, loss});
      m_inOpen = 1;
      return;
    }
  }
  HistoryPoint& open = m_points.back();
  open.epoch = epoch;
  open.loss = loss;
  open.min = std::min(open.min, loss);
  open.max = std::max(open.max, loss);
  ++m_inOpen;
}

void LossHistory::clear() {
  m_points.clear();
  m_stride = 1;
  m_inOpen = 0;
}

void LossHistory::truncate(long long epoch) {
  const auto kept = std::find_if(m_points.begin(), m_points.end(),
                                 [epoch](const HistoryPoint& p) { return p.epoch > epoch; });
  if (kept == m_points.end()) return;
  m_points.erase(kept, m_points.end());
  // Whatever is left was followed by other buckets, so it is complete.
  m_inOpen = m_points.empty() ? 0 : m_stride;
}

// Buckets 2k and 2k+1 become bucket k. The last one may be open (m_inOpen < m_stride epochs);
// it stays open in the merged list with the epochs it has.
void LossHistory::halve() {
  const std::size_t n = m_points.size();
  std::size_t out = 0;
  for (std::size_t i = 0; i + 1 < n; i += 2) {
    const HistoryPoint& a = m_points[i];
    const HistoryPoint& b = m_points[i + 1];
    m_points[out++] = {b.epoch, b.loss, std::min(a.min, b.min), std::max(a.max, b.max)};
  }
  const bool odd = n % 2 == 1;
  if (odd) m_points[out++] = m_points[n - 1];
  m_points.resize(out);
  if (!odd && n > 0) m_inOpen += m_stride;
  m_stride *= 2;
}

}  // namespace nnlab
