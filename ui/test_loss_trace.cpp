#include "test_loss_trace.h"

#include <algorithm>
#include <cmath>

namespace nnlab {

TestLossTrace::TestLossTrace(int budget) : m_budget(std::max(budget, 4)) {}

void TestLossTrace::clear() {
  m_points.clear();
  m_spacing = 1;
}

void TestLossTrace::add(long long epoch, double loss) {
  if (!std::isfinite(loss)) return;
  const auto x = static_cast<double>(epoch);
  if (!m_points.isEmpty()) {
    const double last = m_points.back().x();
    if (x < last) clear();
    if (!m_points.isEmpty() && x == last) {
      m_points.back().setY(loss);
      return;
    }
    // Within the spacing of the last point: move that point forward instead of adding one,
    // so that the newest value is always shown.
    if (m_points.size() >= 2 && x - m_points[m_points.size() - 2].x() < m_spacing) {
      m_points.back() = QPointF(x, loss);
      return;
    }
  }
  m_points.append(QPointF(x, loss));
  if (m_points.size() < m_budget) return;
  QList<QPointF> kept;
  kept.reserve(m_budget / 2 + 1);
  for (qsizetype i = 0; i < m_points.size(); i += 2) kept.append(m_points[i]);
  if (kept.back() != m_points.back()) kept.append(m_points.back());
  m_points = std::move(kept);
  m_spacing *= 2;
}

}  // namespace nnlab
