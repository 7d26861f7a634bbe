#include "core/export/onnx_writer.h"

#include <cmath>
#include <limits>

#include "onnx/onnx_pb.h"

namespace nnlab {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text.append(text.empty() ? "" : ", ").append(name);
  return text;
}

/// Adds nodes and constants to a graph whose tensors all have one number type.
class GraphBuilder {
 public:
  GraphBuilder(onnx::GraphProto& graph, OnnxPrecision precision)
      : m_graph(graph), m_float32(precision == OnnxPrecision::Float32) {}

  int elementType() const {
    return m_float32 ? onnx::TensorProto::FLOAT : onnx::TensorProto::DOUBLE;
  }

  /// A constant `rows` × `columns` tensor (a vector when `rows` is 0) from `values`, read row by
  /// row as ONNX stores it.
  void addConstant(const std::string& name, const Matrix& values, bool vector) {
    onnx::TensorProto& tensor = *m_graph.add_initializer();
    tensor.set_name(name);
    tensor.set_data_type(elementType());
    if (!vector) tensor.add_dims(values.rows());
    tensor.add_dims(values.cols());
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
      for (Eigen::Index j = 0; j < values.cols(); ++j) add(tensor, values(i, j), name);
    }
  }

  /// A scalar constant.
  void addScalar(const std::string& name, double value) {
    onnx::TensorProto& tensor = *m_graph.add_initializer();
    tensor.set_name(name);
    tensor.set_data_type(elementType());
    add(tensor, value, name);
  }

  onnx::NodeProto& addNode(const std::string& op, const std::vector<std::string>& inputs,
                           const std::string& output, const std::string& doc) {
    onnx::NodeProto& node = *m_graph.add_node();
    node.set_op_type(op);
    node.set_name(output + "_" + op);
    for (const std::string& input : inputs) node.add_input(input);
    node.add_output(output);
    node.set_doc_string(doc);
    return node;
  }

  void addValue(google::protobuf::RepeatedPtrField<onnx::ValueInfoProto>& list,
                const std::string& name, int columns, const std::string& doc) {
    onnx::ValueInfoProto& value = *list.Add();
    value.set_name(name);
    value.set_doc_string(doc);
    onnx::TypeProto_Tensor& tensor = *value.mutable_type()->mutable_tensor_type();
    tensor.set_elem_type(elementType());
    tensor.mutable_shape()->add_dim()->set_dim_param("batch");
    tensor.mutable_shape()->add_dim()->set_dim_value(columns);
  }

 private:
  void add(onnx::TensorProto& tensor, double value, const std::string& name) const {
    if (!std::isfinite(value) ||
        (m_float32 && std::abs(value) > std::numeric_limits<float>::max())) {
      throw ModelError("cannot export " + name + ": a value is " +
                       (std::isfinite(value) ? "too large for float32" : "not a finite number"));
    }
    if (m_float32)
      tensor.add_float_data(static_cast<float>(value));
    else
      tensor.add_double_data(value);
  }

  onnx::GraphProto& m_graph;
  bool m_float32;
};

const char* activationOp(Activation activation) {
  switch (activation) {
    case Activation::Sigmoid:
      return "Sigmoid";
    case Activation::Tanh:
      return "Tanh";
    case Activation::Relu:
      return "Relu";
    case Activation::Softmax:
      return "Softmax";
    case Activation::Linear:
    case Activation::Step:
      break;
  }
  return "Identity";
}

/// Sub offset, Div scale; returns the scaled tensor's name.
std::string addScaling(GraphBuilder& graph, const InputScaling& scaling) {
  if (scaling.isIdentity()) return "input";
  const std::string kind(scalingName(scaling.kind()));
  graph.addConstant("input_offset", scaling.offset(), true);
  graph.addConstant("input_scale", scaling.scale(), true);
  graph.addNode("Sub", {"input", "input_offset"}, "input_centred",
                "input scaling (" + kind + "): x − offset");
  graph.addNode("Div", {"input_centred", "input_scale"}, "scaled_input",
                "input scaling (" + kind + "): (x − offset) / scale");
  return "scaled_input";
}

