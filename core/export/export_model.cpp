#include "core/export/export_model.h"

#include <stdexcept>

#include "core/csv_reader.h"
#include "core/loss.h"
#include "core/optimizer.h"

namespace nnlab {
namespace {

std::vector<std::string> defaultNames(const std::string& stem, int count) {
  if (count == 1) return {stem};
  std::vector<std::string> names;
  for (int i = 1; i <= count; ++i) names.push_back(stem + std::to_string(i));
  return names;
}

std::string optimizerText(const OptimizerSettings& optimizer) {
  std::string text = std::string(optimizerName(optimizer.kind))
                         .append(" (learning rate ")
                         .append(formatNumber(optimizer.learningRate));
  if (optimizer.kind == OptimizerKind::Momentum)
    text.append(", momentum ").append(formatNumber(optimizer.momentum));
  if (optimizer.kind == OptimizerKind::Adam) {
    text.append(", beta1 ")
        .append(formatNumber(optimizer.beta1))
        .append(", beta2 ")
        .append(formatNumber(optimizer.beta2))
        .append(", epsilon ")
        .append(formatNumber(optimizer.epsilon));
  }
  return text.append(")");
}

}  // namespace

ExportModel ExportModel::fromModelFile(ModelFile model, std::string name) {
  ExportModel result;
  result.inputNames = defaultNames("X", model.network.inputs());
  result.outputNames = defaultNames("y", model.network.outputs());
  result.network = std::move(model.network);
  result.scaling = std::move(model.scaling);
  result.name = std::move(name);
  return result;
}

ExportModel ExportModel::fromRunnerState(const RunnerState& state, std::string name) {
  const Dataset& data = state.dataset;
  if (data.inputColumns() != state.network.inputs() ||
      data.targetColumns() != state.network.outputs()) {
    throw std::invalid_argument("the data does not fit the network");
  }
  ExportModel result;
  result.network = state.network;
  // A model file's scaling as stored, else the kind fitted to the data, as training uses it.
  result.scaling =
      state.fixedScaling ? *state.fixedScaling : InputScaling::fit(state.scaling, data);
  result.name = std::move(name);
  result.inputNames = data.inputNames;
  result.outputNames = data.targetNames;
  if (static_cast<int>(result.inputNames.size()) != data.inputColumns())
    result.inputNames = defaultNames("X", data.inputColumns());
  if (static_cast<int>(result.outputNames.size()) != data.targetColumns())
    result.outputNames = defaultNames("y", data.targetColumns());
  result.settings = describeTraining(state);
  result.data = data;
  return result;
}

std::string ExportModel::shapeText() const { return network.spec().shapeText(); }

std::string ExportModel::settingsText() const {
  std::string text;
  for (const auto& [key, value] : settings) {
    if (!text.empty()) text += ", ";
    text.append(key).append(" ").append(value);
  }
  return text;
}

std::string oneLine(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return text;
}

std::vector<std::pair<std::string, std::string>> describeTraining(const RunnerState& state) {
  const TrainingSettings& s = state.settings;
  std::vector<std::pair<std::string, std::string>> result{
      {"init", std::string(initName(state.init))},
      {"seed", std::to_string(state.seed)},
      {"loss", std::string(lossName(s.loss))},
      {"optimizer", optimizerText(s.optimizer)},
  };
  if (s.optimizer.kind != OptimizerKind::Gd && s.optimizer.kind != OptimizerKind::Perceptron)
    result.emplace_back("batch size", std::to_string(s.batchSize));
  if (s.l1 != 0.0) result.emplace_back("l1", formatNumber(s.l1));
  if (s.l2 != 0.0) result.emplace_back("l2", formatNumber(s.l2));
  result.emplace_back("input scaling", std::string(scalingName(state.scaling)));
  result.emplace_back("training rows", std::to_string(state.dataset.trainingRowCount()));
  if (state.dataset.testRowCount() > 0)
    result.emplace_back("test rows", std::to_string(state.dataset.testRowCount()));
  result.emplace_back("epochs", std::to_string(state.trainer.epoch));
  if (!state.history.points.empty())
    result.emplace_back("final loss", formatNumber(state.history.points.back().loss));
  return result;
}

}  // namespace nnlab
