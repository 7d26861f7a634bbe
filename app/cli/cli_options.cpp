#include "app/cli/cli_options.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <string_view>
#include <utility>

#include "core/presets.h"

namespace nnlab::cli {
namespace {

/// Walks the arguments, splitting "--name=value" and handing out values.
class Arguments {
 public:
  explicit Arguments(std::vector<std::string> args) : m_args(std::move(args)) {}

  bool done() const { return m_next >= m_args.size(); }

  /// The next argument; for "--name=value" just "--name" (the value is kept for value()).
  std::string next() {
    std::string arg = m_args[m_next++];
    m_inline.reset();
    if (const std::size_t equals = arg.find('='); arg.starts_with("--") && equals != arg.npos) {
      m_inline = arg.substr(equals + 1);
      arg.erase(equals);
    }
    m_option = arg;
    return arg;
  }

  /// The current option's value: after '=' or the following argument.
  std::string value() {
    if (m_inline) return *std::exchange(m_inline, std::nullopt);
    if (done()) throw UsageError(std::string(m_option).append(" needs a value"));
    return m_args[m_next++];
  }

  /// Rejects "--flag=value" for options that take none.
  void noValue() const {
    if (m_inline) throw UsageError(std::string(m_option).append(" takes no value"));
  }

  const std::string& option() const { return m_option; }

 private:
  std::vector<std::string> m_args;
  std::size_t m_next = 0;
  std::string m_option;
  std::optional<std::string> m_inline;
};

[[noreturn]] void badValue(const Arguments& args, const std::string& text, const char* expected) {
  throw UsageError(
      std::string(args.option()).append(": '").append(text).append("' is not ").append(expected));
}

long long wholeNumber(Arguments& args, long long minimum, long long maximum) {
  const std::string text = args.value();
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error == std::errc::invalid_argument || end != text.data() + text.size()) {
    badValue(args, text, "a whole number");
  }
  if (error == std::errc::result_out_of_range || value < minimum || value > maximum) {
    throw UsageError(std::string(args.option())
                         .append(": ")
                         .append(text)
                         .append(" is out of range (")
                         .append(std::to_string(minimum))
                         .append(" to ")
                         .append(std::to_string(maximum))
                         .append(")"));
  }
  return value;
}

int count(Arguments& args, int minimum) {
  return static_cast<int>(wholeNumber(args, minimum, std::numeric_limits<int>::max()));
}

double rate(Arguments& args) {
  const std::string text = args.value();
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value) || value < 0.0) {
    badValue(args, text, "a finite number ≥ 0");
  }
  return value;
}

double percent(Arguments& args) {
  const double value = rate(args);
  if (value > 100.0) throw UsageError(std::string(args.option()).append(": at most 100 percent"));
  return value;
}

std::uint64_t seed(Arguments& args) {
  const std::string text = args.value();
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    badValue(args, text, "a whole number from 0 to 18446744073709551615");
  }
  return value;
}

std::vector<int> layerSizes(Arguments& args) {
  const std::string text = args.value();
  constexpr int kMaxUnits = 1'000'000;
  std::vector<int> sizes;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    int units = 0;
    const char* first = text.data() + start;
    const char* last = text.data() + comma;
    const auto [end, error] = std::from_chars(first, last, units);
    if (first == last || error != std::errc() || end != last || units < 1 || units > kMaxUnits) {
      badValue(args, text, "a list of unit counts from 1 to 1000000 like 3,4,1");
    }
    sizes.push_back(units);
    if (comma == text.size()) break;
    start = comma + 1;
  }
  if (sizes.size() < 2) badValue(args, text, "inputs and at least one layer, like 3,4,1");
  return sizes;
}

template <typename T>
T choice(Arguments& args, std::optional<T> (*parse)(std::string_view), const std::string& names) {
  const std::string text = args.value();
  const std::optional<T> value = parse(text);
  if (!value) {
    throw UsageError(std::string(args.option())
                         .append(": unknown value '")
                         .append(text)
                         .append("' (valid: ")
                         .append(names)
                         .append(")"));
  }
  return *value;
}

