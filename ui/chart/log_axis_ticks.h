#pragma once

namespace nnlab {

/// What a logarithmic loss axis shows: the range 10^low … 10^high, with a label and a grid line
/// at every exponent that is a multiple of `step` (every decade, every other one, every fifth…).
struct LogAxisTicks {
  int low = -3;
  int high = 0;
  int step = 1;
  /// The labelled exponents in [low, high]: the multiples of `step`.
  int labelCount() const;
  /// 10^step: the base a QLogValueAxis needs to put its ticks there.
  double base() const;
};

/// Chooses the range and labels for positive values from `smallest` to `largest`: whole
/// decades around them, and the smallest step of 1, 2 or 5 × 10^k decades (up to 300) that
/// leaves at most `maxLabels` labels, so that a loss that ran from 1e-300 to 1e300 gets seven
/// labels, not six hundred. Exponents stay within what a double holds (1e-307 … 1e308).
/// `maxLabels` below 3 counts as 3. Arguments that are not positive finite numbers are ignored
/// (both: the range 1e-3 … 1).
LogAxisTicks chooseLogTicks(double smallest, double largest, int maxLabels = 8);

}  // namespace nnlab
