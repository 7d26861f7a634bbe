#include "core/export/c_writer.h"

#include <algorithm>

#include "core/csv_reader.h"

namespace nnlab {
namespace {

/// A C double literal: "1" would be an int, harmless in an initialiser but less clear.
std::string literal(double value, const std::string& what) {
  if (!std::isfinite(value)) throw ModelError("cannot export " + what + ": not finite");
  std::string text = formatNumber(value);
  if (text.find_first_of(".en") == std::string::npos) text += ".0";
  return text;
}

std::string numbers(const auto& values, const std::string& what) {
  std::string text = "{";
  for (Eigen::Index j = 0; j < values.size(); ++j)
    text.append(j > 0 ? ", " : "").append(literal(values(j), what));
  return text + "}";
}

/// A comment's text: no line ends, and no "*/" to end it early.
std::string commentText(const std::string& text) {
  std::string result = oneLine(text);
  for (std::size_t at = result.find("*/"); at != std::string::npos; at = result.find("*/", at))
    result[at + 1] = ' ';
  return result;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text.append(text.empty() ? "" : ", ").append(name);
  return commentText(text);
}

std::string constants(const ExportModel& model) {
  std::string text;
  if (!model.scaling.isIdentity()) {
    const std::string n = std::to_string(model.network.inputs());
    text += "/* Input scaling (" + std::string(scalingName(model.scaling.kind())) +
            "): x' = (x - offset) / scale. */\n";
    text += "static const double nnlab_input_offset[" + n +
            "] = " + numbers(model.scaling.offset(), "the input scaling") + ";\n";
    text += "static const double nnlab_input_scale[" + n +
            "] = " + numbers(model.scaling.scale(), "the input scaling") + ";\n\n";
  }
  for (int l = 0; l < model.network.layerCount(); ++l) {
    const DenseLayer& layer = model.network.layer(l);
    const std::string n = std::to_string(l + 1);
    const std::string what = "layer " + n;
    text += "/* Layer " + n + ": " + std::to_string(layer.fanIn()) + " -> " +
            std::to_string(layer.units()) + " units, " +
            std::string(activationName(layer.activation)) + "; weights[i][j] joins input i to " +
            "unit j. */\n";
    text += "static const double nnlab_weights" + n + "[" + std::to_string(layer.fanIn()) + "][" +
            std::to_string(layer.units()) + "] = {\n";
    for (int i = 0; i < layer.fanIn(); ++i)
      text += "    " + numbers(layer.weights.row(i), what) + ",\n";
    text += "};\n";
    if (layer.hasBias()) {
      text += "static const double nnlab_bias" + n + "[" + std::to_string(layer.units()) +
              "] = " + numbers(layer.bias, what) + ";\n";
    }
    text += "\n";
  }
  return text;
}

std::string activation(Activation activation, const std::string& a, const std::string& units) {
  const std::string loop = "  for (j = 0; j < " + units + "; ++j) ";
  switch (activation) {
    case Activation::Sigmoid:
      return loop + a + "[j] = 1.0 / (1.0 + exp(-" + a + "[j]));\n";
    case Activation::Tanh:
      return loop + a + "[j] = tanh(" + a + "[j]);\n";
    case Activation::Relu:
      return loop + a + "[j] = " + a + "[j] > 0.0 ? " + a + "[j] : 0.0;\n";
    case Activation::Step:
      return loop + a + "[j] = " + a + "[j] >= 0.0 ? 1.0 : 0.0;\n";
    case Activation::Softmax:
      // max-subtracted, as nnlab computes it, so that exp cannot overflow
      return "  {\n    double top = " + a + "[0], sum = 0.0;\n" +  //
             "    for (j = 1; j < " + units + "; ++j) if (" + a + "[j] > top) top = " + a +
             "[j];\n" +  //
             "    for (j = 0; j < " + units + "; ++j) sum += (" + a + "[j] = exp(" + a +
             "[j] - top));\n" +  //
             "    for (j = 0; j < " + units + "; ++j) " + a + "[j] /= sum;\n  }\n";
    case Activation::Linear:
      break;
  }
  return "";
}

std::string predict(const ExportModel& model) {
  const Network& network = model.network;
  std::string text = "/* out[0.." + std::to_string(network.outputs() - 1) +
                     "] = the network's prediction for " + "the raw inputs in[0.." +
                     std::to_string(network.inputs() - 1) + "]. */\n" +
                     "static inline void predict(const double* in, double* out) {\n  int i, j;\n";
  text += "  double x[" + std::to_string(network.inputs()) + "];\n";
  for (int l = 0; l + 1 < network.layerCount(); ++l)
    text += "  double a" + std::to_string(l + 1) + "[" + std::to_string(network.layer(l).units()) +
            "];\n";
  text += "  for (i = 0; i < " + std::to_string(network.inputs()) + "; ++i) x[i] = ";
  text += model.scaling.isIdentity() ? "in[i];\n"
                                     : "(in[i] - nnlab_input_offset[i]) / nnlab_input_scale[i];\n";
  std::string previous = "x";
  for (int l = 0; l < network.layerCount(); ++l) {
    const DenseLayer& layer = network.layer(l);
    const std::string n = std::to_string(l + 1);
    const std::string a = l + 1 == network.layerCount() ? std::string("out") : "a" + n;
    const std::string units = std::to_string(layer.units());
    text += "  /* layer " + n + ": z = x·W" + (layer.hasBias() ? " + b" : "") +
            ", a = " + std::string(activationName(layer.activation)) + "(z) */\n";
    text += "  for (j = 0; j < " + units + "; ++j) {\n    double z = 0.0;\n";
    text += "    for (i = 0; i < " + std::to_string(layer.fanIn()) + "; ++i) z += " + previous +
            "[i] * nnlab_weights" + n + "[i][j];\n";
    text += "    " + a + "[j] = z" + (layer.hasBias() ? " + nnlab_bias" + n + "[j]" : "") + ";\n";
    text += "  }\n" + activation(layer.activation, a, units);
    previous = a;
  }
  return text + "}\n";
}

std::string guardName(const std::string& name) {
  std::string guard = "NNLAB_MODEL_";
  for (const char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    guard += alnum ? static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c) : '_';
  }
  return guard + "_H";
}

}  // namespace

std::string modelToCHeader(const ExportModel& model) {
  const Network& network = model.network;
  const std::string guard = guardName(model.name);
  std::string text = "/* nnlab model \"" + commentText(model.name) + "\": a " + model.shapeText() +
                     " multilayer perceptron, exported from nnlab.\n";
  if (!model.settings.empty())
    text += " * Trained with: " + commentText(model.settingsText()) + ".\n";
  text += " * Inputs: " + joined(model.inputNames) + ". Outputs: " + joined(model.outputNames) +
          ".\n * Use: double out[NNLAB_OUTPUTS]; predict(in, out);  (link with -lm)\n */\n";
  text += "#ifndef " + guard + "\n#define " + guard + "\n\n#include <math.h>\n\n";
  text += "#define NNLAB_INPUTS " + std::to_string(network.inputs()) + "\n";
  text += "#define NNLAB_OUTPUTS " + std::to_string(network.outputs()) + "\n\n";
  text += constants(model) + predict(model);
  return text + "\n#endif /* " + guard + " */\n";
}

}  // namespace nnlab