std::string presetName(Arguments& args) {
  std::string text = args.value();
  if (!findPreset(text)) {
    std::string names;
    for (const auto& name : presetNames()) names += (names.empty() ? "" : ", ") + name;
    throw UsageError(std::string("--preset: unknown preset '")
                         .append(text)
                         .append("' (valid: ")
                         .append(names)
                         .append(")"));
  }
  return text;
}

using TrainHandler = std::function<void(TrainOptions&, Arguments&)>;

const std::vector<std::pair<std::string_view, TrainHandler>>& trainHandlers() {
  using T = TrainOptions;
  using A = Arguments;
  static const std::vector<std::pair<std::string_view, TrainHandler>> handlers{
      {"--preset", [](T& o, A& a) { o.preset = presetName(a); }},
      {"--data", [](T& o, A& a) { o.dataPath = a.value(); }},
      {"--targets", [](T& o, A& a) { o.targets = count(a, 1); }},
      {"--model-in", [](T& o, A& a) { o.modelIn = a.value(); }},
      {"--layers", [](T& o, A& a) { o.layers = layerSizes(a); }},
      {"--activation",
       [](T& o, A& a) { o.activation = choice(a, parseActivation, activationNames()); }},
      {"--output-activation",
       [](T& o, A& a) { o.outputActivation = choice(a, parseActivation, activationNames()); }},
      {"--no-bias", [](T& o, A& a) { a.noValue(), o.noBias = true; }},
      {"--init", [](T& o, A& a) { o.init = choice(a, parseInit, initNames()); }},
      {"--seed", [](T& o, A& a) { o.seed = seed(a); }},
      {"--loss", [](T& o, A& a) { o.loss = choice(a, parseLoss, lossNames()); }},
      {"--optimizer",
       [](T& o, A& a) { o.optimizer = choice(a, parseOptimizer, optimizerNames()); }},
      {"--lr", [](T& o, A& a) { o.learningRate = rate(a); }},
      {"--batch-size", [](T& o, A& a) { o.batchSize = count(a, 0); }},
      {"--l1", [](T& o, A& a) { o.l1 = rate(a); }},
      {"--l2", [](T& o, A& a) { o.l2 = rate(a); }},
      {"--epochs", [](T& o, A& a) { o.epochs = wholeNumber(a, 0, kMaxEpochs); }},
      {"--test-split", [](T& o, A& a) { o.testSplit = percent(a); }},
      {"--early-stop", [](T& o, A& a) { o.earlyStop = wholeNumber(a, 1, kMaxEpochs); }},
      {"--loss-goal", [](T& o, A& a) { o.lossGoal = rate(a); }},
      {"--scale", [](T& o, A& a) { o.scaling = choice(a, parseScaling, scalingNames()); }},
      {"--model-out", [](T& o, A& a) { o.modelOut = a.value(); }},
      {"--history", [](T& o, A& a) { o.historyPath = a.value(); }},
      {"--quiet", [](T& o, A& a) { a.noValue(), o.quiet = true; }},
  };
  return handlers;
}

[[noreturn]] void unknown(const std::string& arg, const char* command) {
  throw UsageError(
      arg.starts_with("-")
          ? std::string(command).append(": unknown option ").append(arg)
          : std::string(command).append(": unexpected argument '").append(arg).append("'"));
}

bool isHelp(const std::string& arg) { return arg == "--help" || arg == "-h"; }

/// Applies `arg` if it is one of train's options; false otherwise.
bool trainOption(const std::string& arg, TrainOptions& options, Arguments& args) {
  const auto& handlers = trainHandlers();
  const auto found = std::find_if(handlers.begin(), handlers.end(),
                                  [&](const auto& entry) { return entry.first == arg; });
  if (found == handlers.end()) return false;
  found->second(options, args);
  return true;
}

CommandLine parseTrain(Arguments& args) {
  CommandLine line;
  line.kind = CommandLine::Kind::Train;
  while (!args.done()) {
    const std::string arg = args.next();
    if (isHelp(arg)) return {CommandLine::Kind::TrainHelp, {}, {}, {}};
    if (!trainOption(arg, line.train, args)) unknown(arg, "train");
  }
  return line;
}

