// Trainer::incompatibility: what the trainer checks before it takes a network, data and
// settings.
#include <cmath>
#include <string>

#include "core/trainer.h"

namespace nnlab {

std::optional<std::string> Trainer::incompatibility(const Network& network, const Dataset& dataset,
                                                    const TrainingSettings& settings) {
  if (network.layerCount() == 0) return "the network has no layers";
  if (dataset.rows() < 1) return "the dataset has no rows";
  if (!dataset.testRows.empty() && static_cast<int>(dataset.testRows.size()) != dataset.rows()) {
    return "the data has " + std::to_string(dataset.rows()) + " rows but " +
           std::to_string(dataset.testRows.size()) + " train/test flags";
  }
  if (dataset.trainingRowCount() < 1) return "every row is a test row: none is left to train on";
  if (dataset.inputColumns() != network.inputs()) {
    return "the data has " + std::to_string(dataset.inputColumns()) +
           " input columns but the network has " + std::to_string(network.inputs()) + " inputs";
  }
  if (dataset.targetColumns() != network.outputs()) {
    return "the data has " + std::to_string(dataset.targetColumns()) +
           " target columns but the network has " + std::to_string(network.outputs()) + " outputs";
  }
  const auto& o = settings.optimizer;
  if (!std::isfinite(o.learningRate) || o.learningRate < 0) {
    return "the learning rate must be a finite number ≥ 0";
  }
  if (!(o.momentum >= 0 && o.momentum < 1)) return "momentum must be in [0, 1)";
  if (!(o.beta1 >= 0 && o.beta1 < 1) || !(o.beta2 >= 0 && o.beta2 < 1)) {
    return "Adam's β1 and β2 must be in [0, 1)";
  }
  if (!(o.epsilon > 0) || !std::isfinite(o.epsilon)) return "Adam's ε must be positive";
  if (settings.batchSize < 0) return "the batch size must be ≥ 0 (0 = whole dataset)";
  if (!(settings.l1 >= 0) || !(settings.l2 >= 0) || !std::isfinite(settings.l1) ||
      !std::isfinite(settings.l2)) {
    return "L1 and L2 rates must be finite numbers ≥ 0";
  }
  if (auto problem = softmaxPlacementProblem(network.spec().layers)) return problem;
  if (o.kind == OptimizerKind::Perceptron) {
    if (network.layerCount() != 1) {
      return "the perceptron rule trains a single layer (of step units); this network has " +
             std::to_string(network.layerCount()) + " layers";
    }
    if (network.layer(0).activation != Activation::Step) {
      return "the perceptron rule is for step units (the M-P neuron); this layer uses " +
             std::string(activationName(network.layer(0).activation));
    }
    if (settings.l1 != 0.0 || settings.l2 != 0.0) {
      return "the perceptron rule has no L1 or L2 regularisation; set both rates to 0";
    }
  }
  return std::nullopt;
}

}  // namespace nnlab
