// LaunchOptions::parse: nnlab's command line, read and checked. The options are a table; each
// group of them is read by a function of its own.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <iterator>
#include <vector>

#include "core/activation.h"
#include "ui/window/application_info.h"
#include "ui/window/launch_options.h"

namespace nnlab {

namespace {

enum Switch {
  kPreset,
  kLayers,
  kActivationName,
  kTrainFor,
  kStopAt,
  kScreenshot,
  kReport,
  kSave,
  kSize,
  kAutosave,
  kExplain,
  kExplainStep,
  kAtEpoch,
  kQuit,
  kLang,
  kResume,
  kResumeAs,
  kResumeModified,
  kLesson,
  kShowMe,
  kSwitchCount,
};

struct SwitchSpec {
  const char* name;
  const char* help;   ///< nullptr: hidden from --help (used by a restart)
  const char* value;  ///< the value's name; nullptr for a flag
};

// In the order of the Switch values, which is the order --help lists them in.
constexpr SwitchSpec kSwitches[] = {
    {"preset", QT_TRANSLATE_NOOP("LaunchOptions", "Open a preset: %1."), "name"},
    {"layers",
     QT_TRANSLATE_NOOP("LaunchOptions",
                       "Network shape: inputs, hidden units…, outputs (e.g. 8,16,1)."),
     "I,H,...,O"},
    {"activation", QT_TRANSLATE_NOOP("LaunchOptions", "Hidden layers' activation function: %1."),
     "name"},
    {"train-for", QT_TRANSLATE_NOOP("LaunchOptions", "Train at full speed for this wall time."),
     "seconds"},
    {"stop-at",
     QT_TRANSLATE_NOOP("LaunchOptions",
                       "Stop training at this epoch, or never (the seed's is 1500)."),
     "N|never"},
    {"screenshot", QT_TRANSLATE_NOOP("LaunchOptions", "Save a picture of the window."), "file.png"},
    {"report", QT_TRANSLATE_NOOP("LaunchOptions", "Write figures of the run as JSON."),
     "file.json"},
    {"save",
     QT_TRANSLATE_NOOP("LaunchOptions", "Save the session after training (see --train-for)."),
     "file.nnlab"},
    {"size", QT_TRANSLATE_NOOP("LaunchOptions", "The window's size, e.g. 1400x900."), "WxH"},
    {"autosave-seconds",
     QT_TRANSLATE_NOOP("LaunchOptions", "How often a changed session is autosaved (default 30)."),
     "seconds"},
    {"explain",
     QT_TRANSLATE_NOOP("LaunchOptions",
                       "Open the Backprop view on the next update (after --train-for)."),
     nullptr},
    {"explain-step",
     QT_TRANSLATE_NOOP("LaunchOptions",
                       "The Backprop view's step to show, from 1 (default: the first backward "
                       "step)."),
     "N"},
    {"at-epoch",
     QT_TRANSLATE_NOOP("LaunchOptions",
                       "Show this epoch of the run (after --train-for, or of an opened session) "
                       "in the screenshot and the report."),
     "K"},
    {"quit", QT_TRANSLATE_NOOP("LaunchOptions", "Exit when done."), nullptr},
    {"lang",
     QT_TRANSLATE_NOOP("LaunchOptions",
                       "The window's language: en or zh_CN (default: as chosen in View ▸ "
                       "Language, else the system's)."),
     "code"},
    {"resume", nullptr, "file"},
    {"resume-as", nullptr, "file"},
    {"resume-modified", nullptr, nullptr},
    {"lesson",
     QT_TRANSLATE_NOOP("LaunchOptions",
                       "Open a lesson: its number in Help ▸ Lessons, or a lesson file."),
     "N|file.lesson"},
    {"show-me", QT_TRANSLATE_NOOP("LaunchOptions", "Play the lesson's Show me (with --lesson)."),
     nullptr},
};
static_assert(std::size(kSwitches) == kSwitchCount, "one entry per Switch, in its order");

QString translated(const char* text) { return QCoreApplication::translate("LaunchOptions", text); }

/// The activations a hidden layer may use (softmax is for output layers).
QString hiddenActivationNames() {
  QStringList names;
  for (Activation a : {Activation::Sigmoid, Activation::Tanh, Activation::Relu, Activation::Linear,
                       Activation::Step})
    names << QString::fromUtf8(activationName(a).data(),
                               static_cast<qsizetype>(activationName(a).size()));
  return names.join(QStringLiteral(", "));
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

/// The parser with nnlab's options; `options[s]` is Switch s.
struct Parser {
  Parser();
  bool isSet(Switch s) const { return parser.isSet(options[s]); }
  QString value(Switch s) const { return parser.value(options[s]); }

  QCommandLineParser parser;
  std::vector<QCommandLineOption> options;
  QCommandLineOption help{QStringLiteral("help")};
  QCommandLineOption version{QStringLiteral("version")};
};

Parser::Parser() {
  parser.setApplicationDescription(
      translated(QT_TRANSLATE_NOOP("LaunchOptions", "Watch and steer a neural network learning.")));
  help = parser.addHelpOption();
  version = parser.addVersionOption();
  for (const SwitchSpec& spec : kSwitches) {
    QString text = spec.help ? translated(spec.help) : QString();
    if (&spec == &kSwitches[kPreset]) text = text.arg(LaunchOptions::knownPresets());
    if (&spec == &kSwitches[kActivationName]) text = text.arg(hiddenActivationNames());
    const QString name = QString::fromLatin1(spec.name);
    options.push_back(spec.value ? QCommandLineOption(name, text, QString::fromLatin1(spec.value))
                                 : QCommandLineOption(name, text));
    if (!spec.help) options.back().setFlags(QCommandLineOption::HiddenFromHelp);
  }
  parser.addOptions(QList<QCommandLineOption>(options.begin(), options.end()));
  parser.addPositionalArgument(
      QStringLiteral("file"),
      translated(QT_TRANSLATE_NOOP(
          "LaunchOptions",
          "A file to open: a session (.nnlab), a model (.json or .onnx, trained on the data it "
          "fits) or data (.csv: numeric columns under a header row; trailing columns named y… "
          "or target… are the targets, else the last column).")),
      QStringLiteral("[file.nnlab | file.csv | model.json]"));
}

/// The window, its language, the lesson, autosave and a restart's session.
void readWindow(const Parser& p, LaunchOptions& options) {
  options.preset = p.value(kPreset);
  options.screenshotPath = p.value(kScreenshot);
  options.reportPath = p.value(kReport);
  options.savePath = p.value(kSave);
  if (p.isSet(kSize)) {
    const QStringList parts = p.value(kSize).split(QLatin1Char('x'));
    bool wide = false, high = false;
    if (parts.size() == 2) options.windowSize = QSize(parts[0].toInt(&wide), parts[1].toInt(&high));
    if (!wide || !high || options.windowSize.width() < 1 || options.windowSize.height() < 1)
      options.error = translated(
          QT_TRANSLATE_NOOP("LaunchOptions", "--size needs WIDTHxHEIGHT, e.g. 1400x900"));
  }
  if (p.isSet(kAutosave)) {
    bool ok = false;
    options.autosaveSeconds = p.value(kAutosave).toDouble(&ok);
    if (!ok || !(options.autosaveSeconds > 0))
      options.error = translated(
          QT_TRANSLATE_NOOP("LaunchOptions", "--autosave-seconds needs a number of seconds > 0"));
  }
  options.quit = p.isSet(kQuit);
  options.language = p.value(kLang);
  if (p.isSet(kLang) && options.language != QStringLiteral("en") &&
      options.language != QStringLiteral("zh_CN"))
    options.error = translated(QT_TRANSLATE_NOOP("LaunchOptions", "--lang needs en or zh_CN"));
  options.lesson = p.value(kLesson);
  options.lessonShowMe = p.isSet(kShowMe);
  if (options.lessonShowMe && options.lesson.isEmpty())
    options.error = translated(QT_TRANSLATE_NOOP("LaunchOptions", "--show-me needs --lesson"));
  options.resumePath = p.value(kResume);
  options.resumeAs = p.value(kResumeAs);
  options.resumeModified = p.isSet(kResumeModified);
}

/// What the run does: how long it trains, where it stops, which epoch and step it shows.
void readRun(const Parser& p, LaunchOptions& options) {
  options.explain = p.isSet(kExplain) || p.isSet(kExplainStep);
  if (p.isSet(kExplainStep)) {
    bool ok = false;
    options.explainStep = p.value(kExplainStep).toInt(&ok);
    if (!ok || options.explainStep < 1)
      options.error =
          translated(QT_TRANSLATE_NOOP("LaunchOptions", "--explain-step needs a step number ≥ 1"));
  }
  if (p.isSet(kStopAt)) {
    const QString value = p.value(kStopAt).trimmed();
    bool ok = value == QLatin1String("never");
    if (ok) {
      options.stopAt = 0;
    } else {
      const long long epoch = value.toLongLong(&ok);
      ok = ok && epoch >= 1;
      if (ok) options.stopAt = epoch;
    }
    if (!ok)
      options.error =
          translated(QT_TRANSLATE_NOOP("LaunchOptions",
                                       "--stop-at needs an epoch ≥ 1 or \"never\", not \"%1\""))
              .arg(value);
  }
  if (p.isSet(kAtEpoch)) {
    bool ok = false;
    const QString value = p.value(kAtEpoch).trimmed();
    const long long epoch = value.toLongLong(&ok);
    if (ok && epoch >= 0)
      options.atEpoch = epoch;
    else
      options.error = translated(QT_TRANSLATE_NOOP("LaunchOptions",
                                                   "--at-epoch needs an epoch ≥ 0, not \"%1\""))
                          .arg(value);
  }
  if (p.isSet(kTrainFor)) {
    bool ok = false;
    options.trainForSeconds = p.value(kTrainFor).toDouble(&ok);
    if (!ok || options.trainForSeconds < 0)
      options.error = translated(
          QT_TRANSLATE_NOOP("LaunchOptions", "--train-for needs a number of seconds ≥ 0"));
  }
}

/// The network's shape, and the file to open.
void readShapeAndFile(const Parser& p, LaunchOptions& options) {
  if (p.isSet(kLayers)) {
    options.layers = layerSizes(p.value(kLayers));
    if (options.layers.size() < 2)
      options.error = translated(QT_TRANSLATE_NOOP(
          "LaunchOptions", "--layers needs at least two positive numbers, e.g. 3,4,1"));
  }
  options.activation = p.value(kActivationName);
  const auto hidden = parseActivation(options.activation.toStdString());
  if (!options.activation.isEmpty() && !hidden)
    options.error =
        translated(QT_TRANSLATE_NOOP("LaunchOptions", "unknown activation \"%1\" (known: %2)"))
            .arg(options.activation, QString::fromStdString(activationNames()));
  else if (hidden && !isElementwise(*hidden))
    options.error = translated(QT_TRANSLATE_NOOP(
        "LaunchOptions",
        "--activation sets the hidden layers', and softmax belongs on an output layer only"));
  const QStringList files = p.parser.positionalArguments();
  if (files.size() > 1)
    options.error = translated(QT_TRANSLATE_NOOP("LaunchOptions", "give at most one file to open"));
  else if (!files.isEmpty())
    options.filePath = files.front();
  if (!options.filePath.isEmpty() && !options.preset.isEmpty())
    options.error =
        translated(QT_TRANSLATE_NOOP("LaunchOptions", "give either --preset or a file to open"));
  if (!options.filePath.isEmpty() &&
      LaunchOptions::kindOf(options.filePath) != LaunchOptions::FileKind::Csv &&
      (!options.layers.empty() || !options.activation.isEmpty()))
    options.error = translated(QT_TRANSLATE_NOOP(
        "LaunchOptions", "--layers and --activation shape a preset or CSV data, not a saved file"));
}

}  // namespace

LaunchOptions LaunchOptions::parse(const QStringList& arguments) {
  Parser p;
  LaunchOptions options;
  if (!p.parser.parse(arguments)) {
    options.error = p.parser.errorText();
    return options;
  }
  if (p.parser.isSet(p.help)) {
    options.help = true;
    options.usage = p.parser.helpText();
    return options;
  }
  if (p.parser.isSet(p.version)) {
    options.version = true;
    options.usage = versionText();
    return options;
  }
  // Each reader may set `error`; the last problem found is the one reported.
  readWindow(p, options);
  readRun(p, options);
  readShapeAndFile(p, options);
  return options;
}

}  // namespace nnlab
