// nnlab-cli on classification: class labels with ce, test splits, accuracies, presets.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli.h"
#include "cli_test_support.h"

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
