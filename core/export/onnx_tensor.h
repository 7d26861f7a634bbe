#pragma once

// Internal to nnlab_export: ONNX constants as numbers.

#include <stdexcept>
#include <string>
#include <vector>

#include "onnx/onnx_pb.h"

namespace nnlab {

/// A float or double ONNX tensor's numbers, widened to double, in ONNX's row-major order.
struct OnnxConstant {
  std::vector<long long> dims;  ///< empty for a scalar
  std::vector<double> values;   ///< the product of dims numbers

  /// Number of dimensions.
  int rank() const { return static_cast<int>(dims.size()); }
};

/// Reads a tensor's numbers. Throws std::runtime_error with the reason (a type other than float
/// or double, data stored outside the file, a data size that does not match the dimensions).
/// Never allocates more than the tensor's data holds, whatever its dimensions claim.
OnnxConstant readOnnxTensor(const onnx::TensorProto& tensor);

/// "FLOAT", "INT64", … for a TensorProto data type.
std::string onnxTypeName(int dataType);

}  // namespace nnlab
