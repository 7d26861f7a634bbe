// The exports checked by other tools, against `nnlab-cli predict`: ONNX by the ONNX checker and a
// numpy interpreter of its operators (tests/export/onnx_run.py), the numpy script run by
// python3, the C header compiled by the system's C compiler. Each test is skipped when its
// tool is missing.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/export/model_export.h"
#include "core/presets.h"
#include "tests/core/cli_test_support.h"

namespace nnlab::cli {
namespace {

using testing::CliRun;
using testing::run;
using testing::TempDir;

using Rows = std::vector<std::vector<double>>;

/// What a shell command printed on standard output, and its exit status.
struct Shell {
  int status;
  std::string out;
};

Shell shell(const std::string& command) {
  Shell result{-1, {}};
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    result.out.append(buffer, n);
  result.status = pclose(pipe);
  return result;
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

bool found(const char* tool) { return !std::string(tool).ends_with("NOTFOUND"); }

bool havePythonWith(const char* modules) {
  return found(NNLAB_PYTHON3) &&
         shell(quoted(NNLAB_PYTHON3) + " -c 'import " + modules + "' 2>/dev/null").status == 0;
}

/// Whitespace- or comma-separated numbers, one row per line; with `bar`, only what follows the
/// last " | " of each line; `skip` header lines first.
Rows numbers(const std::string& text, int skip, bool bar = false, int lastColumns = 0) {
  Rows rows;
  std::istringstream lines(text);
  std::string line;
  for (int i = 0; i < skip; ++i) std::getline(lines, line);
  while (std::getline(lines, line)) {
    if (bar) line = line.substr(line.rfind(" | ") + 3);
    for (char& c : line)
      if (c == ',') c = ' ';
    std::istringstream cells(line);
    std::vector<double> row;
    for (double value; cells >> value;) row.push_back(value);
    if (lastColumns > 0) row.erase(row.begin(), row.end() - lastColumns);
    rows.push_back(row);
  }
  return rows;
}

/// |a − b| ≤ tolerance · max(|a|, |b|, floor): relative, down to `floor` (1e-300 lets two zeros
/// agree; 1 makes it absolute for numbers below 1, like float32's rounded probabilities).
void expectClose(const Rows& actual, const Rows& expected, double tolerance,
                 const std::string& what, double floor = 1e-300) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (std::size_t r = 0; r < actual.size(); ++r) {
    ASSERT_EQ(actual[r].size(), expected[r].size()) << what << " row " << r;
    for (std::size_t c = 0; c < actual[r].size(); ++c) {
      const double a = actual[r][c];
      const double e = expected[r][c];
      const double scale = std::max({std::abs(a), std::abs(e), floor});
      EXPECT_LE(std::abs(a - e), tolerance * scale)
          << what << " row " << r << " column " << c << ": " << a << " vs " << e;
    }
  }
}

/// One trained model, the rows it predicts for, and `predict`'s answers.
class ExportedModel {
 public:
  ExportedModel(std::vector<std::string> trainArgs, const std::string& csv, int outputs)
      : m_outputs(outputs) {
    std::ofstream(file("train.csv")) << csv;
    trainArgs.insert(trainArgs.end(),
                     {"--quiet", "--model-out", file("model.json"), "--data", file("train.csv")});
    const CliRun trained = run(trainArgs);
    EXPECT_EQ(trained.code, 0) << trained.err;
    // The training rows plus some outside their range, inputs only.
    std::istringstream lines(csv);
    std::string header;
    std::getline(lines, header);
    const int inputs =
        static_cast<int>(std::count(header.begin(), header.end(), ',')) + 1 - targets(trainArgs);
    std::ofstream rows(file("rows.csv"));
    for (int c = 0; c < inputs; ++c) rows << (c > 0 ? "," : "") << "x" << c + 1;
    rows << '\n';
    for (std::string line; std::getline(lines, line);) {
      std::istringstream cells(line);
      std::string cell;
      for (int c = 0; c < inputs && std::getline(cells, cell, ','); ++c)
        rows << (c > 0 ? "," : "") << cell;
      rows << '\n';
    }
    for (int r = 0; r < 3; ++r) {
      for (int c = 0; c < inputs; ++c) rows << (c > 0 ? "," : "") << (r - 1) * 7.25 + c * 0.5;
      rows << '\n';
    }
    rows.close();
    const CliRun predicted =
        run({"predict", "--model", file("model.json"), "--data", file("rows.csv")});
    EXPECT_EQ(predicted.code, 0) << predicted.err;
    m_predictions = numbers(predicted.out, 1, false, outputs);
  }

