#include "core/export/numpy_writer.h"

#include <nlohmann/json.hpp>

#include "core/csv_reader.h"

namespace nnlab {
namespace {

std::string pythonString(const std::string& text) {
  // A JSON string literal is a Python one too (UTF-8 source, \uXXXX escapes).
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string pythonList(const std::vector<std::string>& names) {
  std::string text = "[";
  for (std::size_t i = 0; i < names.size(); ++i)
    text.append(i > 0 ? ", " : "").append(pythonString(names[i]));
  return text + "]";
}

std::string numbers(const auto& values, const std::string& what) {
  std::string text = "[";
  for (Eigen::Index j = 0; j < values.size(); ++j) {
    if (!std::isfinite(values(j))) throw ModelError("cannot export " + what + ": not finite");
    text.append(j > 0 ? ", " : "").append(formatNumber(values(j)));
  }
  return text + "]";
}

std::string array(const std::string& name, const Matrix& values, const std::string& what) {
  std::string text = name + " = np.array([\n";
  for (Eigen::Index i = 0; i < values.rows(); ++i)
    text += "    " + numbers(values.row(i), what) + ",\n";
  return text + "], dtype=float).reshape(" + std::to_string(values.rows()) + ", " +
         std::to_string(values.cols()) + ")\n";
}

std::string vector(const std::string& name, const RowVector& values, const std::string& what) {
  return name + " = np.array(" + numbers(values, what) + ", dtype=float)\n";
}

const char* activationDefinition(Activation activation) {
  switch (activation) {
    case Activation::Sigmoid:
      return "def sigmoid(x):\n    return 1.0 / (1 + np.exp(-x))\n";
    case Activation::Tanh:
      return "def tanh(x):\n    return np.tanh(x)\n";
    case Activation::Relu:
      return "def relu(x):\n    return np.maximum(x, 0.0)\n";
    case Activation::Step:
      return "def step(x):\n    return (x >= 0).astype(float)\n";
    case Activation::Softmax:
      return "def softmax(x):\n    e = np.exp(x - x.max(axis=1, keepdims=True))\n"
             "    return e / e.sum(axis=1, keepdims=True)\n";
    case Activation::Linear:
      break;
  }
  return "";
}

std::string header(const ExportModel& model) {
  const Network& network = model.network;
  std::string text = "#!/usr/bin/env python3\n";
  text += "# nnlab model \"" + oneLine(model.name) + "\": a " + model.shapeText() +
          " multilayer perceptron, exported from nnlab.\n";
  if (!model.settings.empty()) text += "# Trained with: " + oneLine(model.settingsText()) + ".\n";
  text += "#\n# Usage: python3 SCRIPT.py [data.csv]\n";
  text +=
      "# Prints the network's prediction for every row of data.csv (a header row of column\n"
      "# names, then one sample per row: the " +
      std::to_string(network.inputs()) + " input(s), optionally followed by the " +
      std::to_string(network.outputs()) + " target(s))";
  text += model.data ? ",\n# or, without an argument, for the training data below.\n" : ".\n";
  text += "# Needs only numpy. One sample per row: z = x·W + b, a = f(z).\n";
  return text + "import csv\nimport sys\n\nimport numpy as np\n\n\n";
}

std::string weights(const ExportModel& model) {
  std::string text;
  if (!model.scaling.isIdentity()) {
    text += "# Input scaling (" + std::string(scalingName(model.scaling.kind())) +
            ", fitted on the training rows): x' = (x - input_offset) / input_scale\n";
    text += vector("input_offset", model.scaling.offset(), "the input scaling");
    text += vector("input_scale", model.scaling.scale(), "the input scaling") + "\n";
  }
  for (int l = 0; l < model.network.layerCount(); ++l) {
    const DenseLayer& layer = model.network.layer(l);
    const std::string n = std::to_string(l + 1);
    text += "# Layer " + n + ": " + std::to_string(layer.fanIn()) + " -> " +
            std::to_string(layer.units()) + " units, " +
            std::string(activationName(layer.activation)) + ". weights" + n +
            "[i][j] joins input i to unit j.\n";
    text += array("weights" + n, layer.weights, "layer " + n);
    if (layer.hasBias()) text += vector("bias" + n, layer.bias, "layer " + n);
    text += "\n";
  }
  return text;
}

std::string feedforward(const ExportModel& model) {
  std::string text = "\ndef feedforward(x):\n";
  if (!model.scaling.isIdentity()) text += "    x = (x - input_offset) / input_scale\n";
  std::string previous = "x";
  const int layers = model.network.layerCount();
  for (int l = 0; l < layers; ++l) {
    const DenseLayer& layer = model.network.layer(l);
    const std::string n = std::to_string(l + 1);
    const std::string name = l + 1 == layers ? "output" : "layer" + n;
    std::string z = "np.dot(" + previous + ", weights" + n + ")";
    if (layer.hasBias()) z += " + bias" + n;
    const std::string f(layer.activation == Activation::Linear ? std::string_view()
                                                               : activationName(layer.activation));
    text += "    " + name + " = " + (f.empty() ? z : f + "(" + z + ")") + "\n";
    previous = name;
  }
  return text + "    return output\n";
}

std::string trainingData(const ExportModel& model) {
  if (!model.data) return "training_data = None\n";
  const Dataset& data = *model.data;
  Matrix values(data.rows(), data.inputColumns() + data.targetColumns());
  values << data.inputs, data.targets;
  return "# The data it was trained on (test rows too): the inputs, then the targets.\n" +
         array("training_data", values, "the data");
}

constexpr const char* kMain = R"py(

def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as file:
        rows = [row for row in csv.reader(file, skipinitialspace=True) if row]
    if not rows:
        raise ValueError("the file is empty")
    header = [name.strip() for name in rows[0]]
    values = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise ValueError("line %d has %d cells but the header has %d" % (number, len(row), len(header)))
        values.append([float(cell) for cell in row])
    return header, np.array(values, dtype=float).reshape(-1, len(header))


def main():
    name = sys.argv[0]
    if len(sys.argv) > 2 or (len(sys.argv) == 1 and training_data is None):
        print("usage: python3 %s DATA.csv" % name, file=sys.stderr)
        return 2
    if len(sys.argv) == 2:
        try:
            header, values = read_csv(sys.argv[1])
        except (OSError, ValueError) as problem:
            print("%s: %s: %s" % (name, sys.argv[1], problem), file=sys.stderr)
            return 1
        if values.shape[1] not in (INPUTS, INPUTS + OUTPUTS):
            print("%s: %s has %d columns but the model takes %d inputs (optionally followed by %d targets)"
                  % (name, sys.argv[1], values.shape[1], INPUTS, OUTPUTS), file=sys.stderr)
            return 1
        header = header[:INPUTS]
    else:
        header, values = INPUT_NAMES, training_data
    inputs = values[:, :INPUTS]
    predictions = feedforward(inputs)
    print(" ".join(header) + " | " + " ".join(OUTPUT_NAMES))
    for x, y in zip(inputs, predictions):
        print(" ".join(repr(float(v)) for v in x) + " | " + " ".join(repr(float(v)) for v in y))
    return 0


if __name__ == "__main__":
    sys.exit(main())
)py";

}  // namespace

std::string modelToNumpy(const ExportModel& model) {
  const Network& network = model.network;
  std::string text = header(model);
  bool defined[6] = {};
  for (const DenseLayer& layer : network.layers()) {
    const auto index = static_cast<int>(layer.activation);
    if (defined[index] || layer.activation == Activation::Linear) continue;
    defined[index] = true;
    text += std::string(activationDefinition(layer.activation)) + "\n\n";
  }
  text += "INPUTS = " + std::to_string(network.inputs()) + "\n";
  text += "OUTPUTS = " + std::to_string(network.outputs()) + "\n";
  text += "INPUT_NAMES = " + pythonList(model.inputNames) + "\n";
  text += "OUTPUT_NAMES = " + pythonList(model.outputNames) + "\n\n";
  text += weights(model) + trainingData(model) + "\n" + feedforward(model) + kMain;
  return text;
}

}  // namespace nnlab
