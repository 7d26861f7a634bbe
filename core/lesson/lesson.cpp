#include "core/lesson/lesson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <sstream>

namespace nnlab {

const std::vector<std::string>& lessonLanguages() {
  static const std::vector<std::string> languages = {"en", "zh_CN"};
  return languages;
}

std::string LessonText::in(const std::string& language) const {
  const auto found = byLanguage.find(language);
  if (found != byLanguage.end()) return found->second;
  const auto english = byLanguage.find("en");
  return english != byLanguage.end() ? english->second : std::string();
}

namespace {

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> words(const std::string& text, char separator = ' ') {
  std::vector<std::string> result;
  std::string word;
  std::istringstream stream(text);
  while (std::getline(stream, word, separator)) {
    word = trim(word);
    if (!word.empty()) result.push_back(word);
  }
  return result;
}

bool toNumber(const std::string& text, double* value) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, *value);
  return ec == std::errc() && ptr == end;
}

bool toNumbers(const std::vector<std::string>& texts, std::vector<double>* values) {
  for (const std::string& text : texts) {
    double value = 0.0;
    if (!toNumber(text, &value)) return false;
    values->push_back(value);
  }
  return true;
}

struct StepSyntax {
  std::string_view word;
  LessonStep::Kind kind;
  int minNumbers, maxNumbers;
  std::string_view usage;
};
constexpr StepSyntax kSteps[] = {
    {"lr", LessonStep::Kind::LearningRate, 1, 1, "lr RATE"},
    {"weight", LessonStep::Kind::Weight, 4, 4, "weight LAYER I J VALUE"},
    {"bias", LessonStep::Kind::Bias, 3, 3, "bias LAYER J VALUE"},
    {"train", LessonStep::Kind::Train, 1, 1, "train EPOCHS"},
    {"reset", LessonStep::Kind::Reset, 1, 1, "reset SEED"},
    {"row", LessonStep::Kind::Row, 1, 1, "row ROW"},
    {"backprop", LessonStep::Kind::Backprop, 0, 1, "backprop [STEP]"},
};

/// One line's reader: fills `lesson`, or returns the problem.
class LineReader {
 public:
  explicit LineReader(Lesson& lesson) : m_lesson(lesson) {}
  std::string read(const std::string& key, const std::string& language, const std::string& value,
                   int line);

 private:
  std::string readText(const std::string& key, const std::string& language,
                       const std::string& value);
  std::string readSetup(const std::string& key, const std::string& value, int line);
  std::string readParameter(bool bias, const std::string& value, int line);
  std::string readStep(const std::string& value, int line);
  Lesson& m_lesson;
};

std::string LineReader::read(const std::string& key, const std::string& language,
                             const std::string& value, int line) {
  if (key == "title" || key == "text" || key == "task" || key == "hint")
    return readText(key, language, value);
  if (key == "label") {
    if (m_lesson.predictions.empty()) return "label: comes after the predict line it names";
    const std::string lang = language.empty() ? "en" : language;
    if (lang != "en" && lang != "zh_CN")
      return "unknown language '" + lang + "' (known: en, zh_CN)";
    m_lesson.predictions.back().label.byLanguage[lang] = value;
    return {};
  }
  if (!language.empty()) return "'" + key + "' is not written per language";
  if (key == "id") {
    if (value.empty() || value.find(' ') != std::string::npos) return "id: one word, e.g. mp-and";
    m_lesson.id = value;
    return {};
  }
  if (key == "check") {
    if (m_lesson.check) return "a lesson has one check";
    std::string error;
    auto expression = CheckExpression::parse(value, &error);
    if (!expression) return "check: " + error;
    m_lesson.check = std::make_shared<CheckExpression>(std::move(*expression));
    return {};
  }
  if (key == "predict") {
    std::string error;
    auto expression = CheckExpression::parse(value, &error);
    if (!expression) return "predict: " + error;
    Prediction prediction;
    prediction.value = std::make_shared<CheckExpression>(std::move(*expression));
    prediction.line = line;
    m_lesson.predictions.push_back(std::move(prediction));
    return {};
  }
  if (key == "tolerance") {
    double tolerance = 0.0;
    if (!toNumber(value, &tolerance) || !(tolerance > 0)) return "tolerance: a number > 0";
    m_lesson.tolerance = tolerance;
    return {};
  }
  if (key == "hint-after") {
    double seconds = 0.0;
    if (!toNumber(value, &seconds) || seconds < 0) return "hint-after: a number of seconds, ≥ 0";
    m_lesson.hintAfterSeconds = seconds;
    return {};
  }
  if (key == "lock" || key == "highlight") {
    auto& names = key == "lock" ? m_lesson.locked : m_lesson.highlights;
    for (const std::string& name : words(value, ',')) {
      names.push_back(name);
      m_lesson.controlLines.try_emplace(name, line);
    }
    return {};
  }
  if (key == "weight" || key == "bias") return readParameter(key == "bias", value, line);
  if (key == "show") return readStep(value, line);
  return readSetup(key, value, line);
}

