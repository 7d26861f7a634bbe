#include "ui/chart/log_axis_ticks.h"

#include <algorithm>
#include <cmath>

namespace nnlab {

namespace {

// 1e-307 is the smallest power of ten that is a normal double; 1e308 the largest below inf.
constexpr int kLowestExponent = -307;
constexpr int kHighestExponent = 308;
// Decades between labels. 300 is the largest whose power of ten is a finite double (the axis's
// base); with it even the whole range of doubles has three labels.
constexpr int kSteps[] = {1, 2, 5, 10, 20, 50, 100, 200, 300};

int floorMultiple(int value, int step) {
  return static_cast<int>(std::floor(static_cast<double>(value) / step)) * step;
}

int ceilMultiple(int value, int step) {
  return static_cast<int>(std::ceil(static_cast<double>(value) / step)) * step;
}

bool usable(double value) { return std::isfinite(value) && value > 0.0; }

}  // namespace

int LogAxisTicks::labelCount() const {
  if (high < low) return 0;
  return (floorMultiple(high, step) - ceilMultiple(low, step)) / step + 1;
}

double LogAxisTicks::base() const { return std::pow(10.0, step); }

LogAxisTicks chooseLogTicks(double smallest, double largest, int maxLabels) {
  if (!usable(smallest)) smallest = largest;
  if (!usable(largest)) largest = smallest;
  if (!usable(smallest)) return {};
  if (smallest > largest) std::swap(smallest, largest);
  int low = static_cast<int>(std::floor(std::log10(smallest)));
  int high = static_cast<int>(std::ceil(std::log10(largest)));
  low = std::clamp(low, kLowestExponent, kHighestExponent - 1);
  high = std::clamp(high, low + 1, kHighestExponent);
  maxLabels = std::max(maxLabels, 3);  // the whole range of doubles needs three
  LogAxisTicks ticks;
  for (const int step : kSteps) {
    // Both ends on a label where a double allows it, so the axis starts and ends labelled.
    ticks.step = step;
    ticks.low = std::max(floorMultiple(low, step), kLowestExponent);
    ticks.high = std::min(ceilMultiple(high, step), kHighestExponent);
    if (ticks.labelCount() <= maxLabels) break;
  }
  return ticks;
}

}  // namespace nnlab
