#include "ui/output/colour_scale.h"

#include <algorithm>
#include <cmath>

namespace nnlab {

namespace {

QColor mix(const QColor& from, const QColor& to, double t) {
  const auto channel = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
  return QColor(channel(from.red(), to.red()), channel(from.green(), to.green()),
                channel(from.blue(), to.blue()));
}

}  // namespace

QColor negativeColour() { return QColor(0xf5, 0x93, 0x22); }
QColor zeroColour() { return QColor(0xe8, 0xea, 0xeb); }
QColor positiveColour() { return QColor(0x08, 0x77, 0xbd); }

QColor divergingColour(double value, double range) {
  if (!std::isfinite(value))
    return std::isnan(value) ? zeroColour() : (value > 0 ? positiveColour() : negativeColour());
  if (!(range > 0.0) || !std::isfinite(range)) range = 1.0;
  const double t = std::clamp(value / range, -1.0, 1.0);
  return t < 0 ? mix(zeroColour(), negativeColour(), -t) : mix(zeroColour(), positiveColour(), t);
}

}  // namespace nnlab
