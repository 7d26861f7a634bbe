#include "predict_command.h"

#include <ostream>
#include <stdexcept>

#include "csv_reader.h"
#include "model_json.h"

namespace nnlab::cli {
namespace {

std::string plural(long long count, const char* noun) {
  return std::to_string(count).append(" ").append(noun).append(count == 1 ? "" : "s");
}

// How many of the table's last columns are targets: as given, or whatever fits the model.
int targetColumns(const PredictOptions& options, const CsvTable& table, const Network& network) {
  const auto columns = static_cast<int>(table.header.size());
  const int targets = options.targets.value_or(columns - network.inputs());
  if (columns - targets == network.inputs() && (targets == 0 || targets == network.outputs())) {
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
  throw std::runtime_error(message);
}

std::vector<std::string> outputNames(const CsvTable& table, int inputs, int targets, int outputs) {
  std::vector<std::string> names(table.header.begin(), table.header.begin() + inputs);
  for (int k = 0; k < outputs; ++k) {
    std::string name = targets > 0    ? table.header[inputs + k]
                       : outputs == 1 ? std::string("y")
                                      : std::string("y").append(std::to_string(k + 1));
    names.push_back(name.append("_pred"));
  }
  return names;
}

}  // namespace

int runPredict(const PredictOptions& options, std::ostream& out) {
  const ModelFile model = readModelFileWithScaling(options.modelPath);
  const Network& network = model.network;
  const CsvTable table = readCsvTable(options.dataPath);
  const int targets = targetColumns(options, table, network);
  const int inputs = network.inputs();
  const Matrix predictions = network.predict(model.scaling.apply(table.values.leftCols(inputs)));
  Matrix values(table.values.rows(), inputs + network.outputs());
  values.leftCols(inputs) = table.values.leftCols(inputs);
  values.rightCols(network.outputs()) = predictions;
  out << writeCsv(outputNames(table, inputs, targets, network.outputs()), values);
  return 0;
}

}  // namespace nnlab::cli