std::string LineReader::readText(const std::string& key, const std::string& language,
                                 const std::string& value) {
  const std::string lang = language.empty() ? "en" : language;
  bool known = false;
  for (const std::string& l : lessonLanguages()) known = known || l == lang;
  if (!known) return "unknown language '" + lang + "' (known: en, zh_CN)";
  LessonText& text = key == "title"  ? m_lesson.title
                     : key == "text" ? m_lesson.text
                     : key == "task" ? m_lesson.task
                                     : m_lesson.hint;
  auto [entry, inserted] = text.byLanguage.try_emplace(lang, value);
  if (!inserted) {
    if (key == "title") return "a lesson has one title per language";
    entry->second += "\n" + value;  // text continues on the next line; an empty one is a break
  }
  return {};
}

std::string LineReader::readSetup(const std::string& key, const std::string& value, int line) {
  double number = 0.0;
  if (key == "preset") {
    m_lesson.preset = value;
    m_lesson.setupLine = line;
  } else if (key == "session") {
    m_lesson.session = value;
    m_lesson.setupLine = line;
  } else if (key == "layers") {
    std::vector<double> sizes;
    if (!toNumbers(words(value, ','), &sizes) || sizes.size() < 2)
      return "layers: sizes separated by commas, e.g. 3,4,1";
    m_lesson.layers.clear();
    m_lesson.layersLine = line;
    for (double size : sizes) {
      if (size < 1 || size != static_cast<int>(size)) return "layers: sizes are whole numbers ≥ 1";
      m_lesson.layers.push_back(static_cast<int>(size));
    }
  } else if (key == "activation") {
    if (!parseActivation(value)) return "activation: unknown activation '" + value + "'";
    m_lesson.activation = value;
  } else if (key == "optimizer") {
    if (!parseOptimizer(value)) return "optimizer: unknown optimizer '" + value + "'";
    m_lesson.optimizer = value;
  } else if (key == "loss") {
    if (!parseLoss(value)) return "loss: unknown loss '" + value + "'";
    m_lesson.loss = value;
  } else if (key == "lr") {
    if (!toNumber(value, &number) || !(number > 0)) return "lr: a learning rate > 0";
    m_lesson.learningRate = number;
  } else if (key == "stop") {
    if (value == "never")
      number = 0;
    else if (!toNumber(value, &number) || number < 0 || number != static_cast<long long>(number))
      return "stop: an epoch (a whole number) or never";
    m_lesson.stopAt = static_cast<long long>(number);
  } else if (key == "seed") {
    if (!toNumber(value, &number) || number < 0 || number != static_cast<long long>(number))
      return "seed: a whole number ≥ 0";
    m_lesson.seed = static_cast<std::uint64_t>(number);
  } else {
    return "unknown key '" + key + "'";
  }
  return {};
}

std::string LineReader::readParameter(bool bias, const std::string& value, int line) {
  std::vector<std::string> parts = words(value);
  if (parts.size() >= 2 && parts[parts.size() - 2] == "=") parts.erase(parts.end() - 2);
  std::vector<double> numbers;
  const std::size_t count = bias ? 3 : 4;
  if (parts.size() != count || !toNumbers(parts, &numbers))
    return bias ? "bias: LAYER J = VALUE, e.g. bias: 1 1 = -1.5"
                : "weight: LAYER I J = VALUE, e.g. weight: 1 2 1 = 0.5";
  ParameterSetting setting;
  setting.bias = bias;
  setting.layer = static_cast<int>(numbers[0]);
  setting.from = bias ? 1 : static_cast<int>(numbers[1]);
  setting.to = static_cast<int>(numbers[bias ? 1 : 2]);
  setting.value = numbers.back();
  setting.line = line;
  m_lesson.parameters.push_back(setting);
  return {};
}

