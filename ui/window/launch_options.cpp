#include "ui/window/launch_options.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cmath>
#include <exception>
#include <limits>

#include "core/activation.h"
#include "core/csv_reader.h"

namespace nnlab {

namespace {

/// Trailing columns named y…/target… are targets (at least one), as the data panel guesses.
int targetColumns(const CsvTable& table) {
  int targets = 0;
  for (auto it = table.header.rbegin(); it != table.header.rend(); ++it) {
    const QString name = QString::fromStdString(*it).toLower();
    if (!name.startsWith(QLatin1Char('y')) && !name.startsWith(QStringLiteral("target"))) break;
    ++targets;
  }
  const int columns = static_cast<int>(table.header.size());
  return std::clamp(targets, 1, std::max(1, columns - 1));
}

/// Reshapes `preset` to --layers / --activation, checked against its data.
bool reshape(const LaunchOptions& options, Preset& preset, QString* error) {
  NetworkSpec& spec = preset.spec;
  if (!options.layers.empty()) {
    const std::vector<int>& layers = options.layers;
    if (layers.front() != preset.dataset.inputColumns() ||
        layers.back() != preset.dataset.targetColumns()) {
      *error = QCoreApplication::translate(
                   "LaunchOptions",
                   "--layers must start with the data's %1 input(s) and end with its %2 target(s)")
                   .arg(preset.dataset.inputColumns())
                   .arg(preset.dataset.targetColumns());
      return false;
    }
    const Activation hidden = spec.layers.front().activation;
    const Activation output = spec.layers.back().activation;
    spec.inputs = layers.front();
    spec.layers.clear();
    for (size_t i = 1; i < layers.size(); ++i)
      spec.layers.push_back({layers[i], i + 1 == layers.size() ? output : hidden});
  }
  if (!options.activation.isEmpty()) {
    const auto activation = parseActivation(options.activation.toStdString());
    for (size_t i = 0; activation && i + 1 < spec.layers.size(); ++i)
      spec.layers[i].activation = *activation;
  }
  if (const auto problem = spec.validate()) {
    *error = QString::fromStdString(*problem);
    return false;
  }
  return true;
}

/// Settings that learn on arbitrary data, where the seed's (SSE, gd at rate 1, no bias,
/// positive weights) saturate at once: one hidden layer of 8 tanh units with biases, Xavier
/// weights, MSE and Adam at 0.01; a sigmoid output for targets within [0, 1], else linear.
void useCsvDefaults(Preset& preset) {
  const Dataset& data = preset.dataset;
  const bool unitInterval =
      data.targets.size() > 0 && data.targets.minCoeff() >= 0.0 && data.targets.maxCoeff() <= 1.0;
  preset.spec.inputs = data.inputColumns();
  preset.spec.bias = true;
  preset.spec.layers = {
      {8, Activation::Tanh},
      {data.targetColumns(), unitInterval ? Activation::Sigmoid : Activation::Linear}};
  preset.init = Init::Xavier;
  preset.stopAt = 0;  // arbitrary data: no end is known, train on
  // Inputs far from [−1, 1] (years, prices) saturate tanh units, and columns whose ranges
  // differ a hundredfold leave the small ones unlearnt: scale them to mean 0, deviation 1.
  const RowVector spread = data.inputs.colwise().maxCoeff() - data.inputs.colwise().minCoeff();
  double narrowest = std::numeric_limits<double>::infinity();
  for (Eigen::Index c = 0; c < spread.size(); ++c)
    if (spread(c) > 0) narrowest = std::min(narrowest, spread(c));  // constant columns aside
  const bool uneven = std::isfinite(narrowest) && spread.maxCoeff() > 100.0 * narrowest;
  if (data.inputs.size() > 0 && (data.inputs.cwiseAbs().maxCoeff() > 10.0 || uneven))
    preset.scaling = ScalingKind::ZScore;
  preset.settings.loss = Loss::Mse;
  preset.settings.optimizer.kind = OptimizerKind::Adam;
  preset.settings.optimizer.learningRate = 0.01;
  preset.description = preset.scaling == ScalingKind::ZScore
                           ? "CSV data: z-scored inputs, 8 tanh hidden units, MSE, Adam at 0.01"
                           : "CSV data: 8 tanh hidden units, MSE, Adam at 0.01";
}

}  // namespace

bool LaunchOptions::scripted() const {
  return trainForSeconds > 0 || !screenshotPath.isEmpty() || !reportPath.isEmpty() ||
         !savePath.isEmpty() || explain || atEpoch || quit;
}

LaunchOptions::FileKind LaunchOptions::kindOf(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("nnlab")) return FileKind::Session;
  if (suffix == QLatin1String("json") || suffix == QLatin1String("onnx")) return FileKind::Model;
  return FileKind::Csv;  // .csv, .txt, or anything else that may hold a table
}

std::optional<Preset> LaunchOptions::csvExperiment(const QString& path, QString* error) {
  std::optional<Preset> chosen = seedPreset();
  try {
    CsvTable table = readCsvTable(path.toStdString());
    const int targets = targetColumns(table);
    chosen->dataset = datasetFromTable(std::move(table), path.toStdString(), targets);
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return std::nullopt;
  }
  chosen->name = path.toStdString();
  useCsvDefaults(*chosen);
  return chosen;
}

QString LaunchOptions::knownPresets() {
  QStringList names;
  for (const std::string& known : presetNames()) names << QString::fromStdString(known);
  return names.join(QStringLiteral(", "));
}

std::optional<Preset> LaunchOptions::experiment(QString* error) const {
  const std::string name = preset.isEmpty() ? std::string("seed") : preset.toStdString();
  std::optional<Preset> chosen = findPreset(name);
  if (!chosen) {
    *error = QCoreApplication::translate("LaunchOptions", "unknown preset \"%1\" (known: %2)")
                 .arg(preset, knownPresets());
    return std::nullopt;
  }
  if (!filePath.isEmpty() && kindOf(filePath) == FileKind::Csv) {
    chosen = csvExperiment(filePath, error);
    if (!chosen) return std::nullopt;
  }
  // A session or model file opened over the seed brings its own place in training.
  if (!filePath.isEmpty() && kindOf(filePath) != FileKind::Csv) chosen->stopAt = 0;
  if (stopAt) chosen->stopAt = *stopAt;
  if (!reshape(*this, *chosen, error)) return std::nullopt;
  return chosen;
}

}  // namespace nnlab
