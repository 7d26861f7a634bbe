#include "ui/data/dataset_model.h"

#include <gtest/gtest.h>

#include <QColor>
#include <QSignalSpy>
#include <cmath>

namespace nnlab {
namespace {

// The seed article's table: three inputs (the third always 1), an XOR-like target.
Dataset seedDataset() {
  Matrix inputs(4, 3);
  inputs << 0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1;
  Matrix targets(4, 1);
  targets << 0, 1, 1, 0;
  return Dataset::fromMatrices(inputs, targets);
}

TEST(DatasetModelTest, ParseNumberAcceptsOnlyFiniteCLocaleNumbers) {
  EXPECT_EQ(DatasetModel::parseNumber(" 2.5 "), 2.5);
  EXPECT_EQ(DatasetModel::parseNumber("-1e-3"), -1e-3);
  for (const char* bad : {"abc", "nan", "inf", "-inf", "1e999", "", "1,5", "0.5.1"}) {
    EXPECT_FALSE(DatasetModel::parseNumber(QString::fromUtf8(bad))) << bad;
  }
}

TEST(DatasetModelTest, ColumnsAreInputsThenTargetPredictionErrorPerTarget) {
  DatasetModel model;
  Dataset data = Dataset::fromMatrices(Matrix::Zero(2, 2), Matrix::Zero(2, 2));
  model.setDataset(data);
  ASSERT_EQ(model.columnCount(), 2 + 3 * 2);
  using Kind = DatasetModel::ColumnKind;
  const Kind expected[] = {Kind::Input, Kind::Input,  Kind::Target,     Kind::Prediction,
                           Kind::Error, Kind::Target, Kind::Prediction, Kind::Error};
  for (int c = 0; c < model.columnCount(); ++c) EXPECT_EQ(model.columnKind(c), expected[c]) << c;
  EXPECT_EQ(model.fieldOfColumn(5), 3);
  EXPECT_EQ(model.columnOfField(3), 5);
  EXPECT_EQ(model.fieldOfColumn(3), -1);
  EXPECT_TRUE(model.flags(model.index(0, 2)) & Qt::ItemIsEditable);
  EXPECT_FALSE(model.flags(model.index(0, 3)) & Qt::ItemIsEditable);
  EXPECT_EQ(model.headerData(5, Qt::Horizontal).toString(), "y2");
  EXPECT_EQ(model.headerData(6, Qt::Horizontal).toString(), QString::fromUtf8("ŷ y2"));
}

TEST(DatasetModelTest, HeadersUseDatasetNamesAndExplainEachColumn) {
  DatasetModel model;
  model.setDataset(seedDataset());
  const QStringList expected = {
      "X1", "X2", "X3", "y", QString::fromUtf8("ŷ"), QString::fromUtf8("y − ŷ")};
  for (int c = 0; c < model.columnCount(); ++c) {
    EXPECT_EQ(model.headerData(c, Qt::Horizontal).toString(), expected[c]);
    EXPECT_FALSE(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
  }
}

TEST(DatasetModelTest, PredictionsShowCompactlyAndErrorsAreTinted) {
  DatasetModel model;
  model.setDataset(seedDataset());
  EXPECT_TRUE(model.index(0, 4).data().toString().isEmpty());
  Matrix predictions(4, 1);
  predictions << 0.0123456789, 0.97, 0.98, 0.5;
  ASSERT_TRUE(model.setPredictions(predictions));
  // One format down the column (never 0.0185 next to 0.02216), and the article's y − ŷ.
  EXPECT_EQ(model.index(0, 4).data().toString(), "0.0123");
  EXPECT_EQ(model.index(1, 4).data().toString(), "0.9700");
  EXPECT_EQ(model.index(3, 4).data().toString(), "0.5000");
  EXPECT_EQ(model.index(3, 5).data().toString(), "-0.5000");
  EXPECT_EQ(model.index(1, 5).data().toString(), "0.0300");
  const QColor bad = model.index(3, 5).data(Qt::BackgroundRole).value<QColor>();
  const QColor good = model.index(1, 5).data(Qt::BackgroundRole).value<QColor>();
  EXPECT_GT(bad.red(), bad.blue());  // ŷ above y: y − ŷ < 0, the negative (orange) end
  EXPECT_GT(bad.saturation(), good.saturation() + 50);
  EXPECT_FALSE(model.setPredictions(Matrix::Zero(3, 1)));
  EXPECT_EQ(model.index(0, 4).data().toString(), "0.0123");
}

// A step unit answers 0 or 1: no "1.0000" then, but the whole numbers it gives.
TEST(DatasetModelTest, WholeNumberAnswersShowWithoutDecimals) {
  DatasetModel model;
  model.setDataset(seedDataset());
  Matrix predictions(4, 1);
  predictions << 0, 1, 0, 0;
  ASSERT_TRUE(model.setPredictions(predictions));
  EXPECT_EQ(model.index(1, 4).data().toString(), "1");
  EXPECT_EQ(model.index(2, 5).data().toString(), "1");  // y − ŷ = 1 − 0
  EXPECT_EQ(model.index(3, 5).data().toString(), "0");
}

TEST(DatasetModelTest, EditorShowsFullPrecisionAndSetDataValidates) {
  DatasetModel model;
  model.setDataset(seedDataset());
  QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
  QSignalSpy refused(&model, &DatasetModel::editRefused);
  ASSERT_TRUE(model.setData(model.index(1, 0), "0.123456789012"));
  EXPECT_EQ(model.dataset().inputs(1, 0), 0.123456789012);
  EXPECT_EQ(model.index(1, 0).data(Qt::EditRole).toString(), "0.123456789012");
  EXPECT_EQ(model.index(1, 0).data().toString(),
            "0.1235");  // short; the editor and tooltip have it all
  EXPECT_EQ(changed.count(), 1);
  EXPECT_FALSE(model.setData(model.index(1, 0), "abc"));
  EXPECT_FALSE(model.setData(model.index(1, 4), "1"));  // ŷ is read-only
  EXPECT_EQ(model.dataset().inputs(1, 0), 0.123456789012);
  ASSERT_EQ(refused.count(), 1);
  EXPECT_TRUE(refused.front().front().toString().contains("abc"));
}

TEST(DatasetModelTest, RowEditsKeepPredictionsAlignedWithTheirRows) {
  DatasetModel model;
  model.setDataset(seedDataset());
  Matrix predictions(4, 1);
  predictions << 0.1, 0.2, 0.3, 0.4;
  model.setPredictions(predictions);
  model.removeSamples(1, 2);
  EXPECT_EQ(model.index(1, 4).data().toString(), "0.4000");
  model.insertSamples(1, Matrix::Ones(1, 4));
  EXPECT_TRUE(model.index(1, 4).data().toString().isEmpty());
  EXPECT_EQ(model.index(2, 4).data().toString(), "0.4000");
  EXPECT_EQ(model.dataset().targets(1, 0), 1.0);
}

TEST(DatasetModelTest, ColumnEditsKeepNamesAndValues) {
  DatasetModel model;
  model.setDataset(seedDataset());
  model.insertField(false, 3, model.unusedName(false), Matrix::Constant(4, 1, 7.0));
  model.insertField(true, 1, model.unusedName(true), Matrix::Constant(4, 1, 8.0));
  EXPECT_EQ(model.dataset().inputNames.back(), "X4");
  EXPECT_EQ(model.dataset().targetNames.back(), "y2");
  EXPECT_EQ(model.columnCount(), 4 + 3 * 2);
  EXPECT_EQ(model.index(2, model.columnOfField(5)).data().toString(), "8");
  model.removeField(false, 0);
  EXPECT_EQ(model.dataset().inputNames.front(), "X2");
  EXPECT_EQ(model.dataset().inputs(2, 2), 7.0);
}

}  // namespace
}  // namespace nnlab
