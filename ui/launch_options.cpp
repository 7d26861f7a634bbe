#include "launch_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <exception>

#include "csv_reader.h"

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

}  // namespace

LaunchOptions LaunchOptions::parse(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("LaunchOptions", "Watch and steer a neural network learning."));
  parser.addHelpOption();
  const QCommandLineOption preset(QStringLiteral("preset"),
                                  QCoreApplication::translate("LaunchOptions", "Open a preset."),
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
  const QCommandLineOption quit(QStringLiteral("quit"),
                                QCoreApplication::translate("LaunchOptions", "Exit when done."));
  parser.addOptions({preset, trainFor, screenshot, report, quit});
  parser.addPositionalArgument(QStringLiteral("file.csv"),
                               QCoreApplication::translate("LaunchOptions", "Data to open."));
  LaunchOptions options;
  if (!parser.parse(arguments)) {
    options.error = parser.errorText();
    return options;
  }
  options.preset = parser.value(preset);
  options.screenshotPath = parser.value(screenshot);
  options.reportPath = parser.value(report);
  options.quit = parser.isSet(quit);
  if (parser.isSet(trainFor)) {
    bool ok = false;
    options.trainForSeconds = parser.value(trainFor).toDouble(&ok);
    if (!ok || options.trainForSeconds < 0)
      options.error =
          QCoreApplication::translate("LaunchOptions", "--train-for needs a number of seconds ≥ 0");
  }
  const QStringList files = parser.positionalArguments();
  if (files.size() > 1)
    options.error = QCoreApplication::translate("LaunchOptions", "give at most one CSV file");
  else if (!files.isEmpty())
    options.csvPath = files.front();
  if (!options.csvPath.isEmpty() && !options.preset.isEmpty())
    options.error =
        QCoreApplication::translate("LaunchOptions", "give either --preset or a CSV file");
  return options;
}

bool LaunchOptions::scripted() const {
  return trainForSeconds > 0 || !screenshotPath.isEmpty() || !reportPath.isEmpty() || quit;
}

std::optional<Preset> LaunchOptions::experiment(QString* error) const {
  const std::string name = preset.isEmpty() ? std::string("seed") : preset.toStdString();
  std::optional<Preset> chosen = findPreset(name);
  if (!chosen) {
    QStringList names;
    for (const std::string& known : presetNames()) names << QString::fromStdString(known);
    *error = QCoreApplication::translate("LaunchOptions", "unknown preset \"%1\" (known: %2)")
                 .arg(preset, names.join(QStringLiteral(", ")));
    return std::nullopt;
  }
  if (csvPath.isEmpty()) return chosen;
  try {
    CsvTable table = readCsvTable(csvPath.toStdString());
    const int targets = targetColumns(table);
    chosen->dataset = datasetFromTable(std::move(table), csvPath.toStdString(), targets);
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return std::nullopt;
  }
  chosen->name = csvPath.toStdString();
  chosen->spec.inputs = chosen->dataset.inputColumns();
  chosen->spec.layers.back().units = chosen->dataset.targetColumns();
  chosen->spec.bias = true;  // unlike the seed table, arbitrary data has no constant column
  return chosen;
}

}  // namespace nnlab