std::array<int, 3> weightIndex(Arguments& args) {
  const std::string text = args.value();
  std::array<int, 3> index{};
  std::size_t start = 0;
  for (std::size_t k = 0; k < 3; ++k) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const char* first = text.data() + start;
    const char* last = text.data() + comma;
    const auto [end, error] = std::from_chars(first, last, index[k]);
    if (first == last || error != std::errc() || end != last || index[k] < 1 ||
        (k < 2 && comma == text.size()) || (k == 2 && comma != text.size())) {
      badValue(args, text, "L,I,J: a layer, an input of it and a unit of it, each from 1");
    }
    start = comma + 1;
  }
  return index;
}

CommandLine parseExplain(Arguments& args) {
  CommandLine line;
  line.kind = CommandLine::Kind::Explain;
  ExplainOptions& options = line.explain;
  while (!args.done()) {
    const std::string arg = args.next();
    if (isHelp(arg)) return {CommandLine::Kind::ExplainHelp, {}, {}, {}};
    if (arg == "--epochs-before") {
      options.epochsBefore = wholeNumber(args, 0, kMaxEpochs);
    } else if (arg == "--json") {
      options.jsonPath = args.value();
    } else if (arg == "--sample") {
      options.sample = count(args, 1);
    } else if (arg == "--weight") {
      options.weight = weightIndex(args);
    } else if (arg == "--epochs" || arg == "--model-out" || arg == "--history" ||
               arg == "--early-stop" || arg == "--loss-goal" || arg == "--quiet") {
      throw UsageError("explain: " + arg + " is train's; explain trains --epochs-before N " +
                       "epochs, then explains one update");
    } else if (!trainOption(arg, options.train, args)) {
      unknown(arg, "explain");
    }
  }
  return line;
}

CommandLine parsePredict(Arguments& args) {
  CommandLine line;
  line.kind = CommandLine::Kind::Predict;
  bool haveModel = false;
  bool haveData = false;
  while (!args.done()) {
    const std::string arg = args.next();
    if (isHelp(arg)) return {CommandLine::Kind::PredictHelp, {}, {}, {}};
    if (arg == "--model") {
      line.predict.modelPath = args.value();
      haveModel = true;
    } else if (arg == "--data") {
      line.predict.dataPath = args.value();
      haveData = true;
    } else if (arg == "--targets") {
      line.predict.targets = count(args, 0);
    } else {
      unknown(arg, "predict");
    }
  }
  if (!haveModel || !haveData)
    throw UsageError("predict needs --model FILE.json and --data FILE.csv");
  return line;
}

CommandLine parseExport(Arguments& args) {
  CommandLine line;
  line.kind = CommandLine::Kind::Export;
  ExportOptions& options = line.exportModel;
  bool haveFormat = false;
  while (!args.done()) {
    const std::string arg = args.next();
    if (isHelp(arg)) return {CommandLine::Kind::ExportHelp, {}, {}, {}};
    if (arg == "--model") {
      options.modelPath = args.value();
    } else if (arg == "--format") {
      options.format = choice(args, parseExportFormat, exportFormatNames());
      haveFormat = true;
    } else if (arg == "--out") {
      options.outPath = args.value();
    } else if (arg == "--float32") {
      args.noValue();
      options.float32 = true;
    } else {
      unknown(arg, "export");
    }
  }
  if (options.modelPath.empty() || !haveFormat || options.outPath.empty())
    throw UsageError("export needs --model FILE.json, --format onnx|numpy|c and --out FILE");
  return line;
}

}  // namespace

CommandLine parseCommandLine(const std::vector<std::string>& args) {
  if (args.empty()) throw UsageError("no command given");
  const std::string& command = args.front();
  if (isHelp(command) || command == "help") return {};
  if (command == "--version" || command == "-v") {
    CommandLine version;
    version.kind = CommandLine::Kind::Version;
    return version;
  }
  Arguments rest(std::vector<std::string>(args.begin() + 1, args.end()));
  if (command == "train") return parseTrain(rest);
  if (command == "predict") return parsePredict(rest);
  if (command == "explain") return parseExplain(rest);
  if (command == "export") return parseExport(rest);
  throw UsageError(std::string("unknown command '").append(command).append("'"));
}

}  // namespace nnlab::cli
