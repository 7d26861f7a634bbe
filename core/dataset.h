#pragma once

#include <string>
#include <vector>

#include "types.h"

namespace nnlab {

/// Samples to learn from: one sample per row, inputs and targets side by side.
struct Dataset {
  Matrix inputs;   ///< N × input columns
  Matrix targets;  ///< N × target columns
  std::vector<std::string> inputNames;
  std::vector<std::string> targetNames;

  int rows() const { return static_cast<int>(inputs.rows()); }
  int inputColumns() const { return static_cast<int>(inputs.cols()); }
  int targetColumns() const { return static_cast<int>(targets.cols()); }

  /// Builds a dataset with default column names (X1…, y / y1…).
  static Dataset fromMatrices(Matrix inputs, Matrix targets);
};

}  // namespace nnlab
