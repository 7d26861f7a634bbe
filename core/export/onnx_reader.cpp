#include "core/export/onnx_reader.h"

#include <climits>
#include <cmath>
#include <map>
#include <optional>

#include "core/export/export_model.h"
#include "core/export/onnx_tensor.h"
#include "core/json_reader.h"

namespace nnlab {
namespace {

constexpr const char* kSupported =
    "nnlab reads MatMul, Gemm, Add, Sub, Mul, Div, Sigmoid, Tanh, Relu, Softmax, Identity, "
    "Constant, and GreaterOrEqual 0 followed by Cast (step)";

std::string label(int index, const onnx::NodeProto& node) {
  std::string text = "node " + std::to_string(index) + " (" + node.op_type();
  if (!node.name().empty()) text += " \"" + node.name() + "\"";
  return text + ")";
}

/// A problem with the current node; the reader adds the file and the node's label.
struct NodeProblem : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const onnx::AttributeProto* attribute(const onnx::NodeProto& node, const std::string& name) {
  for (const auto& a : node.attribute())
    if (a.name() == name) return &a;
  return nullptr;
}

long long intAttribute(const onnx::NodeProto& node, const std::string& name, long long fallback) {
  const onnx::AttributeProto* a = attribute(node, name);
  if (!a) return fallback;
  if (a->type() != onnx::AttributeProto::INT)
    throw NodeProblem("attribute \"" + name + "\" is not a whole number");
  return a->i();
}

double floatAttribute(const onnx::NodeProto& node, const std::string& name, double fallback) {
  const onnx::AttributeProto* a = attribute(node, name);
  if (!a) return fallback;
  if (a->type() != onnx::AttributeProto::FLOAT)
    throw NodeProblem("attribute \"" + name + "\" is not a number");
  return a->f();
}

/// The layer being read: its weights, then perhaps a bias and an activation.
struct OpenLayer {
  DenseLayer layer;
  bool activated = false;
  bool compared = false;  ///< GreaterOrEqual seen, its Cast not yet
};

/// Walks the graph's nodes in order, each of which must take the previous one's output.
class ChainReader {
 public:
  ChainReader(const onnx::ModelProto& model, std::string file)
      : m_model(model), m_graph(model.graph()), m_file(std::move(file)) {}

  ModelFile read() {
    readHeader();
    int index = 0;
    for (const onnx::NodeProto& node : m_graph.node()) {
      ++index;
      try {
        readNode(node);
      } catch (const NodeProblem& problem) {
        fail(label(index, node) + ": " + problem.what());
      }
    }
    return finish();
  }

 private:
  /// Names from the file may hold line ends: the message stays on one line.
  [[noreturn]] void fail(const std::string& reason) const {
    throw ModelError(m_file + ": " + oneLine(reason));
  }

  void readHeader() {
    bool haveOpset = false;
    for (const auto& opset : m_model.opset_import()) {
      if (opset.domain().empty() || opset.domain() == "ai.onnx") {
        m_opset = opset.version();
        haveOpset = true;
      }
    }
    if (!m_model.has_graph()) fail("not an ONNX model with a graph (is the file complete?)");
    if (!haveOpset) fail("the model imports no version of the standard ONNX operators");
    for (const onnx::TensorProto& tensor : m_graph.initializer()) addConstant(tensor);
    std::vector<const onnx::ValueInfoProto*> inputs;
    for (const auto& input : m_graph.input())
      if (!m_constants.contains(input.name())) inputs.push_back(&input);
    if (inputs.size() != 1) {
      fail("the graph has " + std::to_string(inputs.size()) +
           " inputs besides its constants; nnlab reads one, [batch, inputs]");
    }
    if (m_graph.output_size() != 1) {
      fail("the graph has " + std::to_string(m_graph.output_size()) +
           " outputs; nnlab reads one, [batch, outputs]");
    }
    readInputType(*inputs.front());
    m_current = inputs.front()->name();
  }

