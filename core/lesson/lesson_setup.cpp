#include "core/lesson/lesson.h"

namespace nnlab {

namespace {

std::string located(const std::string& fileName, int line, const std::string& problem) {
  return fileName + ":" + std::to_string(line) + ": " + problem;
}

/// The preset's spec reshaped to the lesson's layers and hidden activation.
std::optional<std::string> reshape(const Lesson& lesson, Preset& preset) {
  NetworkSpec& spec = preset.spec;
  if (!lesson.layers.empty()) {
    if (lesson.layers.front() != preset.dataset.inputColumns() ||
        lesson.layers.back() != preset.dataset.targetColumns())
      return "layers: must start with the data's " + std::to_string(preset.dataset.inputColumns()) +
             " input(s) and end with its " + std::to_string(preset.dataset.targetColumns()) +
             " target(s)";
    const Activation hidden = spec.layers.front().activation;
    const Activation output = spec.layers.back().activation;
    spec.inputs = lesson.layers.front();
    spec.layers.clear();
    for (std::size_t i = 1; i < lesson.layers.size(); ++i)
      spec.layers.push_back({lesson.layers[i], i + 1 == lesson.layers.size() ? output : hidden});
  }
  if (!lesson.activation.empty()) {
    const Activation activation = *parseActivation(lesson.activation);
    for (std::size_t i = 0; i + 1 < spec.layers.size(); ++i) spec.layers[i].activation = activation;
  }
  if (const auto problem = spec.validate()) return "layers: " + *problem;
  return std::nullopt;
}

}  // namespace

std::optional<Preset> lessonExperiment(const Lesson& lesson, const std::string& fileName,
                                       std::string* error) {
  std::optional<Preset> preset = findPreset(lesson.preset);
  if (!preset) {
    *error = located(fileName, lesson.setupLine, "unknown preset '" + lesson.preset + "'");
    return std::nullopt;
  }
  if (const auto problem = reshape(lesson, *preset)) {
    *error =
        located(fileName, lesson.layers.empty() ? lesson.setupLine : lesson.layersLine, *problem);
    return std::nullopt;
  }
  if (!lesson.optimizer.empty())
    preset->settings.optimizer.kind = *parseOptimizer(lesson.optimizer);
  if (!lesson.loss.empty()) preset->settings.loss = *parseLoss(lesson.loss);
  if (lesson.learningRate) preset->settings.optimizer.learningRate = *lesson.learningRate;
  if (lesson.stopAt) preset->stopAt = *lesson.stopAt;
  if (lesson.seed) preset->seed = *lesson.seed;
  Network network = preset->makeNetwork();
  if (!applyLessonParameters(lesson, fileName, &network, error)) return std::nullopt;
  return preset;
}

bool applyLessonParameters(const Lesson& lesson, const std::string& fileName, Network* network,
                           std::string* error) {
  for (const ParameterSetting& p : lesson.parameters) {
    const std::string what = p.bias ? "bias" : "weight";
    if (p.layer < 1 || p.layer > network->layerCount()) {
      *error =
          located(fileName, p.line, what + ": the network has no layer " + std::to_string(p.layer));
      return false;
    }
    DenseLayer& layer = network->layer(p.layer - 1);
    if (p.bias && layer.bias.size() == 0) {
      *error = located(fileName, p.line, "bias: the network's layers have no biases");
      return false;
    }
    if (p.from < 1 || p.from > layer.weights.rows() || p.to < 1 || p.to > layer.units()) {
      *error =
          located(fileName, p.line,
                  what + ": layer " + std::to_string(p.layer) + " has no " +
                      (p.bias ? "unit " + std::to_string(p.to)
                              : "weight " + std::to_string(p.from) + " → " + std::to_string(p.to)));
      return false;
    }
    if (p.bias)
      layer.bias(p.to - 1) = p.value;
    else
      layer.weights(p.from - 1, p.to - 1) = p.value;
  }
  return true;
}

}  // namespace nnlab
