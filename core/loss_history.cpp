#include "core/loss_history.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

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

LossHistory LossHistory::fromState(int budget, State state) {
  LossHistory history(budget);
  const long long stride = state.epochsPerPoint;
  if (stride < 1 || (stride & (stride - 1)) != 0)
    throw std::invalid_argument("epochs per point must be 1, 2, 4, … (got " +
                                std::to_string(stride) + ")");
  if (static_cast<int>(state.points.size()) > history.m_budget)
    throw std::invalid_argument("the history has " + std::to_string(state.points.size()) +
                                " points, more than its budget of " +
                                std::to_string(history.m_budget));
  if (state.epochsInLast < (state.points.empty() ? 0 : 1) || state.epochsInLast > stride)
    throw std::invalid_argument("the last point's epoch count does not fit its stride");
  for (std::size_t i = 0; i < state.points.size(); ++i) {
    const HistoryPoint& p = state.points[i];
    if (std::isnan(p.loss) || std::isnan(p.min) || std::isnan(p.max) || p.min > p.max ||
        p.epoch < 0 || (i > 0 && p.epoch <= state.points[i - 1].epoch))
      throw std::invalid_argument("history point " + std::to_string(i + 1) +
                                  " is out of order or "
                                  "not a number");
  }
  history.m_stride = stride;
  history.m_inOpen = state.epochsInLast;
  history.m_points = std::move(state.points);
  history.m_points.reserve(history.m_budget);
  return history;
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
