#pragma once

#include <string>
#include <string_view>

#include "core/model_json.h"

namespace nnlab {

/// Reads an ONNX model (binary ModelProto) that holds a multilayer perceptron: one input
/// [batch, inputs], optionally Sub/Add/Mul/Div by constants in front (the input scaling), then
/// per layer a MatMul by a constant (or a Gemm, as PyTorch exports nn.Linear), an optional Add
/// of a constant bias and at most one activation (Sigmoid, Tanh, Relu, Softmax on the last
/// axis, Identity, or GreaterOrEqual 0 followed by Cast for step; none is linear), ending in the
/// graph's one output. Constants are initializers or Constant nodes, FLOAT or DOUBLE. Throws
/// ModelError naming `fileName` and, for a graph it cannot read, the first such node:
///   "net.onnx: node 3 (Conv \"conv1\"): unsupported operator Conv (nnlab reads …)".
ModelFile modelFromOnnx(std::string_view bytes, const std::string& fileName);
/// Reads an ONNX file; throws ModelError (also when it cannot be read).
ModelFile readOnnxFile(const std::string& path);

}  // namespace nnlab