std::string LineReader::readStep(const std::string& value, int line) {
  const std::vector<std::string> parts = words(value);
  if (parts.empty()) return "show: an action, e.g. train 100";
  LessonStep step;
  step.line = line;
  if (parts[0] == "set") {
    if (parts.size() < 3) return "show: set CONTROL VALUE";
    step.kind = LessonStep::Kind::Set;
    step.control = parts[1];
    m_lesson.controlLines.try_emplace(parts[1], line);
    step.value = trim(value.substr(value.find(parts[1]) + parts[1].size()));
  } else if (parts[0] == "layers") {
    std::vector<double> sizes;
    if (parts.size() != 2 || !toNumbers(words(parts[1], ','), &sizes) || sizes.size() < 2)
      return "show: layers I,H,…,O, e.g. layers 2,8,1";
    step.kind = LessonStep::Kind::Layers;
    step.numbers = sizes;
  } else {
    const StepSyntax* syntax = nullptr;
    for (const StepSyntax& s : kSteps)
      if (s.word == parts[0]) syntax = &s;
    if (!syntax) return "show: unknown action '" + parts[0] + "'";
    const std::vector<std::string> arguments(parts.begin() + 1, parts.end());
    const int count = static_cast<int>(arguments.size());
    if (count < syntax->minNumbers || count > syntax->maxNumbers ||
        !toNumbers(arguments, &step.numbers))
      return "show: " + std::string(syntax->usage);
    step.kind = syntax->kind;
  }
  m_lesson.showMe.push_back(std::move(step));
  return {};
}

std::string located(const std::string& fileName, int line, const std::string& problem) {
  return fileName + ":" + std::to_string(line) + ": " + problem;
}

}  // namespace

std::optional<Lesson> parseLesson(std::string_view text, const std::string& fileName,
                                  std::string* error) {
  Lesson lesson;
  LineReader reader(lesson);
  std::istringstream stream{std::string(text)};
  std::string raw;
  int line = 0;
  while (std::getline(stream, raw)) {
    ++line;
    const std::string content = trim(raw);
    if (content.empty() || content[0] == '#') continue;
    const auto colon = content.find(':');
    if (colon == std::string::npos) {
      *error = located(fileName, line, "expected 'key: value'");
      return std::nullopt;
    }
    std::string key = trim(content.substr(0, colon));
    std::string language;
    if (const auto dot = key.find('.'); dot != std::string::npos) {
      language = key.substr(dot + 1);
      key = key.substr(0, dot);
    }
    const std::string problem = reader.read(key, language, trim(content.substr(colon + 1)), line);
    if (!problem.empty()) {
      *error = located(fileName, line, problem);
      return std::nullopt;
    }
  }
  const char* missing = lesson.id.empty()                      ? "id"
                        : !lesson.title.byLanguage.count("en") ? "title"
                        : !lesson.task.byLanguage.count("en")  ? "task"
                        : !lesson.check                        ? "check"
                                                               : nullptr;
  for (const Prediction& prediction : lesson.predictions) {
    if (!prediction.label.byLanguage.count("en")) {
      *error = located(fileName, prediction.line, "predict: needs a label line after it");
      return std::nullopt;
    }
  }
  if (!lesson.session.empty() &&
      (!lesson.layers.empty() || !lesson.activation.empty() || !lesson.optimizer.empty() ||
       !lesson.loss.empty() || lesson.seed ||
       std::any_of(lesson.parameters.begin(), lesson.parameters.end(),
                   [](const ParameterSetting& p) { return p.bias; }))) {
    *error = located(fileName, lesson.setupLine,
                     "session: a session brings its own network and settings; only lr, stop "
                     "and weight apply to it");
    return std::nullopt;
  }
  if (missing) {
    *error = located(fileName, 1, std::string("the lesson has no ") + missing);
    return std::nullopt;
  }
  return lesson;
}

PredictionGrade gradePredictions(const std::vector<Prediction>& predictions,
                                 const std::vector<std::optional<double>>& typed,
                                 const Quantities& quantities, double tolerance) {
  PredictionGrade grade;
  for (std::size_t i = 0; i < predictions.size(); ++i) {
    std::string error;
    const auto value = predictions[i].value->evaluate(quantities, &error);
    grade.values.push_back(value.value_or(std::numeric_limits<double>::quiet_NaN()));
    const bool right =
        value && i < typed.size() && typed[i] &&
        std::abs(*typed[i] - *value) <= std::max(tolerance, tolerance * std::abs(*value));
    if (!right && grade.firstWrong < 0) grade.firstWrong = static_cast<int>(i);
  }
  return grade;
}

}  // namespace nnlab
