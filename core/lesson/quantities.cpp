#include "core/lesson/quantities.h"

#include <cmath>

#include "core/training_runner.h"

namespace nnlab {

const std::vector<QuantityName>& quantityNames() {
  static const std::vector<QuantityName> names = {
      {"loss", 0, 0, "the loss on the training rows"},
      {"test_loss", 0, 0, "the loss on the test rows (none without test rows)"},
      {"accuracy", 0, 0, "the share of training rows classified right, 0 to 1"},
      {"best_test_loss", 0, 0, "the lowest test loss seen since the weights were last replaced"},
      {"test_accuracy", 0, 0, "the share of test rows classified right, 0 to 1"},
      {"epoch", 0, 0, "the epochs trained"},
      {"lr", 0, 0, "the learning rate"},
      {"diverged", 0, 0, "1 when training stopped because the loss became NaN or infinite"},
      {"training", 0, 0, "1 while training runs"},
      {"rows", 0, 0, "the number of data rows (training and test)"},
      {"layers", 0, 0, "the number of layers of weights (hidden layers + 1)"},
      {"units", 1, 1, "units[layer]: the units of a layer (layer 1 is the first hidden layer)"},
      {"output", 1, 2, "output[row] or output[row][k]: the network's answer for a data row"},
      {"target", 1, 2, "target[row] or target[row][k]: a data row's target"},
      {"input", 2, 2, "input[row][k]: a data row's input k"},
      {"weight", 3, 3, "weight[layer][i][j]: the weight from input i to unit j of a layer"},
      {"bias", 2, 2, "bias[layer][j]: the bias of unit j of a layer"},
      {"gradient", 3, 3, "gradient[layer][i][j]: dL/dw of that weight in the last update"},
      {"selected_row", 0, 0, "the data row the graph shows"},
      {"backprop_open", 0, 0, "1 while the Backprop view is shown"},
      {"backprop_step", 0, 0, "the Backprop view's step, from 1 (0 while it is closed)"},
  };
  return names;
}

const QuantityName* findQuantity(std::string_view name) {
  for (const QuantityName& quantity : quantityNames())
    if (quantity.name == name) return &quantity;
  return nullptr;
}

namespace {

bool inRange(std::string_view name, int index, int count, const char* what, std::string* error) {
  if (index >= 1 && index <= count) return true;
  *error = std::string(name) + ": " + what + " " + std::to_string(index) +
           " is not between 1 and " + std::to_string(count);
  return false;
}

std::optional<double> optionalValue(const std::optional<double>& value, std::string_view name,
                                    std::string* error) {
  if (!value) *error = std::string(name) + " has no value here";
  return value;
}

}  // namespace

std::optional<double> SnapshotQuantities::value(std::string_view name,
                                                const std::vector<int>& indices,
                                                std::string* error) const {
  const TrainingSnapshot& s = m_snapshot;
  if (name == "loss") return s.loss;
  if (name == "test_loss") return optionalValue(s.testLoss, name, error);
  if (name == "accuracy") return optionalValue(s.trainAccuracy, name, error);
  if (name == "best_test_loss") return optionalValue(s.bestTestLoss, name, error);
  if (name == "test_accuracy") return optionalValue(s.testAccuracy, name, error);
  if (name == "epoch") return static_cast<double>(s.epoch);
  if (name == "lr") return s.settings.optimizer.learningRate;
  if (name == "diverged") return s.reason == PauseReason::Diverged ? 1.0 : 0.0;
  if (name == "training") return s.state == RunState::Running ? 1.0 : 0.0;
  if (name == "rows") return s.dataset ? s.dataset->rows() : 0.0;
  if (name == "layers") return s.network.layerCount();
  if (name == "selected_row") return m_view.selectedRow;
  if (name == "backprop_open") return m_view.backpropOpen ? 1.0 : 0.0;
  if (name == "backprop_step") return m_view.backpropOpen ? m_view.backpropStep : 0.0;
  if (name == "units") {
    if (!inRange(name, indices[0], s.network.layerCount(), "layer", error)) return std::nullopt;
    return s.network.layer(indices[0] - 1).units();
  }
  if (name == "output" || name == "target" || name == "input")
    return rowValue(name, indices, error);
  return parameterValue(name, indices, error);
}

std::optional<double> SnapshotQuantities::rowValue(std::string_view name,
                                                   const std::vector<int>& indices,
                                                   std::string* error) const {
  const Matrix* matrix = &m_snapshot.predictions;
  if (name != "output") {
    if (!m_snapshot.dataset) {
      *error = "there is no data";
      return std::nullopt;
    }
    matrix = name == "target" ? &m_snapshot.dataset->targets : &m_snapshot.dataset->inputs;
  }
  const int row = indices[0];
  const int column = indices.size() > 1 ? indices[1] : 1;
  if (!inRange(name, row, static_cast<int>(matrix->rows()), "row", error) ||
      !inRange(name, column, static_cast<int>(matrix->cols()), "column", error))
    return std::nullopt;
  return (*matrix)(row - 1, column - 1);
}

std::optional<double> SnapshotQuantities::parameterValue(std::string_view name,
                                                         const std::vector<int>& indices,
                                                         std::string* error) const {
  const Network& network = m_snapshot.network;
  if (!inRange(name, indices[0], network.layerCount(), "layer", error)) return std::nullopt;
  const int layer = indices[0] - 1;
  const DenseLayer& dense = network.layer(layer);
  if (name == "bias") {
    if (dense.bias.size() == 0) {
      *error = "bias: layer " + std::to_string(indices[0]) + " has no biases";
      return std::nullopt;
    }
    if (!inRange(name, indices[1], static_cast<int>(dense.bias.size()), "unit", error))
      return std::nullopt;
    return dense.bias(indices[1] - 1);
  }
  if (!inRange(name, indices[1], static_cast<int>(dense.weights.rows()), "input", error) ||
      !inRange(name, indices[2], static_cast<int>(dense.weights.cols()), "unit", error))
    return std::nullopt;
  if (name == "weight") return dense.weights(indices[1] - 1, indices[2] - 1);
  const auto& gradients = m_snapshot.gradients;
  if (!m_snapshot.gradientsKnown || layer >= static_cast<int>(gradients.weights.size())) {
    *error = "gradient: no update has been made yet";
    return std::nullopt;
  }
  return gradients.weights[layer](indices[1] - 1, indices[2] - 1);
}

}  // namespace nnlab