  void readInputType(const onnx::ValueInfoProto& input) {
    const std::string name = "input \"" + input.name() + "\"";
    if (!input.type().has_tensor_type()) fail(name + " is not a tensor");
    const auto& tensor = input.type().tensor_type();
    const int type = tensor.elem_type();
    if (type != onnx::TensorProto::FLOAT && type != onnx::TensorProto::DOUBLE)
      fail(name + " holds " + onnxTypeName(type) + "; nnlab reads FLOAT and DOUBLE");
    if (!tensor.has_shape()) return;
    if (tensor.shape().dim_size() != 2) {
      fail(name + " has " + std::to_string(tensor.shape().dim_size()) +
           " dimensions; nnlab reads [batch, inputs]");
    }
    if (tensor.shape().dim(1).has_dim_value()) m_declaredInputs = tensor.shape().dim(1).dim_value();
  }

  void addConstant(const onnx::TensorProto& tensor) {
    try {
      m_constants[tensor.name()] = readOnnxTensor(tensor);
    } catch (const std::runtime_error& problem) {
      fail("constant \"" + tensor.name() + "\": " + problem.what());
    }
  }

  const OnnxConstant& constant(const std::string& name) const {
    const auto found = m_constants.find(name);
    if (found == m_constants.end())
      throw NodeProblem("input \"" + name + "\" is not a constant (nnlab reads a chain of layers)");
    return found->second;
  }

  /// The node's constant operand; the other input must be the chain's current tensor. Binary
  /// operators whose operands commute may take them in either order.
  const OnnxConstant& operand(const onnx::NodeProto& node, bool commutes) const {
    if (node.input_size() != 2) throw NodeProblem("expected 2 inputs");
    if (node.input(0) == m_current) return constant(node.input(1));
    if (commutes && node.input(1) == m_current) return constant(node.input(0));
    throw NodeProblem(notOnChain());
  }

  std::string notOnChain() const {
    return "it does not take \"" + m_current + "\", the output of the node before it";
  }

  void readNode(const onnx::NodeProto& node) {
    const std::string& op = node.op_type();
    if (!node.domain().empty() && node.domain() != "ai.onnx")
      throw NodeProblem("operator " + op + " of domain \"" + node.domain() + "\" is not supported");
    if (op == "Constant") return readConstantNode(node);
    if (node.output_size() != 1) throw NodeProblem("expected 1 output");
    if (m_layer && m_layer->compared && op != "Cast")
      throw NodeProblem("expected a Cast after GreaterOrEqual (a step activation)");
    if (op == "MatMul" || op == "Gemm") {
      startLayer(node);
    } else if (op == "Add" && m_layer) {
      addBias(operand(node, true));
    } else if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div") {
      addScaling(node);
    } else if (op == "Sigmoid" || op == "Tanh" || op == "Relu" || op == "Softmax" ||
               op == "Identity") {
      readActivation(node);
    } else if (op == "GreaterOrEqual") {
      readComparison(node);
    } else if (op == "Cast") {
      readCast(node);
    } else {
      throw NodeProblem("unsupported operator " + op + " (" + kSupported + ")");
    }
    m_current = node.output(0);
  }

  void readConstantNode(const onnx::NodeProto& node) {
    const onnx::AttributeProto* value = attribute(node, "value");
    if (node.output_size() != 1 || !value || value->type() != onnx::AttributeProto::TENSOR)
      throw NodeProblem("nnlab reads Constant nodes holding a tensor \"value\"");
    try {
      m_constants[node.output(0)] = readOnnxTensor(value->t());
    } catch (const NodeProblem&) {
      throw;
    } catch (const std::runtime_error& problem) {
      throw NodeProblem(problem.what());
    }
  }

  void startLayer(const onnx::NodeProto& node);
  void addBias(const OnnxConstant& bias);
  void addScaling(const onnx::NodeProto& node);
  void readActivation(const onnx::NodeProto& node);
  void readComparison(const onnx::NodeProto& node);
  void readCast(const onnx::NodeProto& node);
  void closeLayer();
  InputScaling scaling(int inputs) const;
  ModelFile finish();

