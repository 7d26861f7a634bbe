#include "core/input_scaling.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli/cli.h"
#include "core/csv_reader.h"
#include "core/model_json.h"

namespace nnlab {
namespace {

namespace fs = std::filesystem;

Dataset rawData() {
  Matrix x(4, 3);
  x << 100, 1, 5,  //
      200, 2, 5,   //
      300, 4, 5,   //
      900, 8, 5;   // the last row is a test row: the fit must not see it
  Dataset data = Dataset::fromMatrices(x, Matrix::Zero(4, 1));
  data.testRows = {0, 0, 0, 1};
  return data;
}

TEST(InputScalingTest, MinMaxFitsTheTrainingRowsOnly) {
  const InputScaling scaling = InputScaling::fit(ScalingKind::MinMax, rawData());
  EXPECT_EQ(scaling.offset(), RowVector((RowVector(3) << 100, 1, 5).finished()));
  EXPECT_EQ(scaling.scale(), RowVector((RowVector(3) << 200, 3, 1).finished()));  // constant: 1
  const Matrix scaled = scaling.apply(rawData().inputs);
  EXPECT_DOUBLE_EQ(scaled(1, 0), 0.5);
  EXPECT_DOUBLE_EQ(scaled(3, 0), 4.0);  // test rows may fall outside [0, 1]
  EXPECT_DOUBLE_EQ(scaled(2, 2), 0.0);
}

TEST(InputScalingTest, ZScoreGivesMeanZeroAndUnitSpread) {
  const InputScaling scaling = InputScaling::fit(ScalingKind::ZScore, rawData());
  const Matrix scaled = scaling.apply(selectRows(rawData(), false).inputs);
  EXPECT_NEAR(scaled.col(0).mean(), 0.0, 1e-12);
  EXPECT_NEAR(scaled.col(0).squaredNorm() / 3.0, 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(scaling.scale()(2), 1.0);
}

TEST(InputScalingTest, ModelFileRoundTripKeepsTheScaling) {
  const InputScaling scaling = InputScaling::fit(ScalingKind::ZScore, rawData());
  Network network(NetworkSpec{3, {{2, Activation::Tanh}, {1, Activation::Linear}}, true});
  network.initialize(Init::Xavier, 1);
  const std::string text = modelToJson(network, scaling);
  EXPECT_NE(text.find("\"input_scaling\": {\"kind\": \"zscore\""), std::string::npos) << text;
  const ModelFile back = modelFileFromJson(text, "m.json");
  EXPECT_EQ(back.scaling.kind(), ScalingKind::ZScore);
  EXPECT_EQ(back.scaling.offset(), scaling.offset());
  EXPECT_EQ(back.scaling.scale(), scaling.scale());
  EXPECT_TRUE(modelFileFromJson(modelToJson(network), "m.json").scaling.isIdentity());
  std::string bad = text;
  bad.replace(bad.find("zscore"), 6, "cubic");
  EXPECT_THROW(modelFileFromJson(bad, "m.json"), ModelError);
}

TEST(InputScalingTest, PredictOnRawDataMatchesTraining) {
  std::string pattern = (fs::temp_directory_path() / "nnlab-scaling-XXXXXX").string();
  const fs::path dir = mkdtemp(pattern.data());
  const std::string data = (dir / "d.csv").string();
  const std::string model = (dir / "m.json").string();
  std::ofstream(data) << "a,b,y\n100,0.001,0\n200,0.002,1\n300,0.004,1\n400,0.001,0\n";
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(cli::runCli({"train", "--data", data, "--layers", "2,3,1", "--scale", "zscore",
                         "--epochs", "50", "--quiet", "--model-out", model},
                        out, err),
            0)
      << err.str();
  const ModelFile file = readModelFileWithScaling(model);
  ASSERT_EQ(file.scaling.kind(), ScalingKind::ZScore);
  const Dataset raw = readCsvFile(data);
  const Matrix expected = file.network.predict(file.scaling.apply(raw.inputs));
  std::ostringstream predicted;
  ASSERT_EQ(cli::runCli({"predict", "--model", model, "--data", data}, predicted, err), 0);
  const Dataset back = parseCsv(predicted.str(), "out.csv", 1);
  EXPECT_TRUE(back.targets.isApprox(expected, 1e-12)) << predicted.str();
  EXPECT_EQ(back.inputs, raw.inputs);  // predict echoes the raw inputs
  // The training table showed the same predictions for the raw rows.
  EXPECT_NE(out.str().find("100"), std::string::npos) << out.str();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace nnlab
