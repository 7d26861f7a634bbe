#include "app/cli/cli.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli/train_command.h"
#include "core/csv_reader.h"
#include "core/model_json.h"
#include "core/presets.h"
#include "core/trainer.h"
#include "tests/core/cli_test_support.h"

namespace nnlab::cli {
namespace {

namespace fs = std::filesystem;

using testing::CliRun;
using testing::run;
using testing::TempDir;

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::string contents(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) result.push_back(line);
  return result;
}

TEST(Cli, SeedPresetPrintsProgressAndTheArticlesTable) {
  const CliRun result = run({"train", "--preset", "seed"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_NE(result.out.find("epoch   100  SSE "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("epoch  1500  SSE "), std::string::npos);
  EXPECT_NE(result.out.find("final SSE "), std::string::npos);
  const std::vector<std::string> all = lines(result.out);
  const auto header = std::find(all.begin(), all.end(), "X1 X2 X3 | prediction | y (actual)");
  ASSERT_NE(header, all.end()) << result.out;
  const double expected[] = {0, 1, 1, 0};
  for (int r = 0; r < 4; ++r) {
    ASSERT_LT(header + 1 + r, all.end());
    const std::string& row = header[1 + r];
    const std::size_t bar = row.find('|');
    const double prediction = std::stod(row.substr(bar + 1));
    EXPECT_NEAR(prediction, expected[r], 0.05) << row;
    EXPECT_EQ(std::stod(row.substr(row.rfind('|') + 1)), expected[r]) << row;
  }
}

// "epoch 1500 SSE x" and "final SSE y after 1500 epochs" are the loss of the same weights, those
// after the 1500th update: one number, not two that differ in the last digits.
TEST(Cli, TheLastProgressLineAndTheFinalLossAreTheSameWeights) {
  const CliRun result = run({"train", "--preset", "seed", "--epochs", "1500"});
  ASSERT_EQ(result.code, 0) << result.err;
  const std::vector<std::string> all = lines(result.out);
  const auto last = std::find_if(all.begin(), all.end(),
                                 [](const std::string& l) { return l.starts_with("epoch  1500"); });
  const auto final = std::find_if(all.begin(), all.end(),
                                  [](const std::string& l) { return l.starts_with("final SSE"); });
  ASSERT_NE(last, all.end()) << result.out;
  ASSERT_NE(final, all.end()) << result.out;
  const std::string progressLoss = last->substr(last->rfind(' ') + 1);
  EXPECT_EQ(*final, "final SSE " + progressLoss + " after 1500 epochs") << result.out;
  // And it is the loss after the update: the seed trained 1500 epochs, evaluated.
  Preset preset = seedPreset();
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  trainer.step(1500);
  char expected[64];
  std::snprintf(expected, sizeof expected, "%.6g", trainer.evaluate());  // as the CLI prints
  EXPECT_EQ(progressLoss, expected);
}

TEST(Cli, QuietDropsOnlyTheProgressLines) {
  const CliRun result = run({"train", "--preset", "seed", "--quiet"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out.find("epoch "), std::string::npos);
  EXPECT_NE(result.out.find("final SSE "), std::string::npos);
  EXPECT_NE(result.out.find("| prediction |"), std::string::npos);
}

TEST(Cli, BadArgumentsExitTwoWithUsage) {
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"fly"},
      {"train", "--preset", "seed", "--lr", "abc"},
      {"train", "--preset", "seed", "--lr", "-1"},
      {"train", "--preset", "seed", "--lr", "nan"},
      {"train", "--preset", "seed", "--epochs", "-5"},
      {"train", "--preset", "seed", "--epochs", "1e3"},
      {"train", "--preset", "seed", "--layers", "3,,1"},
      {"train", "--preset", "seed", "--layers", "3"},
      {"train", "--preset", "seed", "--layers", "3,0,1"},
      {"train", "--data", "x.csv", "--targets", "0", "--layers", "3,1"},
      {"train", "--preset", "seed", "--bogus"},
      {"train", "--preset", "seed", "stray"},
      {"train", "--preset", "seed", "--lr"},
      {"train", "--preset", "seed", "--quiet=yes"},
      {"train", "--preset", "nope"},
      {"train", "--preset", "seed", "--activation", "swish"},
      {"train", "--preset", "seed", "--optimizer", "rmsprop"},
      {"train", "--layers", "3,4,1"},
      {"train", "--data", "x.csv"},
      {"train", "--data", "x.csv", "--model-in", "m.json", "--layers", "3,1"},
      {"predict", "--model", "m.json"},
      {"predict", "--model", "m.json", "--data", "x.csv", "--targets", "-1"},
  };
  for (const auto& args : cases) {
    const CliRun result = run(args);
    std::string joined;
    for (const auto& arg : args) joined += arg + " ";
    EXPECT_EQ(result.code, 2) << joined;
    EXPECT_TRUE(result.err.starts_with("nnlab-cli: ")) << joined << "\n" << result.err;
    EXPECT_NE(result.err.find("usage:"), std::string::npos) << joined;
    EXPECT_EQ(result.out, "") << joined;
  }
  EXPECT_NE(run({"train", "--lr", "abc"}).err.find("--lr: 'abc' is not a finite number"),
            std::string::npos);
  EXPECT_NE(run({"train", "--epochs", "-5"}).err.find("--epochs: -5 is out of range"),
            std::string::npos);
}

TEST(Cli, HelpGoesToStandardOutput) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--help"}, {"train", "--help"}, {"predict", "--help"}}) {
    const CliRun result = run(args);
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.err, "");
    EXPECT_NE(result.out.find("nnlab-cli"), std::string::npos);
  }
  EXPECT_NE(run({"train", "--help"}).out.find("every k-th epoch"), std::string::npos);
}

