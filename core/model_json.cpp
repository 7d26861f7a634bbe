#include "model_json.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>
#include <system_error>

#include "atomic_file.h"

namespace nnlab {
namespace {

using Json = nlohmann::json;

[[noreturn]] void fail(const std::string& file, const std::string& reason) {
  throw ModelError(std::string(file).append(": ").append(reason));
}

std::string quoted(std::string_view text) { return std::string("\"").append(text).append("\""); }

// A value as shown in a message: short scalars verbatim, anything else by its type.
std::string brief(const Json& value) {
  if (value.is_structured()) return std::string("an ").append(value.type_name());
  std::string text = value.dump();
  constexpr std::size_t kLimit = 40;
  if (text.size() > kLimit) text = text.substr(0, kLimit).append("…");
  return text;
}

// "FILE:LINE:COLUMN" of byte `offset` (1-based; columns count UTF-8 characters).
std::string placeOf(std::string_view text, std::size_t offset, const std::string& file) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::string(file)
      .append(":")
      .append(std::to_string(line))
      .append(":")
      .append(std::to_string(column));
}

// nlohmann's parser recurses once per level, so absurd nesting could overflow the stack; a
// model needs four levels, and anything past kModelMaxDepth is refused before parsing.
void checkDepth(std::string_view text, const std::string& file) {
  int depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') ++i;
      if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kModelMaxDepth) {
        throw ModelError(placeOf(text, i, file)
                             .append(": arrays and objects nested deeper than ")
                             .append(std::to_string(kModelMaxDepth))
                             .append(" levels"));
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at …: " prefix.
std::string plainMessage(const std::string& what) {
  std::string message = what;
  if (message.starts_with("[json.exception.")) message.erase(0, message.find("] ") + 2);
  const std::size_t column = message.find(", column ");
  if (message.starts_with("parse error at line") && column != std::string::npos) {
    message.erase(0, message.find(": ", column) + 2);
  }
  return message;
}

Json parseJson(std::string_view text, const std::string& file) {
  checkDepth(text, file);
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    throw ModelError(
        placeOf(text, offset, file).append(": invalid JSON: ").append(plainMessage(e.what())));
  } catch (const Json::exception& e) {
    fail(file, std::string("invalid JSON: ").append(plainMessage(e.what())));
  }
}

/// "1 unit", "3 units".
std::string counted(std::size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

/// Reads the members of one JSON value, naming it (`m_where`) in every error.
class Reader {
 public:
  Reader(const std::string& file, std::string where) : m_file(file), m_where(std::move(where)) {}

  [[noreturn]] void fail(const std::string& reason) const {
    nnlab::fail(m_file, m_where.empty() ? reason : m_where + ": " + reason);
  }

  /// A misspelt key ("bais") must not load as a silently missing one.
  void onlyKeys(const Json& object, std::initializer_list<std::string_view> known) const {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
      std::string list;
      for (std::string_view key : known) list.append(list.empty() ? "" : ", ").append(key);
      fail("unknown key " + nnlab::quoted(it.key()) + " (known: " + list + ")");
    }
  }

  const Json& member(const Json& object, const char* key) const {
    const auto found = object.find(key);
    if (found == object.end()) fail(std::string("missing ").append(quoted(key)));
    return *found;
  }

  int count(const Json& object, const char* key, int minimum) const {
    const Json& value = member(object, key);
    if (!value.is_number_integer()) {
      fail(quoted(key).append(" must be a whole number (got ").append(brief(value)).append(")"));
    }
    const auto number = value.get<long long>();
    constexpr long long kMaximum = 1 << 24;
    if (number < minimum || number > kMaximum) {
      fail(quoted(key)
               .append(" must be between ")
               .append(std::to_string(minimum))
               .append(" and ")
               .append(std::to_string(kMaximum))
               .append(" (got ")
               .append(std::to_string(number))
               .append(")"));
    }
    return static_cast<int>(number);
  }

  /// `value` as an array of `size` elements; else fails with "NAME has 3 NOUNs but WHY".
  const Json& array(const Json& value, const std::string& name, std::size_t size,
                    std::string_view noun, const std::string& why) const {
    if (!value.is_array()) fail(name + " must be an array (got " + value.type_name() + ")");
    if (value.size() != size) fail(name + " has " + counted(value.size(), noun) + " but " + why);
    return value;
  }

  double number(const Json& value, const std::string& name) const {
    if (!value.is_number()) fail(name + " is not a number (got " + brief(value) + ")");
    const auto result = value.get<double>();
    if (!std::isfinite(result)) fail(name + " is not a finite number");
    return result;
  }

 private:
  const std::string& m_file;
  std::string m_where;
};

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
  const Json root = parseJson(text, fileName);
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
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) fail(path, "cannot read: it is a directory");
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    fail(path, std::string("cannot open: ")
                   .append(std::error_code(errno, std::generic_category()).message()));
  }
  std::ostringstream content;
  content << file.rdbuf();
  if (file.bad()) fail(path, "cannot read the file");
  return modelFileFromJson(content.str(), path);
}

void writeModelFile(const std::string& path, const Network& network) {
  writeFileAtomically(path, modelToJson(network));
}

void writeModelFile(const std::string& path, const Network& network, const InputScaling& scaling) {
  writeFileAtomically(path, modelToJson(network, scaling));
}

}  // namespace nnlab
