#include "ui/window/launch_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <cmath>
#include <exception>
#include <limits>

#include "core/activation.h"
#include "core/csv_reader.h"
#include "ui/window/application_info.h"

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

/// "64,32,1" → {64, 32, 1}; empty when any part is not a positive whole number.
std::vector<int> layerSizes(const QString& text) {
  std::vector<int> sizes;
  for (const QString& part : text.split(QLatin1Char(','))) {
    bool ok = false;
    const int units = part.trimmed().toInt(&ok);
    if (!ok || units < 1) return {};
    sizes.push_back(units);
  }
  return sizes;
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

/// The activations a hidden layer may use (softmax is for output layers).
QString hiddenActivationNames() {
  QStringList names;
  for (Activation a : {Activation::Sigmoid, Activation::Tanh, Activation::Relu, Activation::Linear,
                       Activation::Step})
    names << QString::fromUtf8(activationName(a).data(),
                               static_cast<qsizetype>(activationName(a).size()));
  return names.join(QStringLiteral(", "));
}

QString knownPresets() {
  QStringList names;
  for (const std::string& known : presetNames()) names << QString::fromStdString(known);
  return names.join(QStringLiteral(", "));
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

LaunchOptions LaunchOptions::parse(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("LaunchOptions", "Watch and steer a neural network learning."));
  const QCommandLineOption help = parser.addHelpOption();
  const QCommandLineOption version = parser.addVersionOption();
  const QCommandLineOption preset(
      QStringLiteral("preset"),
      QCoreApplication::translate("LaunchOptions", "Open a preset: %1.").arg(knownPresets()),
      QStringLiteral("name"));
  const QCommandLineOption trainFor(
      QStringLiteral("train-for"),
      QCoreApplication::translate("LaunchOptions", "Train at full speed for this wall time."),
      QStringLiteral("seconds"));
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QCoreApplication::translate("LaunchOptions", "Save a picture of the window."),
      QStringLiteral("file.png"));
  const QCommandLineOption report(
      QStringLiteral("report"),
      QCoreApplication::translate("LaunchOptions", "Write figures of the run as JSON."),
      QStringLiteral("file.json"));
  const QCommandLineOption layers(
      QStringLiteral("layers"),
      QCoreApplication::translate("LaunchOptions",
                                  "Network shape: inputs, hidden units…, outputs (e.g. 8,16,1)."),
      QStringLiteral("I,H,...,O"));
  const QCommandLineOption activation(
      QStringLiteral("activation"),
      QCoreApplication::translate("LaunchOptions", "Hidden layers' activation function: %1.")
          .arg(hiddenActivationNames()),
      QStringLiteral("name"));
  const QCommandLineOption quit(QStringLiteral("quit"),
                                QCoreApplication::translate("LaunchOptions", "Exit when done."));
  const QCommandLineOption save(
      QStringLiteral("save"),
      QCoreApplication::translate("LaunchOptions",
                                  "Save the session after training (see --train-for)."),
      QStringLiteral("file.nnlab"));
  const QCommandLineOption size(
      QStringLiteral("size"),
      QCoreApplication::translate("LaunchOptions", "The window's size, e.g. 1400x900."),
      QStringLiteral("WxH"));
  const QCommandLineOption autosave(
      QStringLiteral("autosave-seconds"),
      QCoreApplication::translate("LaunchOptions",
                                  "How often a changed session is autosaved (default 30)."),
      QStringLiteral("seconds"));
  const QCommandLineOption explain(
      QStringLiteral("explain"),
      QCoreApplication::translate(
          "LaunchOptions", "Open the Backprop view on the next update (after --train-for)."));
  const QCommandLineOption explainStep(
      QStringLiteral("explain-step"),
      QCoreApplication::translate("LaunchOptions",
                                  "The Backprop view's step to show, from 1 (default: the first "
                                  "backward step)."),
      QStringLiteral("N"));
  const QCommandLineOption stopAtOption(
      QStringLiteral("stop-at"),
      QCoreApplication::translate("LaunchOptions",
                                  "Stop training at this epoch, or never (the seed's is 1500)."),
      QStringLiteral("N|never"));
  const QCommandLineOption atEpochOption(
      QStringLiteral("at-epoch"),
      QCoreApplication::translate("LaunchOptions",
                                  "Show this epoch of the run (after --train-for, or of an "
                                  "opened session) in the screenshot and the report."),
      QStringLiteral("K"));
  const QCommandLineOption lang(
      QStringLiteral("lang"),
      QCoreApplication::translate("LaunchOptions",
                                  "The window's language: en or zh_CN (default: as chosen in "
                                  "View ▸ Language, else the system's)."),
      QStringLiteral("code"));
  const QCommandLineOption lessonOption(
      QStringLiteral("lesson"),
      QCoreApplication::translate("LaunchOptions",
                                  "Open a lesson: its number in Help ▸ Lessons, or a lesson file."),
      QStringLiteral("N|file.lesson"));
  const QCommandLineOption showMe(
      QStringLiteral("show-me"),
      QCoreApplication::translate("LaunchOptions", "Play the lesson's Show me (with --lesson)."));
  QCommandLineOption resume(QStringLiteral("resume"), QString(), QStringLiteral("file"));
  QCommandLineOption resumeAs(QStringLiteral("resume-as"), QString(), QStringLiteral("file"));
  QCommandLineOption resumeModified(QStringLiteral("resume-modified"));
  for (QCommandLineOption* hidden : {&resume, &resumeAs, &resumeModified})
    hidden->setFlags(QCommandLineOption::HiddenFromHelp);
  parser.addOptions({preset,     layers,      activation,     trainFor,     stopAtOption,
                     screenshot, report,      save,           size,         autosave,
                     explain,    explainStep, atEpochOption,  quit,         lang,
                     resume,     resumeAs,    resumeModified, lessonOption, showMe});
  parser.addPositionalArgument(
      QStringLiteral("file"),
      QCoreApplication::translate(
          "LaunchOptions",
          "A file to open: a session (.nnlab), a model (.json or .onnx, trained on the data it "
          "fits) or data (.csv: numeric columns under a header row; trailing columns named y… "
          "or target… are the targets, else the last column)."),
      QStringLiteral("[file.nnlab | file.csv | model.json]"));
  LaunchOptions options;
  if (!parser.parse(arguments)) {
    options.error = parser.errorText();
    return options;
  }
  if (parser.isSet(help)) {
    options.help = true;
    options.usage = parser.helpText();
    return options;
  }
  if (parser.isSet(version)) {
    options.version = true;
    options.usage = versionText();
    return options;
  }
  options.preset = parser.value(preset);
  options.screenshotPath = parser.value(screenshot);
  options.reportPath = parser.value(report);
  options.savePath = parser.value(save);
  if (parser.isSet(size)) {
    const QStringList parts = parser.value(size).split(QLatin1Char('x'));
    bool wide = false, high = false;
    if (parts.size() == 2) options.windowSize = QSize(parts[0].toInt(&wide), parts[1].toInt(&high));
    if (!wide || !high || options.windowSize.width() < 1 || options.windowSize.height() < 1)
      options.error =
          QCoreApplication::translate("LaunchOptions", "--size needs WIDTHxHEIGHT, e.g. 1400x900");
  }
  if (parser.isSet(autosave)) {
    bool ok = false;
    options.autosaveSeconds = parser.value(autosave).toDouble(&ok);
    if (!ok || !(options.autosaveSeconds > 0))
      options.error = QCoreApplication::translate(
          "LaunchOptions", "--autosave-seconds needs a number of seconds > 0");
  }
  options.quit = parser.isSet(quit);
  options.language = parser.value(lang);
  if (parser.isSet(lang) && options.language != QStringLiteral("en") &&
      options.language != QStringLiteral("zh_CN"))
    options.error = QCoreApplication::translate("LaunchOptions", "--lang needs en or zh_CN");
  options.lesson = parser.value(lessonOption);
  options.lessonShowMe = parser.isSet(showMe);
  if (options.lessonShowMe && options.lesson.isEmpty())
    options.error = QCoreApplication::translate("LaunchOptions", "--show-me needs --lesson");
  options.resumePath = parser.value(resume);
  options.resumeAs = parser.value(resumeAs);
  options.resumeModified = parser.isSet(resumeModified);
  options.explain = parser.isSet(explain) || parser.isSet(explainStep);
  if (parser.isSet(explainStep)) {
    bool ok = false;
    options.explainStep = parser.value(explainStep).toInt(&ok);
    if (!ok || options.explainStep < 1)
      options.error =
          QCoreApplication::translate("LaunchOptions", "--explain-step needs a step number ≥ 1");
  }
  if (parser.isSet(stopAtOption)) {
    const QString value = parser.value(stopAtOption).trimmed();
    bool ok = value == QLatin1String("never");
    if (ok) {
      options.stopAt = 0;
    } else {
      const long long epoch = value.toLongLong(&ok);
      ok = ok && epoch >= 1;
      if (ok) options.stopAt = epoch;
    }
    if (!ok)
      options.error = QCoreApplication::translate(
                          "LaunchOptions", "--stop-at needs an epoch ≥ 1 or \"never\", not \"%1\"")
                          .arg(value);
  }
  if (parser.isSet(atEpochOption)) {
    bool ok = false;
    const QString value = parser.value(atEpochOption).trimmed();
    const long long epoch = value.toLongLong(&ok);
    if (ok && epoch >= 0)
      options.atEpoch = epoch;
    else
      options.error =
          QCoreApplication::translate("LaunchOptions", "--at-epoch needs an epoch ≥ 0, not \"%1\"")
              .arg(value);
  }
  if (parser.isSet(trainFor)) {
    bool ok = false;
    options.trainForSeconds = parser.value(trainFor).toDouble(&ok);
    if (!ok || options.trainForSeconds < 0)
      options.error =
          QCoreApplication::translate("LaunchOptions", "--train-for needs a number of seconds ≥ 0");
  }
  if (parser.isSet(layers)) {
    options.layers = layerSizes(parser.value(layers));
    if (options.layers.size() < 2)
      options.error = QCoreApplication::translate(
          "LaunchOptions", "--layers needs at least two positive numbers, e.g. 3,4,1");
  }
  options.activation = parser.value(activation);
  const auto hidden = parseActivation(options.activation.toStdString());
  if (!options.activation.isEmpty() && !hidden)
    options.error =
        QCoreApplication::translate("LaunchOptions", "unknown activation \"%1\" (known: %2)")
            .arg(options.activation, QString::fromStdString(activationNames()));
  else if (hidden && !isElementwise(*hidden))
    options.error = QCoreApplication::translate(
        "LaunchOptions",
        "--activation sets the hidden layers', and softmax belongs on an output layer only");
  const QStringList files = parser.positionalArguments();
  if (files.size() > 1)
    options.error = QCoreApplication::translate("LaunchOptions", "give at most one file to open");
  else if (!files.isEmpty())
    options.filePath = files.front();
  if (!options.filePath.isEmpty() && !options.preset.isEmpty())
    options.error =
        QCoreApplication::translate("LaunchOptions", "give either --preset or a file to open");
  if (!options.filePath.isEmpty() && kindOf(options.filePath) != FileKind::Csv &&
      (!options.layers.empty() || !options.activation.isEmpty()))
    options.error = QCoreApplication::translate(
        "LaunchOptions", "--layers and --activation shape a preset or CSV data, not a saved file");
  return options;
}

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
