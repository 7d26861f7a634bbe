#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lesson/check_expression.h"
#include "core/presets.h"

namespace nnlab {

/// A text in several languages ("en", "zh_CN"); in() falls back to English.
struct LessonText {
  std::map<std::string, std::string> byLanguage;
  std::string in(const std::string& language) const;
  bool empty() const { return byLanguage.empty(); }
};

/// One action of a lesson's Show me (see docs/lesson-format.md).
struct LessonStep {
  enum class Kind {
    LearningRate,  ///< lr X
    Weight,        ///< weight L I J X
    Bias,          ///< bias L J X
    Train,         ///< train N: N epochs, then pause
    Reset,         ///< reset S: new weights from seed S
    Layers,        ///< layers I,H,…,O: a new architecture
    Row,           ///< row R: show data row R in the graph
    Backprop,      ///< backprop [N]: open the Backprop view (at step N)
    Set,           ///< set NAME VALUE: a control by its object name
  };
  Kind kind = Kind::Train;
  std::vector<double> numbers;
  std::string control;  ///< Set: the control's object name
  std::string value;    ///< Set: the value, as typed
  int line = 0;
};

/// One number of a "predict, then see" exercise: the learner types it before seeing it.
struct Prediction {
  LessonText label;                        ///< what to type, e.g. "z = Σ x·w of h1 for row 4"
  std::shared_ptr<CheckExpression> value;  ///< the number, over the lesson's quantities
  int line = 0;
};

/// How a learner's typed numbers compare with the predictions' values.
struct PredictionGrade {
  std::vector<double> values;  ///< every prediction's value (NaN where it has none)
  int firstWrong = -1;         ///< the first prediction typed wrong or not at all; −1: all right
  bool right() const { return firstWrong < 0; }
};
/// Grades `typed` (one per prediction; nullopt: left empty) within `tolerance`: absolute, or
/// relative to the value where that is larger.
PredictionGrade gradePredictions(const std::vector<Prediction>& predictions,
                                 const std::vector<std::optional<double>>& typed,
                                 const Quantities& quantities, double tolerance);

/// A weight or bias the set-up puts in place (indices from 1).
struct ParameterSetting {
  bool bias = false;
  int layer = 1, from = 1, to = 1;  ///< bias: `to` is the unit, `from` unused
  double value = 0.0;
  int line = 0;
};

/// A lesson as its file describes it.
struct Lesson {
  std::string id;
  LessonText title, text, task, hint;
  // The set-up: a preset (or a session file beside the lesson) and overrides.
  std::string preset = "seed";
  std::string session;
  std::vector<int> layers;  ///< inputs, units…, outputs; empty: the preset's
  std::string activation;   ///< hidden layers'; empty: the preset's
  std::string optimizer;    ///< empty: the preset's
  std::string loss;         ///< empty: the preset's
  std::optional<double> learningRate;
  std::optional<long long> stopAt;  ///< 0: never
  std::optional<std::uint64_t> seed;
  std::vector<ParameterSetting> parameters;
  std::vector<std::string> locked;      ///< controls disabled during the lesson (object names)
  std::vector<std::string> highlights;  ///< controls framed during the lesson (object names)
  std::shared_ptr<CheckExpression> check;
  double hintAfterSeconds = 60.0;
  std::vector<LessonStep> showMe;
  std::vector<Prediction> predictions;  ///< "predict, then see", in the order asked
  double tolerance = 0.005;
  int setupLine = 0;   ///< the line of the preset (for set-up errors)
  int layersLine = 0;  ///< the line of the layers
  /// Each control name used (lock, highlight, show: set) and the line it is first on, so that a
  /// window can say which line names a control it does not have.
  std::map<std::string, int> controlLines;
};

/// The languages lesson texts may be written in.
const std::vector<std::string>& lessonLanguages();

/// Reads a lesson file's text; nullopt with `error` set to "FILE:LINE: problem" when it is not
/// a valid lesson.
std::optional<Lesson> parseLesson(std::string_view text, const std::string& fileName,
                                  std::string* error);

/// The experiment the lesson starts from: its preset with the overrides applied. nullopt with
/// `error` ("FILE:LINE: problem") when the preset is unknown or an override does not fit.
std::optional<Preset> lessonExperiment(const Lesson& lesson, const std::string& fileName,
                                       std::string* error);
/// `network` with the lesson's weights and biases put in; false with `error` ("FILE:LINE:
/// problem") when one does not exist in it.
bool applyLessonParameters(const Lesson& lesson, const std::string& fileName, Network* network,
                           std::string* error);

}  // namespace nnlab
