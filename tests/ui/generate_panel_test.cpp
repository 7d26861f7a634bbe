// The Generate panel: drawn data lands in the table like any edit (undoable), reaches the
// runner with its test rows, and Split marks test rows in any data.
#include "ui/data/generate_panel.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/data/dataset_panel.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

TEST(GeneratePanelTest, GenerateFillsTheTableAndTheRunnerAndUndoBringsTheOldDataBack) {
  MainWindow window(seedPreset());
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  GeneratePanel* panel = window.generatePanel();
  EXPECT_FALSE(panel->isExpanded());  // the seed's table is not generated
  panel->setExpanded(true);
  panel->kindBox()->setCurrentIndex(panel->kindBox()->findText(QStringLiteral("spiral")));
  panel->samplesBox()->setValue(120);
  panel->testBox()->setValue(25);
  QTest::mouseClick(panel->generateButton(), Qt::LeftButton);
  EXPECT_EQ(window.dataPanel()->dataset().rows(), 120);
  EXPECT_EQ(window.dataPanel()->dataset().testRowCount(), 30);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = window.runner().latestSnapshot();
        return s->dataset->rows() == 120 && s->network.inputs() == 2;
      },
      kTimeoutMs));
  EXPECT_TRUE(window.runner().latestSnapshot()->testLoss.has_value());
  window.dataPanel()->undoStack()->undo();
  EXPECT_EQ(window.dataPanel()->dataset().rows(), 4);
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return window.runner().latestSnapshot()->network.inputs() == 3; }, kTimeoutMs));
}

TEST(GeneratePanelTest, SplitMarksTestRowsInAnyData) {
  MainWindow window(*findPreset("sine"));
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  GeneratePanel* panel = window.generatePanel();
  EXPECT_TRUE(panel->isExpanded());  // a generated preset shows how it was drawn
  const int rows = window.dataPanel()->dataset().rows();
  panel->testBox()->setValue(50);
  QTest::mouseClick(panel->splitButton(), Qt::LeftButton);
  EXPECT_EQ(window.dataPanel()->dataset().testRowCount(), rows / 2);
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return window.runner().latestSnapshot()->dataset->testRowCount() == rows / 2; },
      kTimeoutMs));
  panel->testBox()->setValue(0);
  QTest::mouseClick(panel->splitButton(), Qt::LeftButton);
  EXPECT_EQ(window.dataPanel()->dataset().testRowCount(), 0);
}

}  // namespace
}  // namespace nnlab
