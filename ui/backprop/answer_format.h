#pragma once

#include <QString>
#include <vector>

#include "core/types.h"

namespace nnlab {

/// Per target column, the decimals that show its ŷ and y − ŷ in one format, so that 0.0185
/// never stands next to 0.02216: as many as give the column's largest |ŷ| or |y| five digits
/// (at most 4; e.g. 0.0185 and 0.9800), none when every ŷ and y is whole (a step unit's 0 and
/// 1), and −1 (four significant digits) from 10⁶ on or when there are no predictions.
/// `predictions` and `targets` are rows × targets; non-finite predictions are left out.
std::vector<int> answerDecimals(const Matrix& predictions, const Matrix& targets);

/// `value` with `decimals` decimals, or four significant digits for −1; empty for NaN.
QString formatAnswer(double value, int decimals);

}  // namespace nnlab