  std::string file(const std::string& name) const { return m_dir.file(name); }
  const Rows& predictions() const { return m_predictions; }
  int outputs() const { return m_outputs; }

  /// Exports the model; returns the file's path.
  std::string exportAs(const std::string& format, const std::string& name, bool float32 = false) {
    std::vector<std::string> args{"export", "--model", file("model.json"), "--format",
                                  format,   "--out",   file(name)};
    if (float32) args.push_back("--float32");
    const CliRun exported = run(args);
    EXPECT_EQ(exported.code, 0) << exported.err;
    return file(name);
  }

 private:
  static int targets(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
      if (args[i] == "--targets") return std::stoi(args[i + 1]);
    return 1;
  }

  TempDir m_dir;
  int m_outputs;
  Rows m_predictions;
};

const char* kXor = "a,b,c,y\n0,0,1,0\n0,1,1,1\n1,0,1,1\n1,1,1,0\n0.5,0.25,0,1\n-1,2,0.5,0\n";
const char* kClasses =
    "u,v,label\n0,0,0\n0.2,0.1,0\n1,1,1\n0.9,1.2,1\n-1,1,2\n-1.2,0.8,2\n3,-2,1\n";
const char* kTwoTargets = "p,q,s,d\n0,0,0,0\n1,2,3,-1\n2,1,3,1\n-1,0.5,-0.5,-1.5\n4,4,8,0\n";

/// The models the tests export: every activation, with and without biases and scaling, one
/// and several outputs.
std::vector<ExportedModel*> models() {
  static ExportedModel sigmoid({"train", "--layers", "3,4,1", "--no-bias", "--init", "uniform01",
                                "--scale", "zscore", "--epochs", "300"},
                               kXor, 1);
  static ExportedModel softmax(
      {"train", "--layers", "2,5,4,3", "--activation", "tanh", "--output-activation", "softmax",
       "--loss", "ce", "--scale", "minmax", "--epochs", "200", "--lr", "0.1"},
      kClasses, 3);
  static ExportedModel linear(
      {"train", "--layers", "2,6,2", "--activation", "relu", "--output-activation", "linear",
       "--targets", "2", "--lr", "0.001", "--epochs", "100"},
      kTwoTargets, 2);
  static ExportedModel step({"train", "--layers", "3,1", "--activation", "step", "--optimizer",
                             "perceptron", "--epochs", "20"},
                            kXor, 1);
  return {&sigmoid, &softmax, &linear, &step};
}

TEST(ExportTools, OnnxPassesTheCheckerAndReproducesPredictInFloat64) {
  if (!havePythonWith("onnx, numpy")) GTEST_SKIP() << "python3 with onnx and numpy is missing";
  for (ExportedModel* model : models()) {
    const std::string onnx = model->exportAs("onnx", "model.onnx");
    const Shell result =
        shell(quoted(NNLAB_PYTHON3) + " " + quoted(NNLAB_EXPORT_TEST_DIR "/onnx_run.py") + " " +
              quoted(onnx) + " " + quoted(model->file("rows.csv")));
    ASSERT_EQ(result.status, 0) << result.out;
    expectClose(numbers(result.out, 0), model->predictions(), 1e-12, onnx);
  }
}

TEST(ExportTools, Float32OnnxPassesTheCheckerAndReproducesPredictTo1e6) {
  if (!havePythonWith("onnx, numpy")) GTEST_SKIP() << "python3 with onnx and numpy is missing";
  for (ExportedModel* model : models()) {
    const std::string onnx = model->exportAs("onnx", "model32.onnx", true);
    const Shell result =
        shell(quoted(NNLAB_PYTHON3) + " " + quoted(NNLAB_EXPORT_TEST_DIR "/onnx_run.py") + " " +
              quoted(onnx) + " " + quoted(model->file("rows.csv")));
    ASSERT_EQ(result.status, 0) << result.out;
    // Weights rounded to float and float arithmetic: within 1e-6 of predict's number, relative
    // to it when it is over 1.
    expectClose(numbers(result.out, 0), model->predictions(), 1e-6, onnx, 1.0);
  }
}

TEST(ExportTools, TheNumpyScriptPrintsPredictsNumbers) {
  if (!havePythonWith("numpy")) GTEST_SKIP() << "python3 with numpy is missing";
  for (ExportedModel* model : models()) {
    const std::string script = model->exportAs("numpy", "model.py");
    const Shell result =
        shell(quoted(NNLAB_PYTHON3) + " " + quoted(script) + " " + quoted(model->file("rows.csv")));
    ASSERT_EQ(result.status, 0) << result.out;
    expectClose(numbers(result.out, 1, true), model->predictions(), 1e-12, script);
  }
}

TEST(ExportTools, TheCHeaderCompiledByCcComputesPredictsNumbers) {
  if (!found(NNLAB_CC)) GTEST_SKIP() << "no C compiler (cc)";
  for (ExportedModel* model : models()) {
    const std::string header = model->exportAs("c", "model.h");
    const Rows inputs = numbers(
        [&] {
          std::ifstream file(model->file("rows.csv"));
          std::ostringstream text;
          text << file.rdbuf();
          return text.str();
        }(),
        1);
    std::ofstream program(model->file("main.c"));
    program.precision(17);
    program << "#include <stdio.h>\n#include \"model.h\"\nint main(void) {\n"
            << "  static const double rows[][NNLAB_INPUTS] = {\n";
    for (const auto& row : inputs) {
      program << "    {";
      for (const double x : row) program << x << ", ";
      program << "},\n";
    }
    program << "  };\n  for (size_t r = 0; r < sizeof rows / sizeof rows[0]; ++r) {\n"
            << "    double out[NNLAB_OUTPUTS];\n    predict(rows[r], out);\n"
            << "    for (int k = 0; k < NNLAB_OUTPUTS; ++k) printf(\"%.17g \", out[k]);\n"
            << "    printf(\"\\n\");\n  }\n  return 0;\n}\n";
    program.close();
    const std::string binary = model->file("main");
    const Shell compiled =
        shell(quoted(NNLAB_CC) + " -std=c99 -Wall -Wextra -pedantic -Werror -O2 -o " +
              quoted(binary) + " " + quoted(model->file("main.c")) + " -lm 2>&1");
    ASSERT_EQ(compiled.status, 0) << compiled.out;
    const Shell result = shell(quoted(binary));
    ASSERT_EQ(result.status, 0) << result.out;
    expectClose(numbers(result.out, 0), model->predictions(), 1e-12, header);
  }
}

// Exported from a training run (as the window exports), the numpy script embeds the data and,
// run without an argument, prints the prediction of each of its rows; the ONNX doc string holds
// the training settings.
TEST(ExportTools, TheNumpyScriptOfATrainingRunPredictsItsEmbeddedData) {
  if (!havePythonWith("numpy")) GTEST_SKIP() << "python3 with numpy is missing";
  const Preset preset = *findPreset("sine");
  RunnerState state;
  state.network = preset.makeNetwork();
  state.dataset = preset.dataset;
  state.scaling = ScalingKind::MinMax;
  state.settings = preset.settings;
  const ExportModel model = ExportModel::fromRunnerState(state, "sine");
  const Matrix expected = model.network.predict(model.scaling.apply(state.dataset.inputs));
  TempDir dir;
  const std::string script = dir.file("sine.py");
  writeExportFile(script, model, ExportFormat::Numpy);
  const Shell result = shell(quoted(NNLAB_PYTHON3) + " " + quoted(script));
  ASSERT_EQ(result.status, 0) << result.out;
  Rows rows;
  for (Eigen::Index r = 0; r < expected.rows(); ++r) rows.push_back({expected(r, 0)});
  expectClose(numbers(result.out, 1, true), rows, 1e-12, script);
  EXPECT_TRUE(result.out.starts_with(state.dataset.inputNames.front())) << result.out;

  const std::string onnx = exportModelText(model, ExportFormat::Onnx);
  EXPECT_NE(onnx.find("Trained with: init "), std::string::npos);
  EXPECT_NE(onnx.find("input scaling minmax"), std::string::npos);
}

}  // namespace
}  // namespace nnlab::cli
