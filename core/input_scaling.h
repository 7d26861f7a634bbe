#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/dataset.h"
#include "core/types.h"

namespace nnlab {

/// How inputs are rescaled before they reach the network.
enum class ScalingKind {
  None,    ///< as they are
  MinMax,  ///< to [0, 1] over the training rows: offset = min, scale = max − min
  ZScore,  ///< to mean 0 and standard deviation 1 over the training rows
};

std::string_view scalingName(ScalingKind kind);
std::optional<ScalingKind> parseScaling(std::string_view name);
std::string scalingNames();

/// A per-column affine map of the inputs, x' = (x − offset) / scale, fitted on the training rows
/// and applied to every row, so that a saved model can be fed raw data. A plain value.
class InputScaling {
 public:
  /// The identity (kind None, no columns).
  InputScaling() = default;
  /// Throws std::invalid_argument unless offset and scale have the same size, are finite and
  /// every scale is non-zero.
  InputScaling(ScalingKind kind, RowVector offset, RowVector scale);

  /// Fits `kind` to the training rows of `dataset` (test rows are ignored). A column that is
  /// constant there gets scale 1.
  static InputScaling fit(ScalingKind kind, const Dataset& dataset);

  ScalingKind kind() const { return m_kind; }
  const RowVector& offset() const { return m_offset; }  ///< 1 × inputs (empty for None)
  const RowVector& scale() const { return m_scale; }    ///< 1 × inputs (empty for None)
  bool isIdentity() const { return m_kind == ScalingKind::None; }

  /// (inputs − offset) / scale, row by row; `inputs` unchanged for None. Throws
  /// std::invalid_argument when the column count differs.
  Matrix apply(const Matrix& inputs) const;
  /// `dataset` with its inputs scaled (targets, names and test flags kept).
  Dataset apply(Dataset dataset) const;

 private:
  ScalingKind m_kind = ScalingKind::None;
  RowVector m_offset;
  RowVector m_scale;
};

}  // namespace nnlab
