#include "core/model_json.h"

#include <string_view>

#include "core/atomic_file.h"
#include "core/json_reader.h"

namespace nnlab {
namespace {

using json::brief;
using json::counted;
using json::Json;
using json::quoted;

[[noreturn]] void fail(const std::string& file, const std::string& reason) {
  throw ModelError(std::string(file).append(": ").append(reason));
}

using Reader = json::Reader<ModelError>;

Matrix readWeights(const Json& layer, int fanIn, int units, int index, const Reader& reader) {
  const std::string from = index == 1 ? "the network has " + counted(fanIn, "input")
                                      : "the previous layer has " + counted(fanIn, "unit");
  const Json& rows = reader.array(reader.member(layer, "weights"), "weights", fanIn, "row", from);
  for (int i = 0; i < fanIn; ++i) {
    const std::string name = "weights[" + std::to_string(i) + "]";
    reader.array(rows[i], name, units, "number", "the layer has " + counted(units, "unit"));
  }
  Matrix weights(fanIn, units);
  for (int i = 0; i < fanIn; ++i) {
    for (int j = 0; j < units; ++j) {
      const std::string name = "weights[" + std::to_string(i) + "][" + std::to_string(j) + "]";
      weights(i, j) = reader.number(rows[i][j], name);
    }
  }
  return weights;
}

DenseLayer readLayer(const Json& layer, int index, int fanIn, const std::string& file) {
  const Reader reader(file, "layer " + std::to_string(index));
  if (!layer.is_object())
    reader.fail(std::string("must be an object (got ") + layer.type_name() + ")");
  reader.onlyKeys(layer, {"units", "activation", "weights", "bias"});
  DenseLayer result;
  const int units = reader.count(layer, "units", 1);
  const Json& activation = reader.member(layer, "activation");
  const auto parsed =
      activation.is_string() ? parseActivation(activation.get<std::string>()) : std::nullopt;
  if (!parsed) {
    reader.fail("unknown activation " + brief(activation) + " (valid: " + activationNames() + ")");
  }
  result.activation = *parsed;
  result.weights = readWeights(layer, fanIn, units, index, reader);
  if (const auto bias = layer.find("bias"); bias != layer.end()) {
    reader.array(*bias, "bias", units, "number", "the layer has " + counted(units, "unit"));
    result.bias.resize(units);
    for (int j = 0; j < units; ++j) {
      result.bias(j) = reader.number((*bias)[j], "bias[" + std::to_string(j) + "]");
    }
  }
  return result;
}

void checkHeader(const Json& root, const std::string& file) {
  const Reader reader(file, "");
  if (!root.is_object()) {
    reader.fail(std::string("not an nnlab model: the top level is ") + root.type_name() +
                ", not an object");
  }
  const auto format = root.find("format");
  if (format == root.end() || !format->is_string() || format->get<std::string>() != kModelFormat) {
    reader.fail(std::string("not an nnlab model: \"format\" is ")
                    .append(format == root.end() ? "missing" : brief(*format))
                    .append(", expected ")
                    .append(quoted(kModelFormat)));
  }
  const Json& version = reader.member(root, "version");
  if (!version.is_number_integer() || version.get<long long>() < 1) {
    reader.fail("\"version\" must be a whole number ≥ 1 (got " + brief(version) + ")");
  }
  if (version.get<long long>() > kModelVersion) {
    reader.fail("model format version " + version.dump() +
                " is newer than this program reads (up to " + std::to_string(kModelVersion) +
                "); update nnlab");
  }
}

RowVector readVector(const Json& object, const char* key, int size, const Reader& reader) {
  const Json& values = reader.array(reader.member(object, key), quoted(key), size, "number",
                                    "the network has " + counted(size, "input"));
  RowVector result(size);
  for (int j = 0; j < size; ++j) {
    result(j) = reader.number(values[j], std::string(key) + "[" + std::to_string(j) + "]");
  }
  return result;
}

InputScaling readScaling(const Json& root, int inputs, const std::string& file) {
  const auto found = root.find("input_scaling");
  if (found == root.end()) return {};
  const Reader reader(file, "input_scaling");
  if (!found->is_object())
    reader.fail(std::string("must be an object (got ") + found->type_name() + ")");
  reader.onlyKeys(*found, {"kind", "offset", "scale"});
  const Json& kind = reader.member(*found, "kind");
  const auto parsed = kind.is_string() ? parseScaling(kind.get<std::string>()) : std::nullopt;
  if (!parsed) reader.fail("unknown kind " + brief(kind) + " (valid: " + scalingNames() + ")");
  if (*parsed == ScalingKind::None) return {};
  RowVector offset = readVector(*found, "offset", inputs, reader);
  RowVector scale = readVector(*found, "scale", inputs, reader);
  if ((scale.array() == 0.0).any()) reader.fail("a \"scale\" is 0");
  return InputScaling(*parsed, std::move(offset), std::move(scale));
}

std::string numberText(double value) { return Json(value).dump(); }

void appendRow(std::string& text, const auto& values) {
  text += '[';
  for (Eigen::Index j = 0; j < values.size(); ++j) {
    if (j > 0) text += ", ";
    text += numberText(values(j));
  }
  text += ']';
}

void appendLayer(std::string& text, const DenseLayer& layer) {
  text += "    {\n      \"units\": " + std::to_string(layer.units()) + ",\n";
  text += "      \"activation\": " + quoted(activationName(layer.activation)) + ",\n";
  text += "      \"weights\": [";
  for (int i = 0; i < layer.fanIn(); ++i) {
    text += i == 0 ? "\n        " : ",\n        ";
    appendRow(text, layer.weights.row(i));
  }
  text += "\n      ]";
  if (layer.hasBias()) {
    text += ",\n      \"bias\": ";
    appendRow(text, layer.bias);
  }
  text += "\n    }";
}

void appendScaling(std::string& text, const InputScaling& scaling) {
  text +=
      "  \"input_scaling\": {\"kind\": " + quoted(scalingName(scaling.kind())) + ", \"offset\": ";
  appendRow(text, scaling.offset());
  text += ", \"scale\": ";
  appendRow(text, scaling.scale());
  text += "},\n";
}

}  // namespace

std::string modelToJson(const Network& network) { return modelToJson(network, InputScaling{}); }

std::string modelToJson(const Network& network, const InputScaling& scaling) {
  if (!network.allFinite()) {
    throw ModelError("the network has weights that are not finite numbers; it cannot be saved");
  }
  std::string text = "{\n  \"format\": " + quoted(kModelFormat) + ",\n";
  text += "  \"version\": " + std::to_string(kModelVersion) + ",\n";
  text += "  \"inputs\": " + std::to_string(network.inputs()) + ",\n";
  if (!scaling.isIdentity()) {
    if (scaling.offset().size() != network.inputs()) {
      throw ModelError("the input scaling has " + std::to_string(scaling.offset().size()) +
                       " columns but the network has " + std::to_string(network.inputs()) +
                       " inputs");
    }
    appendScaling(text, scaling);
  }
  text += "  \"layers\": [\n";
  for (int l = 0; l < network.layerCount(); ++l) {
    if (l > 0) text += ",\n";
    appendLayer(text, network.layer(l));
  }
  text += "\n  ]\n}\n";
  return text;
}

Network modelFromJson(std::string_view text, const std::string& fileName) {
  return modelFileFromJson(text, fileName).network;
}

ModelFile modelFileFromJson(std::string_view text, const std::string& fileName) {
  const Json root = json::parse<ModelError>(text, fileName, kModelMaxDepth);
  checkHeader(root, fileName);
  const Reader reader(fileName, "");
  reader.onlyKeys(root, {"format", "version", "inputs", "input_scaling", "layers"});
  const int inputs = reader.count(root, "inputs", 1);
  InputScaling scaling = readScaling(root, inputs, fileName);
  const Json& layers = reader.member(root, "layers");
  if (!layers.is_array() || layers.empty()) {
    reader.fail("\"layers\" must be an array of at least one layer (got " + brief(layers) + ")");
  }
  std::vector<DenseLayer> result;
  int fanIn = inputs;
  for (std::size_t l = 0; l < layers.size(); ++l) {
    result.push_back(readLayer(layers[l], static_cast<int>(l + 1), fanIn, fileName));
    fanIn = result.back().units();
  }
  try {
    return {Network::fromLayers(inputs, std::move(result)), std::move(scaling)};
  } catch (const std::invalid_argument& e) {
    fail(fileName, e.what());
  }
}

Network readModelFile(const std::string& path) { return readModelFileWithScaling(path).network; }

ModelFile readModelFileWithScaling(const std::string& path) {
  return modelFileFromJson(json::readFile<ModelError>(path), path);
}

void writeModelFile(const std::string& path, const Network& network) {
  writeFileAtomically(path, modelToJson(network));
}

void writeModelFile(const std::string& path, const Network& network, const InputScaling& scaling) {
  writeFileAtomically(path, modelToJson(network, scaling));
}

}  // namespace nnlab
