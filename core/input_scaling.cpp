#include "core/input_scaling.h"

#include <array>
#include <cmath>
#include <stdexcept>

#include "core/name_table.h"

namespace nnlab {
namespace {

constexpr NameTable<ScalingKind, 3> kScalings{{{
    {ScalingKind::None, "none"},
    {ScalingKind::MinMax, "minmax"},
    {ScalingKind::ZScore, "zscore"},
}}};

// A spread of 0 (a constant column) would divide by zero; such a column is only shifted.
double usableScale(double spread) { return spread > 0.0 && std::isfinite(spread) ? spread : 1.0; }

}  // namespace

std::string_view scalingName(ScalingKind kind) { return kScalings.name(kind); }

std::optional<ScalingKind> parseScaling(std::string_view name) { return kScalings.parse(name); }

std::string scalingNames() { return kScalings.names(); }

InputScaling::InputScaling(ScalingKind kind, RowVector offset, RowVector scale)
    : m_kind(kind), m_offset(std::move(offset)), m_scale(std::move(scale)) {
  if (m_offset.size() != m_scale.size()) {
    throw std::invalid_argument("input scaling: " + std::to_string(m_offset.size()) +
                                " offsets but " + std::to_string(m_scale.size()) + " scales");
  }
  if (!m_offset.allFinite() || !m_scale.allFinite() || (m_scale.array() == 0.0).any()) {
    throw std::invalid_argument("input scaling: offsets and scales must be finite, scales ≠ 0");
  }
}

InputScaling InputScaling::fit(ScalingKind kind, const Dataset& dataset) {
  if (kind == ScalingKind::None) return {};
  const Matrix x = dataset.testRowCount() > 0 ? selectRows(dataset, false).inputs : dataset.inputs;
  const auto columns = x.cols();
  RowVector offset(columns);
  RowVector scale(columns);
  for (Eigen::Index c = 0; c < columns; ++c) {
    if (kind == ScalingKind::MinMax) {
      offset(c) = x.col(c).minCoeff();
      scale(c) = usableScale(x.col(c).maxCoeff() - offset(c));
    } else {
      offset(c) = x.col(c).mean();
      const double variance = (x.col(c).array() - offset(c)).square().mean();
      scale(c) = usableScale(std::sqrt(variance));
    }
  }
  return InputScaling(kind, std::move(offset), std::move(scale));
}

Matrix InputScaling::apply(const Matrix& inputs) const {
  if (isIdentity()) return inputs;
  if (inputs.cols() != m_offset.size()) {
    throw std::invalid_argument("the input scaling has " + std::to_string(m_offset.size()) +
                                " columns but the data has " + std::to_string(inputs.cols()));
  }
  Matrix result = inputs;
  result.rowwise() -= m_offset;
  result.array().rowwise() /= m_scale.array();
  return result;
}

Dataset InputScaling::apply(Dataset dataset) const {
  dataset.inputs = apply(dataset.inputs);
  return dataset;
}

}  // namespace nnlab
