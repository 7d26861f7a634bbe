#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/types.h"

namespace nnlab {

/// Samples to learn from: one sample per row, inputs and targets side by side.
struct Dataset {
  Matrix inputs;   ///< N × input columns
  Matrix targets;  ///< N × target columns
  std::vector<std::string> inputNames;
  std::vector<std::string> targetNames;
  /// Per row, non-zero when the row is held out for testing (never trained on). Empty: every row
  /// trains. (char, not bool, so that rows can be addressed and counted cheaply.)
  std::vector<char> testRows;

  int rows() const { return static_cast<int>(inputs.rows()); }
  int inputColumns() const { return static_cast<int>(inputs.cols()); }
  int targetColumns() const { return static_cast<int>(targets.cols()); }
  /// True when row `row` is a test row.
  bool isTestRow(int row) const {
    return row < static_cast<int>(testRows.size()) && testRows[row] != 0;
  }
  /// Number of test rows (0 without a split).
  int testRowCount() const;
  /// Number of rows trained on.
  int trainingRowCount() const { return rows() - testRowCount(); }

  /// Builds a dataset with default column names (X1…, y / y1…).
  static Dataset fromMatrices(Matrix inputs, Matrix targets);
};

/// True when both hold the same values, names and test flags.
bool sameData(const Dataset& a, const Dataset& b);

/// The rows of `dataset` whose test flag equals `test`, in order, names kept, no flags.
Dataset selectRows(const Dataset& dataset, bool test);

/// Marks round(rows·percent/100) rows, drawn without replacement from `seed`, as test rows
/// (percent in [0, 100]; 0 clears the split). The same seed always picks the same rows.
void splitTestRows(Dataset& dataset, double percent, std::uint64_t seed);

/// Turns a single target column of class labels 0…classes−1 into `classes` one-hot columns
/// (named "<target>=0", …). Throws std::invalid_argument naming the first row whose label is
/// not a whole number in range, or when the data has more than one target column.
Dataset expandClassLabels(const Dataset& dataset, int classes);

}  // namespace nnlab
