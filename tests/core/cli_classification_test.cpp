// nnlab-cli on classification: class labels with ce, test splits, accuracies, presets.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli/cli.h"
#include "tests/core/cli_test_support.h"

namespace nnlab::cli {
namespace {

namespace fs = std::filesystem;

using testing::CliRun;
using testing::run;
using testing::TempCsv;

const char* kThreeClasses = "a,b,label\n0,0,0\n0.1,0.1,0\n1,0,1\n0.9,0.1,1\n0,1,2\n0.1,0.9,2\n";

TEST(CliClassification, ClassLabelsTrainASoftmaxWithCe) {
  TempCsv csv(kThreeClasses);
  const CliRun result = run({"train", "--data", csv.path(), "--layers", "2,8,3", "--activation",
                             "tanh", "--output-activation", "softmax", "--loss", "ce",
                             "--optimizer", "adam", "--lr", "0.05", "--epochs", "300", "--quiet"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("final CE"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("label=2"), std::string::npos) << result.out;
}

/// The line of `text` that starts with `prefix`, or "" when none does.
std::string lineStarting(const std::string& text, const std::string& prefix) {
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);)
    if (line.starts_with(prefix)) return line;
  return "";
}

// predict reads what train read: the same class-label CSV, the softmax model trained on it. It
// says which columns it took as what, and gives the loss and accuracy train gave.
TEST(CliClassification, PredictReadsTheClassLabelsTrainReadAndReportsLossAndAccuracy) {
  TempCsv csv(kThreeClasses);
  const CliRun trained = run({"train",   "--data",       csv.path(),    "--layers",
                              "2,8,3",   "--activation", "tanh",        "--output-activation",
                              "softmax", "--loss",       "ce",          "--optimizer",
                              "adam",    "--lr",         "0.05",        "--epochs",
                              "300",     "--quiet",      "--model-out", csv.file("m.json")});
  ASSERT_EQ(trained.code, 0) << trained.err;
  const CliRun predicted = run({"predict", "--model", csv.file("m.json"), "--data", csv.path()});
  ASSERT_EQ(predicted.code, 0) << predicted.err;
  EXPECT_TRUE(predicted.out.starts_with("a,b,label=0_pred,label=1_pred,label=2_pred\n"))
      << predicted.out;
  EXPECT_EQ(lineStarting(predicted.err, "inputs: "), "inputs: a, b") << predicted.err;
  EXPECT_EQ(lineStarting(predicted.err, "targets: "), "targets: label (class labels 0…2)");
  // The same numbers train printed for the same weights on the same rows.
  const std::string finalLine = lineStarting(trained.out, "final CE ");  // "final CE x after …"
  const std::string trainedLoss = finalLine.substr(9, finalLine.find(" after") - 9);
  EXPECT_EQ(lineStarting(predicted.err, "loss: "), "loss: CE " + trainedLoss) << predicted.err;
  const std::string trainedAccuracy = lineStarting(trained.out, "accuracy: train ").substr(16);
  EXPECT_EQ(lineStarting(predicted.err, "accuracy: "), "accuracy: " + trainedAccuracy);

  // One-hot targets, and no targets at all, are read too.
  std::ofstream(csv.file("onehot.csv")) << "a,b,c0,c1,c2\n0,0,1,0,0\n1,0,0,1,0\n0,1,0,0,1\n";
  const CliRun onehot =
      run({"predict", "--model", csv.file("m.json"), "--data", csv.file("onehot.csv")});
  ASSERT_EQ(onehot.code, 0) << onehot.err;
  EXPECT_EQ(lineStarting(onehot.err, "targets: "), "targets: c0, c1, c2");
  EXPECT_NE(lineStarting(onehot.err, "accuracy: "), "") << onehot.err;
  std::ofstream(csv.file("inputs.csv")) << "a,b\n0,0\n";
  const CliRun inputs =
      run({"predict", "--model", csv.file("m.json"), "--data", csv.file("inputs.csv")});
  ASSERT_EQ(inputs.code, 0) << inputs.err;
  EXPECT_EQ(inputs.err, "inputs: a, b\ntargets: none (predictions only)\n");
  // A label the model has no output for is refused, naming its row, as train refuses it.
  std::ofstream(csv.file("bad.csv")) << "a,b,label\n0,0,0\n0,1,3\n";
  const CliRun bad = run({"predict", "--model", csv.file("m.json"), "--data", csv.file("bad.csv")});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("row 2: class label 3"), std::string::npos) << bad.err;
}

TEST(CliClassification, LabelsOutOfRangeAreNamedByRow) {
  TempCsv csv("a,b,label\n0,0,0\n1,0,1\n0,1,3\n");
  const CliRun result = run({"train", "--data", csv.path(), "--layers", "2,3", "--activation",
                             "softmax", "--loss", "ce", "--epochs", "1", "--quiet"});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("row 3: class label 3"), std::string::npos) << result.err;
}

TEST(CliClassification, HiddenSoftmaxIsRefused) {
  TempCsv csv(kThreeClasses);
  const CliRun result = run({"train", "--data", csv.path(), "--layers", "2,4,3", "--activation",
                             "softmax", "--loss", "ce", "--epochs", "1", "--quiet"});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("only the output layer"), std::string::npos) << result.err;
}

TEST(CliClassification, EarlyStopNeedsATestSet) {
  TempCsv csv(kThreeClasses);
  const CliRun result = run({"train", "--data", csv.path(), "--layers", "2,3", "--activation",
                             "softmax", "--loss", "ce", "--early-stop", "5", "--quiet"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("--test-split"), std::string::npos) << result.err;
}

TEST(CliClassification, TestSplitHoldsRowsOutAndReportsAccuracy) {
  TempCsv csv(kThreeClasses);
  const CliRun result = run({"train",   "--data",       csv.path(), "--layers",
                             "2,8,3",   "--activation", "tanh",     "--output-activation",
                             "softmax", "--loss",       "ce",       "--optimizer",
                             "adam",    "--lr",         "0.05",     "--epochs",
                             "100",     "--test-split", "34",       "--quiet"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("test CE"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("on 2 held-out rows"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("accuracy: train "), std::string::npos) << result.out;
}

}  // namespace
}  // namespace nnlab::cli
