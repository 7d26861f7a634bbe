#include "core/evaluation.h"

#include <gtest/gtest.h>

#include "core/trainer.h"

namespace nnlab {
namespace {

TEST(EvaluationTest, SingleColumnThresholdsAtOneHalf) {
  Matrix p(4, 1);
  p << 0.2, 0.5, 0.49, 0.9;
  Matrix y(4, 1);
  y << 0, 1, 1, 1;
  EXPECT_DOUBLE_EQ(*classificationAccuracy(p, y), 0.75);
}

TEST(EvaluationTest, OneHotRowsUseTheLargestOutput) {
  Matrix p(3, 3);
  p << 0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.3, 0.4, 0.3;
  Matrix y(3, 3);
  y << 1, 0, 0, 0, 1, 0, 0, 1, 0;
  EXPECT_NEAR(*classificationAccuracy(p, y), 2.0 / 3.0, 1e-15);
}

TEST(EvaluationTest, RegressionTargetsHaveNoAccuracy) {
  Matrix p = Matrix::Zero(2, 1);
  Matrix y(2, 1);
  y << 0.5, 1.0;
  EXPECT_FALSE(classificationAccuracy(p, y).has_value());
}

TEST(EvaluationTest, TestRowsAreNeverTrainedOn) {
  Matrix x(4, 1);
  x << 0, 1, 2, 3;
  Matrix y(4, 1);
  y << 0, 1, 2, 100;  // the test row is an outlier the trainer must not see
  Dataset data = Dataset::fromMatrices(x, y);
  data.testRows = {0, 0, 0, 1};
  Network network(NetworkSpec{1, {{1, Activation::Linear}}, true});
  TrainingSettings settings;
  settings.loss = Loss::Mse;
  settings.optimizer.learningRate = 0.2;
  Trainer trainer(network, data, settings);
  trainer.step(2000);
  EXPECT_NEAR(trainer.network().layer(0).weights(0, 0), 1.0, 1e-6);
  EXPECT_NEAR(trainer.evaluate(), 0.0, 1e-9);
  ASSERT_TRUE(trainer.evaluateTest().has_value());
  EXPECT_NEAR(*trainer.evaluateTest(), 97.0 * 97.0, 1e-3);
  const Evaluation all = trainer.evaluateAll();
  EXPECT_NEAR(*all.testLoss, 97.0 * 97.0, 1e-3);
  EXPECT_EQ(trainer.predictAll().rows(), 4);
}

TEST(EvaluationTest, SplitIsDeterministicAndSized) {
  Dataset a = Dataset::fromMatrices(Matrix::Zero(50, 1), Matrix::Zero(50, 1));
  Dataset b = a;
  splitTestRows(a, 20.0, 4);
  splitTestRows(b, 20.0, 4);
  EXPECT_EQ(a.testRowCount(), 10);
  EXPECT_EQ(a.testRows, b.testRows);
  splitTestRows(b, 20.0, 5);
  EXPECT_NE(a.testRows, b.testRows);
  EXPECT_EQ(selectRows(a, true).rows(), 10);
  a.testRows.assign(50, 1);
  Network network(NetworkSpec{1, {{1, Activation::Linear}}, true});
  EXPECT_TRUE(Trainer::incompatibility(network, a, TrainingSettings{}).has_value());
}

TEST(EvaluationTest, SameDataComparesValuesNamesAndSplit) {
  Dataset a = Dataset::fromMatrices(Matrix::Ones(4, 2), Matrix::Zero(4, 1));
  Dataset b = a;
  b.testRows.assign(4, 0);  // no flags or all zero: the same split
  EXPECT_TRUE(sameData(a, b));
  b.testRows[2] = 1;
  EXPECT_FALSE(sameData(a, b));
  b = a;
  b.inputs(3, 1) = 2.0;
  EXPECT_FALSE(sameData(a, b));
  b = a;
  b.targetNames = {"label"};
  EXPECT_FALSE(sameData(a, b));
  b = Dataset::fromMatrices(Matrix::Ones(3, 2), Matrix::Zero(3, 1));  // fewer rows
  EXPECT_FALSE(sameData(a, b));
  b = Dataset::fromMatrices(Matrix::Ones(4, 1), Matrix::Zero(4, 2));  // other columns
  EXPECT_FALSE(sameData(a, b));
}

TEST(EvaluationTest, ClassLabelsExpandToOneHot) {
  Matrix y(3, 1);
  y << 2, 0, 1;
  const Dataset expanded = expandClassLabels(Dataset::fromMatrices(Matrix::Zero(3, 1), y), 3);
  ASSERT_EQ(expanded.targetColumns(), 3);
  EXPECT_EQ(expanded.targets(0, 2), 1.0);
  EXPECT_EQ(expanded.targets.sum(), 3.0);
  EXPECT_EQ(expanded.targetNames[1], "y=1");
  y(1, 0) = 0.5;
  EXPECT_THROW(expandClassLabels(Dataset::fromMatrices(Matrix::Zero(3, 1), y), 3),
               std::invalid_argument);
}

}  // namespace
}  // namespace nnlab
