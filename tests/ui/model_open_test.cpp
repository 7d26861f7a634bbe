// A model file opened in the window keeps the input scaling stored in it: the window's
// predictions are those `nnlab-cli predict` gives for the same file and data.
#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/cli/cli.h"
#include "core/csv_reader.h"
#include "core/model_json.h"
#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/data/dataset_model.h"
#include "ui/data/dataset_panel.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 15000;

int cli(const std::vector<std::string>& args, std::string* out = nullptr) {
  std::ostringstream stdoutText, stderrText;
  const int code = nnlab::cli::runCli(args, stdoutText, stderrText);
  EXPECT_EQ(code, 0) << stderrText.str();
  if (out) *out = stdoutText.str();
  return code;
}

TEST(ModelOpen, AModelKeepsItsStoredInputScalingAndPredictsAsTheCliDoes) {
  QTemporaryDir dir;
  const auto file = [&](const char* name) { return dir.filePath(name).toStdString(); };
  // Trained on inputs of another range than the window's data, z-scored: a scaling fitted to
  // the window's data would differ from the stored one.
  Dataset training = seedPreset().dataset;
  training.inputs = training.inputs * 3.0;
  training.inputs.col(1).array() += 5.0;
  std::ofstream(file("train.csv")) << writeCsv(training);
  std::ofstream(file("seed.csv")) << writeCsv(seedPreset().dataset);
  ASSERT_EQ(cli({"train", "--data", file("train.csv"), "--layers", "3,4,1", "--scale", "zscore",
                 "--epochs", "300", "--quiet", "--model-out", file("m.json")}),
            0);
  std::string predicted;
  ASSERT_EQ(cli({"predict", "--model", file("m.json"), "--data", file("seed.csv")}, &predicted), 0);
  const CsvTable expected = parseCsvTable(predicted, "stdout");

  MainWindow window(seedPreset());
  window.session()->setInteractive(false);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  QString error;
  ASSERT_TRUE(window.session()->open(dir.filePath("m.json"), &error)) << error.toStdString();
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = window.shownSnapshot();
        return s && s->scaling.kind() == ScalingKind::ZScore;
      },
      kTimeoutMs));
  const auto shown = window.shownSnapshot();
  EXPECT_EQ(shown->scaling.offset(), readModelFileWithScaling(file("m.json")).scaling.offset());
  DatasetModel* model = window.dataPanel()->model();
  ASSERT_EQ(expected.values.rows(), shown->predictions.rows());
  for (int r = 0; r < expected.values.rows(); ++r) {
    EXPECT_NEAR(shown->predictions(r, 0), expected.values(r, 3), 1e-15) << "row " << r;
    // The table's ŷ cell, in full precision in its tooltip.
    const QModelIndex cell = model->index(r, model->columnOfField(3) + 1);
    EXPECT_NEAR(cell.data(Qt::ToolTipRole).toString().toDouble(), expected.values(r, 3), 1e-15);
  }

  // Saved as a session and reopened, it still reads the inputs as the model file said.
  ASSERT_TRUE(window.session()->save(dir.filePath("s.nnlab"), &error)) << error.toStdString();
  MainWindow reopened(seedPreset());
  reopened.session()->setInteractive(false);
  ASSERT_TRUE(reopened.session()->open(dir.filePath("s.nnlab"), &error)) << error.toStdString();
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return reopened.runner().latestSnapshot()->scaling.kind() == ScalingKind::ZScore; },
      kTimeoutMs));
  const auto again = reopened.runner().latestSnapshot();
  EXPECT_EQ(again->scaling.offset(), shown->scaling.offset());
  EXPECT_EQ(again->predictions, shown->predictions);
}

}  // namespace
}  // namespace nnlab
