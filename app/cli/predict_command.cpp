#include "app/cli/predict_command.h"

#include <cstdio>
#include <ostream>
#include <stdexcept>

#include "app/cli/experiment_builder.h"
#include "core/csv_reader.h"
#include "core/evaluation.h"
#include "core/export/model_export.h"
#include "core/model_json.h"

namespace nnlab::cli {
namespace {

std::string plural(long long count, const char* noun) {
  return std::to_string(count).append(" ").append(noun).append(count == 1 ? "" : "s");
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text.append(text.empty() ? "" : ", ").append(name);
  return text;
}

// How many of the table's last columns are targets: as given, or whatever fits the model —
// none, one per output, or (for several outputs) one column of class labels, as train reads.
int targetColumns(const PredictOptions& options, const CsvTable& table, const Network& network) {
  const auto columns = static_cast<int>(table.header.size());
  const int targets = options.targets.value_or(columns - network.inputs());
  const bool labels = targets == 1 && network.outputs() >= 2;
  if (columns - targets == network.inputs() &&
      (targets == 0 || targets == network.outputs() || labels)) {
    return targets;
  }
  std::string message = std::string(options.dataPath)
                            .append(" has ")
                            .append(plural(columns, "column"))
                            .append(" but ")
                            .append(options.modelPath)
                            .append(" takes ")
                            .append(plural(network.inputs(), "input"));
  if (options.targets)
    message.append(" (and --targets ").append(std::to_string(targets)).append(")");
  message.append("; the data must hold the inputs, optionally followed by ")
      .append(plural(network.outputs(), "target column"));
  if (network.outputs() >= 2) message.append(" or one column of class labels");
  throw std::runtime_error(message);
}

// The model's own loss for its output: cross-entropy over a softmax, else the article's SSE.
Loss reportedLoss(const Network& network) {
  return network.layer(network.layerCount() - 1).activation == Activation::Softmax ? Loss::Ce
                                                                                   : Loss::Sse;
}

std::vector<std::string> outputNames(const CsvTable& table, const Dataset& data, int outputs) {
  std::vector<std::string> names(table.header.begin(), table.header.begin() + data.inputColumns());
  for (int k = 0; k < outputs; ++k) {
    std::string name = data.targetColumns() > 0 ? data.targetNames[k]
                       : outputs == 1           ? std::string("y")
                                                : std::string("y").append(std::to_string(k + 1));
    names.push_back(name.append("_pred"));
  }
  return names;
}

/// What was read as what, and how well the model does on the targets, for standard error.
void report(const Dataset& data, const std::string& labels, const Matrix& predictions, Loss loss,
            std::ostream& err) {
  err << "inputs: " << joined(data.inputNames) << '\n';
  if (data.targetColumns() == 0) {
    err << "targets: none (predictions only)\n";
    return;
  }
  err << "targets: "
      << (labels.empty()
              ? joined(data.targetNames)
              : labels + " (class labels 0…" + std::to_string(data.targetColumns() - 1) + ")")
      << '\n';
  const Evaluation evaluation = evaluatePredictions(loss, predictions, data);
  char line[128];
  std::snprintf(line, sizeof line, "loss: %s %.6g\n", std::string(lossLabel(loss)).c_str(),
                evaluation.trainLoss);
  err << line;
  if (evaluation.trainAccuracy) {
    std::snprintf(line, sizeof line, "accuracy: %.1f%%\n", 100.0 * *evaluation.trainAccuracy);
    err << line;
  }
}

}  // namespace

int runPredict(const PredictOptions& options, std::ostream& out, std::ostream& err) {
  const ModelFile model = readAnyModelFile(options.modelPath);
  const Network& network = model.network;
  CsvTable table = readCsvTable(options.dataPath);
  const int targets = targetColumns(options, table, network);
  const Loss loss = reportedLoss(network);
  Dataset data;
  std::string labels;  // the class-label column's name, when there is one
  if (targets == 0) {
    data.inputs = table.values;
    data.inputNames = table.header;
  } else {
    data = datasetFromTable(table, options.dataPath, targets);  // as train reads it
    if (targets == 1 && network.outputs() >= 2) {
      labels = data.targetNames.front();
      data =
          withClassLabelsExpanded(std::move(data), Loss::Ce, network.outputs(), options.dataPath);
    }
  }
  const Matrix predictions = network.predict(model.scaling.apply(data.inputs));
  Matrix values(data.rows(), data.inputColumns() + network.outputs());
  values.leftCols(data.inputColumns()) = data.inputs;
  values.rightCols(network.outputs()) = predictions;
  out << writeCsv(outputNames(table, data, network.outputs()), values);
  report(data, labels, predictions, loss, err);
  return 0;
}

}  // namespace nnlab::cli
