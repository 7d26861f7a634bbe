#pragma once

#include <string>

#include "core/export/export_model.h"

namespace nnlab {

/// The number type of an exported ONNX graph's tensors.
enum class OnnxPrecision { Float64, Float32 };

/// The ONNX operator set the exports use (Softmax with one axis, GreaterOrEqual for step).
inline constexpr int kOnnxOpset = 13;
/// The ONNX IR version that goes with kOnnxOpset.
inline constexpr int kOnnxIrVersion = 7;

/// The model as a serialised ONNX ModelProto (binary), built with ONNX's own protobuf classes:
///   input [batch, inputs] → Sub offset → Div scale (when scaled) → per layer MatMul W, Add b
///   (when it has biases) and its activation (Sigmoid, Tanh, Relu, Softmax on axis 1, Identity
///   for linear, GreaterOrEqual 0 then Cast for step) → output [batch, outputs].
/// Doc strings carry the shape, the column names and the training settings. Throws ModelError
/// when a weight is not finite (or, in float32, too large for a float).
std::string modelToOnnx(const ExportModel& model, OnnxPrecision precision = OnnxPrecision::Float64);

}  // namespace nnlab