TEST(Cli, HistoryHasOneLinePerEpoch) {
  TempDir dir;
  const CliRun result =
      run({"train", "--preset", "seed", "--quiet", "--history", dir.file("h.csv")});
  ASSERT_EQ(result.code, 0) << result.err;
  const std::vector<std::string> history = lines(contents(dir.file("h.csv")));
  ASSERT_EQ(history.size(), 1501u);
  EXPECT_EQ(history[0], "epoch,loss");
  EXPECT_TRUE(history[1].starts_with("1,"));
  EXPECT_TRUE(history[1500].starts_with("1500,"));
  // The logged losses are those the trainer reports, epoch by epoch.
  Preset preset = seedPreset();
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  for (int epoch = 1; epoch <= 1500; ++epoch) {
    const double loss = trainer.step(1).loss;
    if (epoch == 1 || epoch == 1500) {
      EXPECT_EQ(history[epoch], std::to_string(epoch) + "," + formatNumber(loss));
    }
  }
}

TEST(Cli, HistoryStrideKeepsLongRunsUnderAMillionLines) {
  EXPECT_EQ(historyStride(1500), 1);
  EXPECT_EQ(historyStride(1'000'000), 1);
  EXPECT_EQ(historyStride(1'000'001), 2);
  EXPECT_EQ(historyStride(3'000'000), 3);
  EXPECT_EQ(progressInterval(1500), 100);
  EXPECT_EQ(progressInterval(2000), 100);
  EXPECT_EQ(progressInterval(2001), 200);
  EXPECT_EQ(progressInterval(1'000'000), 50'000);
  EXPECT_EQ(progressInterval(1'000'001), 100'000);
}

TEST(Cli, PredictReproducesTheTrainersPredictions) {
  TempDir dir;
  const Preset preset = seedPreset();
  write(dir.file("data.csv"), writeCsv(preset.dataset));
  const CliRun trained =
      run({"train", "--data", dir.file("data.csv"), "--layers", "3,4,1", "--no-bias", "--init",
           "uniform01", "--epochs", "1500", "--quiet", "--model-out", dir.file("m.json")});
  ASSERT_EQ(trained.code, 0) << trained.err;
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  trainer.step(1500);
  EXPECT_EQ(modelToJson(readModelFile(dir.file("m.json"))), modelToJson(trainer.network()));

  const CliRun predicted =
      run({"predict", "--model", dir.file("m.json"), "--data", dir.file("data.csv")});
  ASSERT_EQ(predicted.code, 0) << predicted.err;
  const CsvTable table = parseCsvTable(predicted.out, "stdout");
  EXPECT_EQ(table.header, (std::vector<std::string>{"X1", "X2", "X3", "y_pred"}));
  const Matrix expected = trainer.predictAll();
  ASSERT_EQ(table.values.rows(), 4);
  for (int r = 0; r < 4; ++r) {
    EXPECT_NEAR(table.values(r, 3), expected(r, 0), 1e-12);
    EXPECT_EQ(table.values.row(r).leftCols(3), preset.dataset.inputs.row(r));
  }
  // Inputs alone work too.
  write(dir.file("inputs.csv"), "a,b,c\n1,1,1\n");
  const CliRun inputsOnly =
      run({"predict", "--model", dir.file("m.json"), "--data", dir.file("inputs.csv")});
  EXPECT_EQ(inputsOnly.code, 0) << inputsOnly.err;
  EXPECT_TRUE(inputsOnly.out.starts_with("a,b,c,y_pred\n1,1,1,0.0"));
}

TEST(Cli, FileErrorsExitOneWithTheirPlace) {
  TempDir dir;
  write(dir.file("bad.csv"), "a,b,c,y\n0,0,1,0\n0,x,1,1\n");
  const CliRun bad = run({"train", "--data", dir.file("bad.csv"), "--layers", "3,4,1"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err, dir.file("bad.csv") + ":3:3: not a number: 'x'\n");

  write(dir.file("bad.json"), "{\"format\": \"nnlab-model\", \"version\": 9}");
  write(dir.file("good.csv"), "a,b,c,y\n0,0,1,0\n");
  const CliRun model =
      run({"predict", "--model", dir.file("bad.json"), "--data", dir.file("good.csv")});
  EXPECT_EQ(model.code, 1);
  EXPECT_NE(model.err.find("version 9 is newer"), std::string::npos) << model.err;

  const CliRun missing = run({"train", "--data", dir.file("none.csv"), "--layers", "3,4,1"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("none.csv: cannot open"), std::string::npos) << missing.err;
}

TEST(Cli, MismatchedShapesSayWhich) {
  TempDir dir;
  write(dir.file("d.csv"), "a,b,y\n0,1,1\n1,0,1\n");
  const CliRun layers = run({"train", "--data", dir.file("d.csv"), "--layers", "3,4,1"});
  EXPECT_EQ(layers.code, 1);
  EXPECT_EQ(layers.err,
            "--layers starts with 3 inputs but " + dir.file("d.csv") + " has 2 input columns\n");
  const CliRun outputs = run({"train", "--data", dir.file("d.csv"), "--layers", "2,4,2"});
  EXPECT_NE(outputs.err.find("ends with 2 outputs but"), std::string::npos) << outputs.err;

  ASSERT_EQ(run({"train", "--preset", "seed", "--quiet", "--model-out", dir.file("m.json")}).code,
            0);
  const CliRun modelIn =
      run({"train", "--data", dir.file("d.csv"), "--model-in", dir.file("m.json")});
  EXPECT_EQ(modelIn.code, 1);
  EXPECT_EQ(modelIn.err, dir.file("m.json") + " has 3 inputs and 1 output but " +
                             dir.file("d.csv") + " has 2 input columns and 1 target column\n");
  write(dir.file("narrow.csv"), "a,y\n0,1\n");
  const CliRun predict =
      run({"predict", "--model", dir.file("m.json"), "--data", dir.file("narrow.csv")});
  EXPECT_EQ(predict.code, 1);
  EXPECT_EQ(predict.err, dir.file("narrow.csv") + " has 2 columns but " + dir.file("m.json") +
                             " takes 3 inputs; the data must hold the inputs, optionally followed "
                             "by 1 target column\n");
}

TEST(Cli, ModelInContinuesTraining) {
  TempDir dir;
  ASSERT_EQ(run({"train", "--preset", "seed", "--quiet", "--epochs", "700", "--model-out",
                 dir.file("half.json")})
                .code,
            0);
  const CliRun resumed =
      run({"train", "--preset", "seed", "--quiet", "--epochs", "800", "--model-in",
           dir.file("half.json"), "--model-out", dir.file("m.json")});
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  const CliRun whole =
      run({"train", "--preset", "seed", "--quiet", "--model-out", dir.file("whole.json")});
  EXPECT_EQ(contents(dir.file("m.json")), contents(dir.file("whole.json")));
}

TEST(Cli, DivergenceExitsOneAndWritesNothing) {
  TempDir dir;
  const CliRun result =
      run({"train", "--preset", "seed", "--activation", "linear", "--lr", "100", "--quiet",
           "--model-out", dir.file("m.json"), "--history", dir.file("h.csv")});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("training diverged at epoch "), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(dir.file("m.json")));
  EXPECT_FALSE(fs::exists(dir.file("h.csv")));
}

// An output that cannot be written is found before training, and costs no other file.
TEST(Cli, AnUnwritableOutputFailsBeforeTrainingAndKeepsTheOtherFile) {
  TempDir dir;
  std::ofstream(dir.file("keep.json")) << "old model";
  const CliRun result = run({"train", "--preset", "seed", "--model-out", dir.file("keep.json"),
                             "--history", dir.file("missing/h.csv")});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find(dir.file("missing/h.csv")), std::string::npos) << result.err;
  EXPECT_EQ(result.out.find("epoch"), std::string::npos) << "trained first:\n" << result.out;
  EXPECT_EQ(contents(dir.file("keep.json")), "old model");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.file("")), fs::directory_iterator()), 1);
}

TEST(Cli, OutputThatCannotBeWrittenAtTheEndLeavesBothOldFiles) {
  TempDir dir;
  std::ofstream(dir.file("keep.json")) << "old model";
  fs::create_directory(dir.file("h.csv"));  // refused: a directory is no history file
  const CliRun result = run({"train", "--preset", "seed", "--quiet", "--model-out",
                             dir.file("keep.json"), "--history", dir.file("h.csv")});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("it is a directory"), std::string::npos) << result.err;
  EXPECT_EQ(contents(dir.file("keep.json")), "old model");
}

TEST(Cli, ALostStandardOutputIsAnError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);  // as std::cout on a full disk or a closed pipe
  std::ostringstream err;
  EXPECT_EQ(runCli({"train", "--preset", "seed", "--quiet"}, out, err), 1);
  EXPECT_NE(err.str().find("cannot write to standard output"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace nnlab::cli
