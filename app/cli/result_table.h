#pragma once

#include <string>

#include "core/dataset.h"
#include "core/types.h"

namespace nnlab::cli {

/// The seed article's table, one line per row: its inputs, the network's prediction and the
/// actual target, e.g.
///   X1 X2 X3 | prediction | y (actual)
///    0  0  1 |     0.0213 |          0
/// `predictions` is rows × target columns. Columns are right-aligned; lines end in "\n".
std::string resultTable(const Dataset& dataset, const Matrix& predictions);

}  // namespace nnlab::cli
