#include "core/test_loss_history.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace nnlab {

TestLossHistory::TestLossHistory(int budget) : m_budget(std::max(budget, 4)) {}

TestLossHistory TestLossHistory::fromState(int budget, State state) {
  TestLossHistory history(budget);
  const long long spacing = state.spacing;
  if (spacing < 1 || (spacing & (spacing - 1)) != 0)
    throw std::invalid_argument("the test-loss spacing is not a power of 2");
  if (state.points.size() >= static_cast<std::size_t>(history.m_budget))
    throw std::invalid_argument("the test-loss history has more points than it can keep");
  for (std::size_t i = 0; i < state.points.size(); ++i) {
    const TestLossPoint& point = state.points[i];
    if (!std::isfinite(point.loss) || point.epoch < 0)
      throw std::invalid_argument("the test-loss history holds a value that is not a number");
    if (i > 0 && point.epoch <= state.points[i - 1].epoch)
      throw std::invalid_argument("the test-loss history's epochs are out of order");
  }
  history.m_spacing = spacing;
  history.m_points = std::move(state.points);
  return history;
}

void TestLossHistory::clear() {
  m_points.clear();
  m_spacing = 1;
}

void TestLossHistory::truncate(long long epoch) {
  while (!m_points.empty() && m_points.back().epoch > epoch) m_points.pop_back();
}

void TestLossHistory::add(long long epoch, double loss) {
  if (!std::isfinite(loss)) return;
  if (!m_points.empty()) {
    const long long last = m_points.back().epoch;
    if (epoch < last) clear();
    if (!m_points.empty() && epoch == last) {
      m_points.back().loss = loss;
      return;
    }
    // Within the spacing of the last point: move that point forward instead of adding one,
    // so that the newest value is always kept.
    if (m_points.size() >= 2 && epoch - m_points[m_points.size() - 2].epoch < m_spacing) {
      m_points.back() = {epoch, loss};
      return;
    }
  }
  m_points.push_back({epoch, loss});
  if (m_points.size() < static_cast<std::size_t>(m_budget)) return;
  std::vector<TestLossPoint> kept;
  kept.reserve(m_points.size() / 2 + 1);
  for (std::size_t i = 0; i < m_points.size(); i += 2) kept.push_back(m_points[i]);
  if (!(kept.back() == m_points.back())) kept.push_back(m_points.back());
  m_points = std::move(kept);
  m_spacing *= 2;
}

}  // namespace nnlab