  const onnx::ModelProto& m_model;
  const onnx::GraphProto& m_graph;
  std::string m_file;
  long long m_opset = 0;
  std::optional<long long> m_declaredInputs;
  std::map<std::string, OnnxConstant> m_constants;
  std::string m_current;
  std::vector<std::pair<std::string, OnnxConstant>> m_scaling;  ///< operator, operand
  std::vector<DenseLayer> m_layers;
  std::optional<OpenLayer> m_layer;
};

/// `values` as a `rows` × `columns` matrix, read row by row.
Matrix rowMajor(const std::vector<double>& values, long long rows, long long columns) {
  Matrix result(rows, columns);
  for (long long i = 0; i < rows; ++i)
    for (long long j = 0; j < columns; ++j) result(i, j) = values[i * columns + j];
  return result;
}

/// One number per unit: `values` as they are, or one value repeated (broadcast).
RowVector perUnit(const OnnxConstant& values, long long units, const char* what) {
  const auto count = static_cast<long long>(values.values.size());
  if (count != units && count != 1) {
    throw NodeProblem(std::string(what) + " has " + std::to_string(count) + " numbers but " +
                      std::to_string(units) + " are needed, one per unit");
  }
  if (values.rank() > 2 || (values.rank() == 2 && values.dims[0] != 1))
    throw NodeProblem(std::string(what) + " must be a vector or a single row");
  RowVector result(units);
  for (long long j = 0; j < units; ++j) result(j) = values.values[count == 1 ? 0 : j];
  return result;
}

void ChainReader::startLayer(const onnx::NodeProto& node) {
  const bool gemm = node.op_type() == "Gemm";
  if (node.input_size() < 2 || node.input_size() > (gemm ? 3 : 2))
    throw NodeProblem("unexpected number of inputs");
  if (node.input(0) != m_current) throw NodeProblem(notOnChain());
  const OnnxConstant& b = constant(node.input(1));
  if (b.rank() != 2) throw NodeProblem("the weights must be a matrix");
  if (gemm && intAttribute(node, "transA", 0) != 0)
    throw NodeProblem("transA is not supported (the input is one sample per row)");
  const bool transposed = gemm && intAttribute(node, "transB", 0) != 0;
  const long long fanIn = transposed ? b.dims[1] : b.dims[0];
  const long long units = transposed ? b.dims[0] : b.dims[1];
  if (fanIn < 1 || units < 1) throw NodeProblem("the weights have no rows or no columns");
  const long long expected = m_layer ? m_layer->layer.units() : m_declaredInputs.value_or(fanIn);
  if (fanIn != expected) {
    throw NodeProblem("the weights have " + std::to_string(fanIn) + " rows but " +
                      (m_layer ? "the previous layer has " : "the input has ") +
                      std::to_string(expected) + (m_layer ? " units" : " columns"));
  }
  closeLayer();
  OpenLayer layer;
  layer.layer.activation = Activation::Linear;
  Matrix weights = rowMajor(b.values, b.dims[0], b.dims[1]);
  layer.layer.weights = transposed ? Matrix(weights.transpose()) : weights;
  if (gemm) {
    const double alpha = floatAttribute(node, "alpha", 1.0);
    if (alpha != 1.0) layer.layer.weights *= alpha;
  }
  m_layer = std::move(layer);
  if (gemm && node.input_size() == 3 && !node.input(2).empty()) {
    addBias(constant(node.input(2)));
    const double beta = floatAttribute(node, "beta", 1.0);
    if (beta != 1.0) m_layer->layer.bias *= beta;
  }
}

void ChainReader::addBias(const OnnxConstant& bias) {
  if (m_layer->layer.hasBias() || m_layer->activated)
    throw NodeProblem("nnlab reads an Add only as a layer's bias, right after its MatMul");
  m_layer->layer.bias = perUnit(bias, m_layer->layer.units(), "the bias");
}

void ChainReader::addScaling(const onnx::NodeProto& node) {
  const std::string& op = node.op_type();
  if (m_layer) {
    throw NodeProblem("nnlab reads " + op +
                      " only in front of the first layer (the input scaling) or, for Add, as "
                      "a bias");
  }
  m_scaling.emplace_back(op, operand(node, op == "Add" || op == "Mul"));
}

void ChainReader::readActivation(const onnx::NodeProto& node) {
  const std::string& op = node.op_type();
  if (node.input_size() != 1 || node.input(0) != m_current) throw NodeProblem(notOnChain());
  if (op == "Identity") return;  // changes nothing, wherever it is
  if (!m_layer) throw NodeProblem("an activation before the first MatMul or Gemm");
  if (m_layer->activated) throw NodeProblem("a second activation on one layer");
  if (op == "Softmax") {
    const long long axis = intAttribute(node, "axis", m_opset < 13 ? 1 : -1);
    if (axis != 1 && axis != -1)
      throw NodeProblem("softmax over axis " + std::to_string(axis) + "; nnlab reads axis 1");
  }
  m_layer->layer.activation = op == "Sigmoid" ? Activation::Sigmoid
                              : op == "Tanh"  ? Activation::Tanh
                              : op == "Relu"  ? Activation::Relu
                                              : Activation::Softmax;
  m_layer->activated = true;
}

void ChainReader::readComparison(const onnx::NodeProto& node) {
  if (!m_layer || m_layer->activated)
    throw NodeProblem("nnlab reads GreaterOrEqual only as a layer's step activation");
  const OnnxConstant& threshold = operand(node, false);
  for (const double value : threshold.values)
    if (value != 0.0) throw NodeProblem("a step activation compares with 0 (fold T into b)");
  perUnit(threshold, m_layer->layer.units(), "the threshold");
  m_layer->compared = true;
}

void ChainReader::readCast(const onnx::NodeProto& node) {
  if (!m_layer || !m_layer->compared)
    throw NodeProblem("nnlab reads Cast only after GreaterOrEqual (a step activation)");
  if (node.input_size() != 1 || node.input(0) != m_current) throw NodeProblem(notOnChain());
  const long long to = intAttribute(node, "to", 0);
  if (to != onnx::TensorProto::FLOAT && to != onnx::TensorProto::DOUBLE)
    throw NodeProblem("a step must be cast to FLOAT or DOUBLE");
  m_layer->compared = false;
  m_layer->activated = true;
  m_layer->layer.activation = Activation::Step;
}

void ChainReader::closeLayer() {
  if (m_layer) m_layers.push_back(std::move(m_layer->layer));
  m_layer.reset();
}

// x' = (x − offset) / scale, composed operator by operator: Sub c: offset += c·scale;
// Add c: offset −= c·scale; Div d: scale *= d; Mul m: scale /= m.
InputScaling ChainReader::scaling(int inputs) const {
  if (m_scaling.empty()) return {};
  RowVector offset = RowVector::Zero(inputs);
  RowVector scale = RowVector::Ones(inputs);
  for (const auto& [op, operand] : m_scaling) {
    const RowVector c = perUnit(operand, inputs, ("the " + op + "'s constant").c_str());
    if (op == "Sub") offset.array() += c.array() * scale.array();
    if (op == "Add") offset.array() -= c.array() * scale.array();
    if (op == "Div") scale.array() *= c.array();
    if (op == "Mul") scale.array() /= c.array();
  }
  if (!offset.allFinite() || !scale.allFinite() || (scale.array() == 0.0).any())
    throw NodeProblem("the input scaling divides by 0 or is not finite");
  ScalingKind kind = ScalingKind::ZScore;
  for (const auto& entry : m_model.metadata_props()) {
    if (entry.key() == "nnlab.input_scaling" && entry.value() == "minmax")
      kind = ScalingKind::MinMax;
  }
  return InputScaling(kind, std::move(offset), std::move(scale));
}

ModelFile ChainReader::finish() {
  if (m_layer && m_layer->compared) fail("the graph ends after GreaterOrEqual, without its Cast");
  closeLayer();
  if (m_layers.empty()) fail("the graph has no MatMul or Gemm: it holds no layer nnlab reads");
  if (m_current != m_graph.output(0).name()) {
    fail("the graph's output \"" + m_graph.output(0).name() + "\" is not the last node's (\"" +
         m_current + "\")");
  }
  const int inputs = m_layers.front().fanIn();
  ModelFile result;
  try {
    result.scaling = scaling(inputs);
    result.network = Network::fromLayers(inputs, std::move(m_layers));
  } catch (const std::exception& problem) {
    fail(problem.what());
  }
  if (!result.network.allFinite()) fail("a weight or bias is not a finite number");
  return result;
}

}  // namespace

ModelFile modelFromOnnx(std::string_view bytes, const std::string& fileName) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw ModelError(fileName + ": too large for an ONNX model (over 2 GB)");
  onnx::ModelProto model;
  if (!model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    throw ModelError(fileName + ": not an ONNX model: the protobuf data is truncated or corrupt");
  }
  return ChainReader(model, fileName).read();
}

ModelFile readOnnxFile(const std::string& path) {
  return modelFromOnnx(json::readFile<ModelError>(path), path);
}

}  // namespace nnlab
