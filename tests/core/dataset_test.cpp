#include "core/dataset.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace nnlab {
namespace {

Dataset tenRows() {
  Matrix inputs(10, 2), targets(10, 1);
  for (int r = 0; r < 10; ++r) {
    inputs(r, 0) = r;
    inputs(r, 1) = -r;
    targets(r, 0) = r % 3;
  }
  return Dataset::fromMatrices(inputs, targets);
}

TEST(DatasetTest, FromMatricesNamesTheColumns) {
  const Dataset data = tenRows();
  EXPECT_EQ(data.rows(), 10);
  EXPECT_EQ(data.inputColumns(), 2);
  EXPECT_EQ(data.targetColumns(), 1);
  EXPECT_EQ(data.inputNames, (std::vector<std::string>{"X1", "X2"}));
  EXPECT_EQ(data.targetNames, (std::vector<std::string>{"y"}));
  EXPECT_EQ(data.testRowCount(), 0);
  EXPECT_EQ(data.trainingRowCount(), 10);
}

TEST(DatasetTest, SplitIsReproducibleAndHoldsBackTheShareAsked) {
  Dataset a = tenRows(), b = tenRows();
  splitTestRows(a, 30, 5);
  splitTestRows(b, 30, 5);
  EXPECT_EQ(a.testRowCount(), 3);
  EXPECT_EQ(a.testRows, b.testRows);
  EXPECT_TRUE(sameData(a, b));
  splitTestRows(b, 30, 6);
  EXPECT_FALSE(sameData(a, b)) << "another seed should pick other rows";
  splitTestRows(a, 0, 5);
  EXPECT_EQ(a.testRowCount(), 0);
}

TEST(DatasetTest, SelectRowsKeepsTheOrderAndTheNames) {
  Dataset data = tenRows();
  splitTestRows(data, 40, 2);
  const Dataset test = selectRows(data, true);
  const Dataset train = selectRows(data, false);
  EXPECT_EQ(test.rows(), 4);
  EXPECT_EQ(train.rows(), 6);
  EXPECT_TRUE(test.testRows.empty() || test.testRowCount() == 0);
  EXPECT_EQ(train.inputNames, data.inputNames);
  int t = 0, n = 0;
  for (int r = 0; r < data.rows(); ++r) {
    const Dataset& part = data.isTestRow(r) ? test : train;
    int& index = data.isTestRow(r) ? t : n;
    EXPECT_EQ(part.inputs.row(index), data.inputs.row(r));
    EXPECT_EQ(part.targets.row(index), data.targets.row(r));
    ++index;
  }
}

TEST(DatasetTest, ClassLabelsBecomeOneHotColumns) {
  const Dataset expanded = expandClassLabels(tenRows(), 3);
  ASSERT_EQ(expanded.targetColumns(), 3);
  EXPECT_EQ(expanded.targetNames, (std::vector<std::string>{"y=0", "y=1", "y=2"}));
  for (int r = 0; r < expanded.rows(); ++r) {
    EXPECT_EQ(expanded.targets.row(r).sum(), 1.0);
    EXPECT_EQ(expanded.targets(r, r % 3), 1.0);
  }
}

TEST(DatasetTest, ClassLabelsOutOfRangeAreRefusedNamingTheRow) {
  Dataset data = tenRows();
  data.targets(4, 0) = 1.5;
  try {
    expandClassLabels(data, 3);
    FAIL() << "a label of 1.5 was accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(std::string(error.what()).rfind("row 5:", 0), 0u) << error.what();
  }
  EXPECT_THROW(expandClassLabels(tenRows(), 2), std::invalid_argument);  // label 2 of 2 classes
}

}  // namespace
}  // namespace nnlab
