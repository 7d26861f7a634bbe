#include "core/export/onnx_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/export/model_export.h"
#include "core/export/onnx_writer.h"
#include "onnx/onnx_pb.h"
#include "tests/core/cli_test_support.h"

namespace nnlab {
namespace {

using cli::testing::CliRun;
using cli::testing::run;
using cli::testing::TempDir;

/// Every activation, biases on some layers, z-score scaling.
ExportModel sampleModel() {
  NetworkSpec spec;
  spec.inputs = 3;
  spec.layers = {{4, Activation::Tanh}, {3, Activation::Relu}, {2, Activation::Sigmoid}};
  Network first(spec);
  first.initialize(Init::Xavier, 7);
  spec.inputs = 2;
  spec.layers = {{2, Activation::Step}, {2, Activation::Linear}, {3, Activation::Softmax}};
  Network second(spec);
  second.initialize(Init::Xavier, 8);
  std::vector<DenseLayer> layers = first.layers();
  for (const DenseLayer& layer : second.layers()) layers.push_back(layer);
  layers[3].weights = Matrix::Random(2, 2);
  layers[1].bias.resize(0);  // no bias here
  ModelFile file{
      Network::fromLayers(3, std::move(layers)),
      InputScaling(ScalingKind::ZScore, RowVector{{0.5, -1.0, 2.0}}, RowVector{{2.0, 0.25, 3.0}})};
  return ExportModel::fromModelFile(std::move(file), "sample");
}

void expectSameModel(const ModelFile& read, const ExportModel& written) {
  ASSERT_EQ(read.network.layerCount(), written.network.layerCount());
  EXPECT_EQ(read.network.inputs(), written.network.inputs());
  for (int l = 0; l < read.network.layerCount(); ++l) {
    const DenseLayer& a = read.network.layer(l);
    const DenseLayer& b = written.network.layer(l);
    EXPECT_EQ(a.activation, b.activation) << "layer " << l;
    EXPECT_EQ(a.weights, b.weights) << "layer " << l;
    EXPECT_EQ(a.bias, b.bias) << "layer " << l;
  }
  EXPECT_EQ(read.scaling.kind(), written.scaling.kind());
  EXPECT_EQ(read.scaling.offset(), written.scaling.offset());
  EXPECT_EQ(read.scaling.scale(), written.scaling.scale());
}

TEST(OnnxReader, ReadsBackEveryActivationBiasAndScalingExactly) {
  const ExportModel model = sampleModel();
  expectSameModel(modelFromOnnx(modelToOnnx(model), "sample.onnx"), model);
}

Matrix roundedToFloat(const Matrix& values) { return values.cast<float>().cast<double>(); }

TEST(OnnxReader, ReadsFloat32BackAsTheWeightsRoundedToFloat) {
  ExportModel model = sampleModel();
  const ModelFile read = modelFromOnnx(modelToOnnx(model, OnnxPrecision::Float32), "f.onnx");
  for (int l = 0; l < model.network.layerCount(); ++l) {
    DenseLayer& layer = model.network.layer(l);
    layer.weights = roundedToFloat(layer.weights);
    if (layer.hasBias()) layer.bias = roundedToFloat(layer.bias);
    EXPECT_NE(layer.weights, sampleModel().network.layer(l).weights);  // float32 rounds
  }
  model.scaling = InputScaling(model.scaling.kind(), roundedToFloat(model.scaling.offset()),
                               roundedToFloat(model.scaling.scale()));
  expectSameModel(read, model);
}

/// `text` holds one line: no line end anywhere.
void expectOneLine(const std::string& text) {
  EXPECT_EQ(text.find('\n'), std::string::npos) << text;
  EXPECT_FALSE(text.empty());
}

std::string withNode(int index, const std::string& op) {
  onnx::ModelProto proto;
  EXPECT_TRUE(proto.ParseFromString(modelToOnnx(sampleModel())));
  proto.mutable_graph()->mutable_node(index)->set_op_type(op);
  return proto.SerializeAsString();
}

TEST(OnnxReader, NamesTheFirstNodeItCannotRead) {
  // Nodes: Sub, Div (the scaling), MatMul, Add, Tanh, ...
  try {
    modelFromOnnx(withNode(4, "LeakyRelu"), "net.onnx");
    FAIL() << "read a LeakyRelu";
  } catch (const ModelError& e) {
    const std::string message = e.what();
    EXPECT_TRUE(message.starts_with("net.onnx: node 5 (LeakyRelu \"")) << message;
    EXPECT_NE(message.find("unsupported operator LeakyRelu"), std::string::npos) << message;
    expectOneLine(message);
  }
  EXPECT_THROW(modelFromOnnx(withNode(2, "Conv"), "net.onnx"), ModelError);
}

TEST(OnnxReader, EveryTruncationIsAOneLineErrorOrTheWholeModel) {
  const ExportModel model = sampleModel();
  const std::string bytes = modelToOnnx(model);
  int refused = 0;
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    try {
      // Cut between two fields at the end (metadata), the model is still whole.
      expectSameModel(modelFromOnnx(bytes.substr(0, size), "cut.onnx"), model);
    } catch (const ModelError& e) {
      ++refused;
      EXPECT_TRUE(std::string(e.what()).starts_with("cut.onnx: ")) << e.what();
      expectOneLine(e.what());
    }
  }
  EXPECT_GT(refused, static_cast<int>(bytes.size()) * 3 / 4);
}

TEST(OnnxReader, CorruptBytesAreAOneLineErrorNeverACrash) {
  const std::string bytes = modelToOnnx(sampleModel());
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    for (const char value : {'\xff', '\x00', '\x7f'}) {
      std::string corrupt = bytes;
      corrupt[at] = value;
      try {
        const ModelFile read = modelFromOnnx(corrupt, "bad.onnx");
        EXPECT_TRUE(read.network.allFinite());
      } catch (const ModelError& e) {
        expectOneLine(e.what());
      }
    }
  }
}

TEST(OnnxReader, AnEmptyOrForeignFileSaysItIsNotAModel) {
  EXPECT_THROW(modelFromOnnx("", "empty.onnx"), ModelError);
  EXPECT_THROW(modelFromOnnx("{\"layers\": []}", "json.onnx"), ModelError);
}

}  // namespace
}  // namespace nnlab
