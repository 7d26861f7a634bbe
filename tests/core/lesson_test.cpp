#include "core/lesson/lesson.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/training_runner.h"

namespace nnlab {
namespace {

constexpr const char* kGood = R"(# a lesson
id: and-by-hand
title: AND by hand
title.zh_CN: 手工做出 AND
text: First line.
text:
text: Second paragraph.
task: Make the output 1 only for (1,1).
hint: Try a threshold between 1 and 2.
hint-after: 30
preset: mp-and
lr: 0.5
stop: never
weight: 1 1 1 = 0.25
bias: 1 1 = -1
lock: trainButton, stepButton
highlight: networkView
check: output[4] == 1 and output[1] == 0
show: weight 1 2 1 1
show: bias 1 1 -1.5
show: train 3
show: set learningRate 0.1
show: layers 2,3,1
show: backprop 4
)";

std::string problemWith(const std::string& text) {
  std::string error;
  EXPECT_FALSE(parseLesson(text, "bad.lesson", &error)) << text;
  return error;
}

TEST(Lesson, ReadsEveryKey) {
  std::string error;
  const auto lesson = parseLesson(kGood, "good.lesson", &error);
  ASSERT_TRUE(lesson) << error;
  EXPECT_EQ(lesson->id, "and-by-hand");
  EXPECT_EQ(lesson->title.in("zh_CN"), "手工做出 AND");
  EXPECT_EQ(lesson->title.in("de"), "AND by hand");
  EXPECT_EQ(lesson->text.in("zh_CN"), "First line.\n\nSecond paragraph.");
  EXPECT_EQ(lesson->hintAfterSeconds, 30.0);
  EXPECT_EQ(lesson->preset, "mp-and");
  EXPECT_EQ(lesson->learningRate, 0.5);
  EXPECT_EQ(lesson->stopAt, 0);
  ASSERT_EQ(lesson->parameters.size(), 2u);
  EXPECT_TRUE(lesson->parameters[1].bias);
  EXPECT_EQ(lesson->parameters[1].value, -1.0);
  EXPECT_EQ(lesson->locked, (std::vector<std::string>{"trainButton", "stepButton"}));
  EXPECT_EQ(lesson->highlights, std::vector<std::string>{"networkView"});
  EXPECT_EQ(lesson->check->text(), "output[4] == 1 and output[1] == 0");
  ASSERT_EQ(lesson->showMe.size(), 6u);
  EXPECT_EQ(lesson->showMe[0].kind, LessonStep::Kind::Weight);
  EXPECT_EQ(lesson->showMe[0].numbers, (std::vector<double>{1, 2, 1, 1}));
  EXPECT_EQ(lesson->showMe[3].control, "learningRate");
  EXPECT_EQ(lesson->showMe[3].value, "0.1");
  EXPECT_EQ(lesson->showMe[4].numbers, (std::vector<double>{2, 3, 1}));
  EXPECT_EQ(lesson->showMe[5].line, 24);
}

TEST(Lesson, SetsUpItsExperiment) {
  std::string error;
  const auto lesson = parseLesson(kGood, "good.lesson", &error);
  ASSERT_TRUE(lesson);
  const auto preset = lessonExperiment(*lesson, "good.lesson", &error);
  ASSERT_TRUE(preset) << error;
  EXPECT_EQ(preset->settings.optimizer.learningRate, 0.5);
  EXPECT_EQ(preset->stopAt, 0);
  Network network = preset->makeNetwork();
  ASSERT_TRUE(applyLessonParameters(*lesson, "good.lesson", &network, &error)) << error;
  EXPECT_EQ(network.layer(0).weights(0, 0), 0.25);
  EXPECT_EQ(network.layer(0).bias(0), -1.0);
}

TEST(Lesson, BadLinesAreNamedWithTheirProblem) {
  const std::string head = "id: x\ntitle: X\ntask: T\ncheck: loss < 1\n";
  EXPECT_EQ(problemWith(head + "just words"), "bad.lesson:5: expected 'key: value'");
  EXPECT_EQ(problemWith(head + "colour: red"), "bad.lesson:5: unknown key 'colour'");
  EXPECT_EQ(problemWith(head + "title.fr: X"),
            "bad.lesson:5: unknown language 'fr' (known: en, zh_CN)");
  EXPECT_EQ(problemWith(head + "lr.zh_CN: 1"), "bad.lesson:5: 'lr' is not written per language");
  EXPECT_EQ(problemWith("id: x\ncheck: loss <"),
            "bad.lesson:2: check: column 7: expected a number or a name, found the end");
  EXPECT_EQ(problemWith(head + "check: loss < 2"), "bad.lesson:5: a lesson has one check");
  EXPECT_EQ(problemWith(head + "lr: -1"), "bad.lesson:5: lr: a learning rate > 0");
  EXPECT_EQ(problemWith(head + "layers: 3"),
            "bad.lesson:5: layers: sizes separated by commas, e.g. 3,4,1");
  EXPECT_EQ(problemWith(head + "activation: wiggle"),
            "bad.lesson:5: activation: unknown activation 'wiggle'");
  EXPECT_EQ(problemWith(head + "weight: 1 1 = 2"),
            "bad.lesson:5: weight: LAYER I J = VALUE, e.g. weight: 1 2 1 = 0.5");
  EXPECT_EQ(problemWith(head + "show: dance"), "bad.lesson:5: show: unknown action 'dance'");
  EXPECT_EQ(problemWith(head + "show: train"), "bad.lesson:5: show: train EPOCHS");
  EXPECT_EQ(problemWith(head + "show: train many"), "bad.lesson:5: show: train EPOCHS");
  EXPECT_EQ(problemWith(head + "stop: soon"),
            "bad.lesson:5: stop: an epoch (a whole number) or never");
  EXPECT_EQ(problemWith("id: x\ntitle: X\ntask: T\n"), "bad.lesson:1: the lesson has no check");
  EXPECT_EQ(problemWith("title: X\n"), "bad.lesson:1: the lesson has no id");
  EXPECT_EQ(problemWith(head + "session: s.nnlab\nlayers: 3,8,1\n"),
            "bad.lesson:5: session: a session brings its own network and settings; only lr, stop "
            "and weight apply to it");
}

TEST(Lesson, SetUpProblemsNameTheirLine) {
  const std::string head = "id: x\ntitle: X\ntask: T\ncheck: loss < 1\n";
  std::string error;
  auto lesson = parseLesson(head + "preset: nonsense\n", "bad.lesson", &error);
  ASSERT_TRUE(lesson);
  EXPECT_FALSE(lessonExperiment(*lesson, "bad.lesson", &error));
  EXPECT_EQ(error, "bad.lesson:5: unknown preset 'nonsense'");
  lesson = parseLesson(head + "preset: seed\nweight: 3 1 1 = 1\n", "bad.lesson", &error);
  ASSERT_TRUE(lesson);
  EXPECT_FALSE(lessonExperiment(*lesson, "bad.lesson", &error));
  EXPECT_EQ(error, "bad.lesson:6: weight: the network has no layer 3");
  lesson = parseLesson(head + "weight: 1 4 1 = 1\n", "bad.lesson", &error);
  ASSERT_TRUE(lesson);
  EXPECT_FALSE(lessonExperiment(*lesson, "bad.lesson", &error));
  EXPECT_EQ(error, "bad.lesson:5: weight: layer 1 has no weight 4 → 1");
  lesson = parseLesson(head + "bias: 1 1 = 1\n", "bad.lesson", &error);
  ASSERT_TRUE(lesson);
  EXPECT_FALSE(lessonExperiment(*lesson, "bad.lesson", &error));
  EXPECT_EQ(error, "bad.lesson:5: bias: the network's layers have no biases");
  lesson = parseLesson(head + "preset: seed\nlayers: 2,4,1\n", "bad.lesson", &error);
  ASSERT_TRUE(lesson);
  EXPECT_FALSE(lessonExperiment(*lesson, "bad.lesson", &error));
  EXPECT_EQ(
      error,
      "bad.lesson:6: layers: must start with the data's 3 input(s) and end with its 1 target(s)");
}

TEST(Lesson, GradesPredictionsAndPointsAtTheFirstWrongOne) {
  const std::string text =
      "id: x\ntitle: X\ntask: T\ncheck: loss < 1\npreset: seed\n"
      "predict: weight[1][1][1] + weight[1][3][1]\nlabel: z\nlabel.zh_CN: z\n"
      "predict: sigmoid(weight[1][1][1] + weight[1][3][1])\nlabel: a = σ(z)\ntolerance: 0.01\n";
  std::string error;
  const auto lesson = parseLesson(text, "p.lesson", &error);
  ASSERT_TRUE(lesson) << error;
  ASSERT_EQ(lesson->predictions.size(), 2u);
  EXPECT_EQ(lesson->predictions[1].label.in("zh_CN"), "a = σ(z)");  // falls back to English
  TrainingSnapshot snapshot;
  snapshot.network =
      Network(NetworkSpec{3, {{4, Activation::Sigmoid}, {1, Activation::Sigmoid}}, false});
  snapshot.network.layer(0).weights(0, 0) = 0.5;
  snapshot.network.layer(0).weights(2, 0) = 0.25;
  const SnapshotQuantities q(snapshot);
  const double a = 1.0 / (1.0 + std::exp(-0.75));
  auto grade = gradePredictions(lesson->predictions, {0.75, a}, q, lesson->tolerance);
  EXPECT_TRUE(grade.right());
  EXPECT_DOUBLE_EQ(grade.values[1], a);
  grade = gradePredictions(lesson->predictions, {0.755, 0.5}, q, lesson->tolerance);
  EXPECT_EQ(grade.firstWrong, 1);  // z within 0.01; σ(0.75) is not 0.5
  grade = gradePredictions(lesson->predictions, {0.8, a}, q, lesson->tolerance);
  EXPECT_EQ(grade.firstWrong, 0);
  grade = gradePredictions(lesson->predictions, {std::nullopt, a}, q, lesson->tolerance);
  EXPECT_EQ(grade.firstWrong, 0);  // left empty
}

TEST(Lesson, APredictionNeedsItsLabel) {
  const std::string head = "id: x\ntitle: X\ntask: T\ncheck: loss < 1\n";
  EXPECT_EQ(problemWith(head + "predict: loss\n"),
            "bad.lesson:5: predict: needs a label line after it");
  EXPECT_EQ(problemWith(head + "label: z\n"),
            "bad.lesson:5: label: comes after the predict line it names");
  EXPECT_EQ(problemWith(head + "predict: loss +\n"),
            "bad.lesson:5: predict: column 7: expected a number or a name, found the end");
}

}  // namespace
}  // namespace nnlab
