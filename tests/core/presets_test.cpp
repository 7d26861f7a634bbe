#include "core/presets.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "app/cli/cli.h"
#include "core/data_generators.h"
#include "core/trainer.h"

namespace nnlab {
namespace {

class PresetTest : public ::testing::TestWithParam<std::string> {};

TEST_P(PresetTest, BuildsAndTrains) {
  const std::optional<Preset> preset = findPreset(GetParam());
  ASSERT_TRUE(preset.has_value());
  EXPECT_EQ(preset->name, GetParam());
  Trainer trainer(preset->makeNetwork(), preset->dataset, preset->settings);
  const StepResult result = trainer.step(5);
  EXPECT_EQ(result.epochs, 5);
  EXPECT_TRUE(std::isfinite(trainer.evaluate()));
}

INSTANTIATE_TEST_SUITE_P(Every, PresetTest, ::testing::ValuesIn(presetNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

class PresetQualityTest : public ::testing::TestWithParam<Generator> {};

// Each 2-D classification preset reaches 95% test accuracy within its default epochs.
TEST_P(PresetQualityTest, ReachesNinetyFivePercentOnTheTestRows) {
  const Preset preset = generatedPreset(GetParam(), defaultGeneratorSettings(GetParam()));
  ASSERT_GT(preset.dataset.testRowCount(), 0);
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  trainer.step(preset.epochs);
  const Evaluation evaluation = trainer.evaluateAll();
  ASSERT_TRUE(evaluation.testAccuracy.has_value());
  EXPECT_GE(*evaluation.testAccuracy, 0.95) << preset.name;
}

INSTANTIATE_TEST_SUITE_P(Classification, PresetQualityTest,
                         ::testing::Values(Generator::Circle, Generator::Xor2d, Generator::Gauss,
                                           Generator::Spiral, Generator::Moons, Generator::Blobs3),
                         [](const ::testing::TestParamInfo<Generator>& info) {
                           return std::string(generatorName(info.param));
                         });

TEST(PresetRegressionTest, SineAndPlaneFitTheirCurves) {
  for (const Generator generator : {Generator::Sine, Generator::Plane}) {
    const Preset preset = generatedPreset(generator, defaultGeneratorSettings(generator));
    Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
    trainer.step(preset.epochs);
    const Evaluation evaluation = trainer.evaluateAll();
    EXPECT_FALSE(evaluation.testAccuracy.has_value());
    ASSERT_TRUE(evaluation.testLoss.has_value());
    EXPECT_LT(*evaluation.testLoss, 0.02) << preset.name;  // noise² = 0.0025
  }
}

TEST(DataGeneratorTest, SameSeedSameDataAndSettingsAreHonoured) {
  GeneratorSettings settings;
  settings.samples = 50;
  settings.testPercent = 30.0;
  settings.seed = 7;
  for (const Generator generator : allGenerators()) {
    const Dataset a = generateData(generator, settings);
    const Dataset b = generateData(generator, settings);
    EXPECT_EQ(a.inputs, b.inputs) << generatorName(generator);
    EXPECT_EQ(a.testRows, b.testRows);
    EXPECT_EQ(a.rows(), 50);
    EXPECT_EQ(a.testRowCount(), 15);
    settings.seed = 8;
    EXPECT_NE(generateData(generator, settings).inputs, a.inputs);
    settings.seed = 7;
  }
  EXPECT_EQ(generateData(Generator::Blobs3, settings).targetColumns(), 3);
  settings.samples = 2;
  EXPECT_THROW(generateData(Generator::Circle, settings), std::invalid_argument);
}

TEST(PresetCliTest, PerceptronPresetsSayWhetherTheyConverged) {
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(cli::runCli({"train", "--preset", "mp-and", "--quiet"}, out, err), 0);
  EXPECT_NE(out.str().find("the perceptron converged"), std::string::npos) << out.str();
  std::ostringstream xorOut;
  ASSERT_EQ(cli::runCli({"train", "--preset", "mp-xor", "--quiet"}, xorOut, err), 0);
  EXPECT_NE(xorOut.str().find("did not converge"), std::string::npos) << xorOut.str();
  EXPECT_NE(xorOut.str().find("not linearly separable"), std::string::npos);
}

TEST(PresetCliTest, ClassificationPresetsPrintTestLossAndAccuracy) {
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(cli::runCli({"train", "--preset", "blobs3", "--epochs", "100"}, out, err), 0);
  EXPECT_NE(out.str().find("test CE"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("accuracy: train "), std::string::npos) << out.str();
  EXPECT_NE(out.str().find(", test "), std::string::npos) << out.str();
}

TEST(PresetCliTest, EarlyStopAndLossGoalEndTrainingEarly) {
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(
      cli::runCli({"train", "--preset", "circle", "--loss-goal", "0.05", "--quiet"}, out, err), 0);
  EXPECT_NE(out.str().find("reached the loss goal"), std::string::npos) << out.str();
  std::ostringstream early;
  ASSERT_EQ(cli::runCli({"train", "--preset", "sine", "--lr", "0", "--early-stop", "20", "--quiet"},
                        early, err),
            0);
  EXPECT_NE(early.str().find("stopped early at epoch 20"), std::string::npos) << early.str();
  std::ostringstream split;
  ASSERT_EQ(
      cli::runCli({"train", "--preset", "seed", "--test-split", "25", "--epochs", "10", "--quiet"},
                  split, err),
      0);
  EXPECT_NE(split.str().find("on 1 held-out rows"), std::string::npos) << split.str();
}

}  // namespace
}  // namespace nnlab