/// One dense layer: MatMul, Add (with biases), the activation. Returns its output's name.
std::string addLayer(GraphBuilder& graph, const DenseLayer& layer, int number,
                     const std::string& input, bool last) {
  const std::string prefix = "layer" + std::to_string(number);
  const std::string doc = "layer " + std::to_string(number) + ": " + std::to_string(layer.fanIn()) +
                          " → " + std::to_string(layer.units()) + " units, " +
                          std::string(activationName(layer.activation));
  graph.addConstant(prefix + "_weights", layer.weights, false);
  std::string z = prefix + (layer.hasBias() ? "_xw" : "_z");
  graph.addNode("MatMul", {input, prefix + "_weights"}, z, doc + ": x·W");
  if (layer.hasBias()) {
    graph.addConstant(prefix + "_bias", layer.bias, true);
    graph.addNode("Add", {z, prefix + "_bias"}, prefix + "_z", doc + ": z = x·W + b");
    z = prefix + "_z";
  }
  const std::string a = last ? std::string("output") : prefix + "_a";
  if (layer.activation == Activation::Step) {
    graph.addScalar(prefix + "_threshold", 0.0);
    graph.addNode("GreaterOrEqual", {z, prefix + "_threshold"}, prefix + "_fires", doc + ": z ≥ 0");
    auto& cast = graph.addNode("Cast", {prefix + "_fires"}, a, doc + ": a = 1 if z ≥ 0, else 0");
    auto& to = *cast.add_attribute();
    to.set_name("to");
    to.set_type(onnx::AttributeProto::INT);
    to.set_i(graph.elementType());
    return a;
  }
  auto& node = graph.addNode(activationOp(layer.activation), {z}, a, doc + ": a = f(z)");
  if (layer.activation == Activation::Softmax) {
    auto& axis = *node.add_attribute();
    axis.set_name("axis");
    axis.set_type(onnx::AttributeProto::INT);
    axis.set_i(1);
  }
  return a;
}

void addMetadata(onnx::ModelProto& proto, const std::string& key, const std::string& value) {
  auto& entry = *proto.add_metadata_props();
  entry.set_key(key);
  entry.set_value(value);
}

std::string modelDoc(const ExportModel& model) {
  std::string doc = "nnlab model \"" + model.name + "\": a " + model.shapeText() +
                    " multilayer perceptron (one sample per row, z = x·W + b, a = f(z)). ";
  const std::string settings = model.settingsText();
  return doc + (settings.empty() ? "Training settings: not recorded in the file it came from."
                                 : "Trained with: " + settings + ".");
}

}  // namespace

std::string modelToOnnx(const ExportModel& model, OnnxPrecision precision) {
  onnx::ModelProto proto;
  proto.set_ir_version(kOnnxIrVersion);
  auto& opset = *proto.add_opset_import();
  opset.set_domain("");
  opset.set_version(kOnnxOpset);
  proto.set_producer_name("nnlab");
  proto.set_producer_version(NNLAB_VERSION);
  proto.set_doc_string(modelDoc(model));
  addMetadata(proto, "nnlab.shape", model.shapeText());
  addMetadata(proto, "nnlab.input_scaling", std::string(scalingName(model.scaling.kind())));
  addMetadata(proto, "nnlab.inputs", joined(model.inputNames));
  addMetadata(proto, "nnlab.outputs", joined(model.outputNames));
  for (const auto& [key, value] : model.settings)
    addMetadata(proto, "nnlab.training." + key, value);

  onnx::GraphProto& graphProto = *proto.mutable_graph();
  graphProto.set_name(model.name);
  graphProto.set_doc_string(modelDoc(model));
  GraphBuilder graph(graphProto, precision);
  const Network& network = model.network;
  graph.addValue(*graphProto.mutable_input(), "input", network.inputs(),
                 "one sample per row: " + joined(model.inputNames) +
                     (model.scaling.isIdentity() ? "" : " (raw values: the graph scales them)"));
  graph.addValue(*graphProto.mutable_output(), "output", network.outputs(),
                 "one prediction per row: " + joined(model.outputNames));
  std::string current = addScaling(graph, model.scaling);
  for (int l = 0; l < network.layerCount(); ++l)
    current = addLayer(graph, network.layer(l), l + 1, current, l + 1 == network.layerCount());
  std::string bytes;
  if (!proto.SerializeToString(&bytes)) throw ModelError("cannot serialise the ONNX model");
  return bytes;
}

}  // namespace nnlab
