#pragma once

#include <QColor>

namespace nnlab {

/// The diverging scale used wherever a signed value is shown (edges, biases, tables, legend):
/// orange #f59322 for −range, light grey #e8eaeb at 0, blue #0877bd for +range. Values beyond
/// ±range saturate; NaN gives grey. A range ≤ 0 is treated as 1.
QColor divergingColour(double value, double range);

/// Colours the scale interpolates between, for legends.
QColor negativeColour();
QColor zeroColour();
QColor positiveColour();

}  // namespace nnlab
