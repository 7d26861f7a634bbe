// nnlab-cli export, and ONNX files read by predict and train --model-in: a model PyTorch wrote
// (tests/export/make_torch_mlp.py) and the bad input the issue lists.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/model_json.h"
#include "tests/core/cli_test_support.h"

namespace nnlab::cli {
namespace {

using testing::CliRun;
using testing::run;
using testing::TempDir;

std::string contents(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

/// One line, ending in a line end.
void expectOneLine(const std::string& text) {
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.find('\n'), text.size() - 1) << text;
}

/// The last column of a CSV's rows.
std::vector<double> lastColumn(const std::string& csv) {
  std::vector<double> values;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) values.push_back(std::stod(line.substr(line.rfind(',') + 1)));
  return values;
}

const std::string kTorch = NNLAB_EXPORT_TEST_DIR "/torch_mlp.onnx";
const std::string kTorchFloat = NNLAB_EXPORT_TEST_DIR "/torch_mlp_float32.onnx";

class ExportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(file("rows.csv")) << "x1,x2\n0,0\n0,1\n1,0\n1,1\n-2.5,0.75\n3,-1.25\n";
  }
  std::string file(const std::string& name) const { return m_dir.file(name); }

  TempDir m_dir;
};

TEST_F(ExportCli, PredictReadsAModelPyTorchExportedAndAgreesWithPyTorch) {
  const std::vector<double> expected =
      lastColumn(contents(NNLAB_EXPORT_TEST_DIR "/torch_mlp_expected.csv"));
  ASSERT_EQ(expected.size(), 6u);
  for (const std::string& model : {kTorch, kTorchFloat}) {
    const CliRun result = run({"predict", "--model", model, "--data", file("rows.csv")});
    ASSERT_EQ(result.code, 0) << result.err;
    const std::vector<double> predictions = lastColumn(result.out);
    ASSERT_EQ(predictions.size(), expected.size()) << result.out;
    // PyTorch's weights are floats either way; both files hold the same numbers.
    for (std::size_t r = 0; r < expected.size(); ++r)
      EXPECT_NEAR(predictions[r], expected[r], 1e-12 * std::abs(expected[r])) << model;
  }
}

TEST_F(ExportCli, TrainContinuesFromAnOnnxModel) {
  std::ofstream(file("train.csv")) << "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n";
  const CliRun result = run({"train", "--model-in", kTorch, "--data", file("train.csv"), "--epochs",
                             "50", "--quiet", "--model-out", file("out.json")});
  ASSERT_EQ(result.code, 0) << result.err;
  const Network network = readModelFile(file("out.json"));
  EXPECT_EQ(network.spec().shapeText(), "2-5-3-1");
  EXPECT_EQ(network.layer(1).activation, Activation::Relu);
}

TEST_F(ExportCli, ExportsAnOnnxModelToTheOtherFormats) {
  for (const char* format : {"onnx", "numpy", "c"}) {
    const CliRun result =
        run({"export", "--model", kTorch, "--format", format, "--out", file("out")});
    ASSERT_EQ(result.code, 0) << result.err;
    EXPECT_NE(result.out.find("2-5-3-1"), std::string::npos) << result.out;
  }
  EXPECT_NE(contents(file("out")).find("void predict(const double* in, double* out)"),
            std::string::npos);
}

TEST_F(ExportCli, AnUnwritablePathIsOneLineAndExitStatus1) {
  const CliRun result = run({"export", "--model", kTorch, "--format", "onnx", "--out",
                             file("no-such-folder/model.onnx")});
  EXPECT_EQ(result.code, 1);
  expectOneLine(result.err);
}

TEST_F(ExportCli, AFailedExportLeavesTheOldFileAsItWas) {
  std::ofstream(file("model.h")) << "old";
  std::ofstream(file("bad.onnx")) << "\x0a\x05truncated";
  const CliRun result =
      run({"export", "--model", file("bad.onnx"), "--format", "c", "--out", file("model.h")});
  EXPECT_EQ(result.code, 1);
  expectOneLine(result.err);
  EXPECT_NE(result.err.find("truncated or corrupt"), std::string::npos) << result.err;
  EXPECT_EQ(contents(file("model.h")), "old");
}

TEST_F(ExportCli, ATruncatedOnnxFileIsOneLineAndExitStatus1) {
  const std::string bytes = contents(kTorch);
  std::ofstream(file("cut.onnx"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  const CliRun result = run({"predict", "--model", file("cut.onnx"), "--data", file("rows.csv")});
  EXPECT_EQ(result.code, 1);
  expectOneLine(result.err);
  EXPECT_TRUE(result.err.starts_with(file("cut.onnx") + ": ")) << result.err;
}

TEST_F(ExportCli, DataThatDoesNotFitAnOnnxModelIsOneLineAndExitStatus1) {
  std::ofstream(file("three.csv")) << "a,b,c\n1,2,3\n";
  const CliRun result =
      run({"predict", "--model", kTorch, "--data", file("three.csv"), "--targets", "0"});
  EXPECT_EQ(result.code, 1);
  expectOneLine(result.err);
}

TEST_F(ExportCli, BadCommandLinesAreUsageErrors) {
  EXPECT_EQ(run({"export", "--model", kTorch, "--format", "pdf", "--out", file("x")}).code, 2);
  EXPECT_EQ(run({"export", "--model", kTorch, "--out", file("x")}).code, 2);
  const CliRun float32 =
      run({"export", "--model", kTorch, "--format", "c", "--float32", "--out", file("x")});
  EXPECT_EQ(float32.code, 2);
  EXPECT_NE(float32.err.find("--float32 applies to --format onnx only"), std::string::npos);
  EXPECT_EQ(run({"export", "--help"}).code, 0);
}

}  // namespace
}  // namespace nnlab::cli
