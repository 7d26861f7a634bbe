#include "ui/data/dataset_panel.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <memory>

#include "core/training_runner.h"
#include "ui/data/dataset_model.h"

namespace nnlab {
namespace {

Dataset seedDataset() {
  Matrix inputs(4, 3);
  inputs << 0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1;
  Matrix targets(4, 1);
  targets << 0, 1, 1, 0;
  return Dataset::fromMatrices(inputs, targets);
}

class DatasetPanelTest : public testing::Test {
 protected:
  void SetUp() override {
    m_panel.resize(330, 400);
    m_panel.setDataset(seedDataset());
    m_panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_panel));
  }

  QTableView* view() { return m_panel.view(); }
  DatasetModel* model() { return m_panel.model(); }

  void clickButton(const QString& text) {
    for (auto* button : m_panel.findChildren<QToolButton*>()) {
      if (button->text() == text) {
        QTest::mouseClick(button, Qt::LeftButton);
        return;
      }
    }
    FAIL() << "no button " << text.toStdString();
  }

  void setCurrent(int row, int field) {
    view()->setFocus();
    view()->setCurrentIndex(model()->index(row, model()->columnOfField(field)));
  }

  /// Types `text` into the cell the way a user does: F2, select all, type, Enter.
  void typeIntoCell(int row, int field, const QString& text) {
    setCurrent(row, field);
    QTest::keyClick(view(), Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_NE(editor, nullptr);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents();  // the delegate commits the editor's text in a queued call
  }

  void keyOnView(Qt::Key key, Qt::KeyboardModifiers modifiers) {
    view()->setFocus();
    QTest::keyClick(view(), key, modifiers);
  }

  DatasetPanel m_panel;
};

TEST_F(DatasetPanelTest, TypingIntoATargetCellEditsTheDatasetAndAnnouncesIt) {
  QSignalSpy edited(&m_panel, &DatasetPanel::datasetEdited);
  typeIntoCell(1, 3, "0.25");
  EXPECT_EQ(m_panel.dataset().targets(1, 0), 0.25);
  ASSERT_EQ(edited.count(), 1);
  EXPECT_EQ(edited.front().front().value<Dataset>().targets(1, 0), 0.25);
}

TEST_F(DatasetPanelTest, ANonNumberIsRefusedVisiblyAndTheOldValueStays) {
  QSignalSpy edited(&m_panel, &DatasetPanel::datasetEdited);
  QSignalSpy status(&m_panel, &DatasetPanel::statusMessage);
  for (const char* bad : {"abc", "nan", "1e999"}) {
    typeIntoCell(1, 3, bad);
    EXPECT_EQ(m_panel.dataset().targets(1, 0), 1.0) << bad;
    EXPECT_TRUE(m_panel.message().contains(bad)) << m_panel.message().toStdString();
  }
  EXPECT_EQ(edited.count(), 0);
  EXPECT_EQ(status.count(), 3);
  EXPECT_EQ(m_panel.undoStack()->count(), 0);
}

TEST_F(DatasetPanelTest, UndoAndRedoKeysRestoreExactly) {
  const Dataset original = m_panel.dataset();
  typeIntoCell(2, 0, "0.1234567890123");
  const Dataset edited = m_panel.dataset();
  QSignalSpy announced(&m_panel, &DatasetPanel::datasetEdited);
  keyOnView(Qt::Key_Z, Qt::ControlModifier);
  EXPECT_TRUE(sameData(m_panel.dataset(), original));
  keyOnView(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
  EXPECT_TRUE(sameData(m_panel.dataset(), edited));
  keyOnView(Qt::Key_Z, Qt::ControlModifier);
  keyOnView(Qt::Key_Y, Qt::ControlModifier);
  EXPECT_EQ(m_panel.dataset().inputs(2, 0), 0.1234567890123);
  EXPECT_EQ(announced.count(), 4);
}

TEST_F(DatasetPanelTest, RowButtonsAddAndRemoveRowsButKeepTheLast) {
  QSignalSpy edited(&m_panel, &DatasetPanel::datasetEdited);
  setCurrent(1, 0);
  clickButton(QString::fromUtf8("+ Row"));
  ASSERT_EQ(m_panel.dataset().rows(), 5);
  EXPECT_EQ(m_panel.dataset().inputs.row(2).sum(), 0.0);
  EXPECT_EQ(m_panel.dataset().inputs(3, 0), 1.0);  // the old row 2 moved down
  view()->selectRow(0);
  clickButton(QString::fromUtf8("− Row"));
  EXPECT_EQ(m_panel.dataset().rows(), 4);
  EXPECT_EQ(edited.count(), 2);
  view()->selectAll();
  clickButton(QString::fromUtf8("− Row"));
  EXPECT_EQ(m_panel.dataset().rows(), 4);
  EXPECT_TRUE(m_panel.message().contains("at least one row"));
}

TEST_F(DatasetPanelTest, ColumnButtonsAddAndRemoveColumnsButKeepOneOfEach) {
  clickButton(QString::fromUtf8("+ Input"));
  clickButton(QString::fromUtf8("+ Target"));
  EXPECT_EQ(m_panel.dataset().inputNames, (std::vector<std::string>{"X1", "X2", "X3", "X4"}));
  EXPECT_EQ(m_panel.dataset().targetNames, (std::vector<std::string>{"y", "y2"}));
  EXPECT_EQ(model()->columnCount(), 4 + 3 * 2);
  setCurrent(0, 0);
  clickButton(QString::fromUtf8("− Input"));  // the current input column
  EXPECT_EQ(m_panel.dataset().inputNames.front(), "X2");
  for (int i = 0; i < 3; ++i) clickButton(QString::fromUtf8("− Target"));
  EXPECT_EQ(m_panel.dataset().targetColumns(), 1);
  for (int i = 0; i < 4; ++i) clickButton(QString::fromUtf8("− Input"));
  EXPECT_EQ(m_panel.dataset().inputColumns(), 1);
  EXPECT_TRUE(m_panel.message().contains("at least one input"));
  while (m_panel.undoStack()->canUndo()) m_panel.undoStack()->undo();
  EXPECT_TRUE(sameData(m_panel.dataset(), seedDataset()));
}

TEST_F(DatasetPanelTest, PasteFillsABlockGrowsRowsAndUndoesInOneStep) {
  QApplication::clipboard()->setText("0.5\t0.25\r\n2\t3\r\n");
  setCurrent(3, 2);
  keyOnView(Qt::Key_V, Qt::ControlModifier);
  ASSERT_EQ(m_panel.dataset().rows(), 5);
  EXPECT_EQ(m_panel.dataset().inputs(3, 2), 0.5);
  EXPECT_EQ(m_panel.dataset().targets(3, 0), 0.25);
  EXPECT_EQ(m_panel.dataset().inputs(4, 2), 2.0);
  EXPECT_EQ(m_panel.dataset().targets(4, 0), 3.0);
  EXPECT_EQ(m_panel.undoStack()->count(), 1);
  keyOnView(Qt::Key_Z, Qt::ControlModifier);
  EXPECT_TRUE(sameData(m_panel.dataset(), seedDataset()));
}

TEST_F(DatasetPanelTest, PasteWithCommasAndABadValueIsRefusedWhole) {
  QApplication::clipboard()->setText("1,2\n3,abc\n");
  setCurrent(0, 0);
  keyOnView(Qt::Key_V, Qt::ControlModifier);
  EXPECT_TRUE(sameData(m_panel.dataset(), seedDataset()));
  EXPECT_TRUE(m_panel.message().contains("row 2, X2"));
  EXPECT_TRUE(m_panel.message().contains("abc"));
  QApplication::clipboard()->setText("1,2\n");
  keyOnView(Qt::Key_V, Qt::ControlModifier);
  EXPECT_EQ(m_panel.dataset().inputs(0, 1), 2.0);
}

TEST_F(DatasetPanelTest, CopiedCellsPasteBackElsewhere) {
  view()->selectionModel()->select(QItemSelection(model()->index(1, 0), model()->index(2, 1)),
                                   QItemSelectionModel::ClearAndSelect);
  keyOnView(Qt::Key_C, Qt::ControlModifier);
  EXPECT_EQ(QApplication::clipboard()->text(), "0\t1\n1\t0\n");
  setCurrent(3, 0);
  keyOnView(Qt::Key_V, Qt::ControlModifier);
  EXPECT_EQ(m_panel.dataset().inputs.bottomRows(2).leftCols(2),
            m_panel.dataset().inputs.middleRows(1, 2).leftCols(2));
}

TEST_F(DatasetPanelTest, SnapshotFillsPredictionAndErrorColumns) {
  TrainingSnapshot snapshot;
  snapshot.dataset = std::make_shared<const Dataset>(seedDataset());
  snapshot.predictions.resize(4, 1);
  snapshot.predictions << 0.0231, 0.979, 0.975, 0.025;
  m_panel.showSnapshot(snapshot);
  EXPECT_EQ(model()->index(0, 4).data().toString(), "0.0231");
  EXPECT_EQ(model()->index(1, 4).data().toString(), "0.9790");  // the same four decimals
  EXPECT_EQ(model()->index(1, 5).data().toString(), "0.0210");  // y − ŷ
  EXPECT_TRUE(model()->index(1, 5).data(Qt::BackgroundRole).isValid());
}

TEST_F(DatasetPanelTest, TwoTargetsReadInFullWithTinyAndNegativeNumbers) {
  Matrix inputs(3, 2);
  inputs << 0.125, -3.5, 1234.5678, 0.000123456, -1, 2;
  Matrix targets(3, 2);
  targets << 0, 1, 1, 0, 0.5, -0.25;
  const Dataset data = Dataset::fromMatrices(inputs, targets);
  m_panel.setDataset(data);
  TrainingSnapshot snapshot;
  snapshot.dataset = std::make_shared<const Dataset>(data);
  snapshot.predictions.resize(3, 2);
  snapshot.predictions << 8e-05, 0.99991234, -0.000123456, 1.00008123, 0.5000812, -0.2500123;
  m_panel.showSnapshot(snapshot);
  EXPECT_EQ(model()->index(0, 3).data().toString(), "0.0001");  // the full value in the tooltip
  QHeaderView* header = view()->horizontalHeader();
  const QFontMetrics metrics = view()->fontMetrics();
  for (int column = 0; column < model()->columnCount(); ++column) {
    const QString name = model()->headerData(column, Qt::Horizontal).toString();
    EXPECT_GE(view()->columnWidth(column), header->sectionSizeHint(column)) << name.toStdString();
    for (int row = 0; row < model()->rowCount(); ++row) {
      const QString text = model()->index(row, column).data().toString();
      EXPECT_FALSE(text.isEmpty());
      EXPECT_GT(view()->columnWidth(column), metrics.horizontalAdvance(text) + 4)
          << name.toStdString() << " row " << row << ": " << text.toStdString();
    }
  }
  EXPECT_EQ(model()->headerData(6, Qt::Horizontal).toString(), QString::fromUtf8("ŷ y2"));
  EXPECT_EQ(model()->headerData(7, Qt::Horizontal).toString(), QString::fromUtf8("y2 − ŷ"));
}

TEST_F(DatasetPanelTest, SnapshotOfAnOlderShapeIsIgnoredWithoutCrashing) {
  clickButton(QString::fromUtf8("+ Row"));
  TrainingSnapshot snapshot;
  snapshot.dataset = std::make_shared<const Dataset>(seedDataset());  // 4 rows, table has 5
  snapshot.predictions = Matrix::Constant(4, 1, 0.5);
  m_panel.showSnapshot(snapshot);
  snapshot.dataset.reset();
  snapshot.predictions = Matrix::Constant(5, 3, 0.5);
  m_panel.showSnapshot(snapshot);
  EXPECT_TRUE(model()->index(0, 4).data().toString().isEmpty());
}

TEST_F(DatasetPanelTest, ClickingARowSelectsItsSample) {
  QSignalSpy selected(&m_panel, &DatasetPanel::selectedSampleChanged);
  const QRect cell = view()->visualRect(model()->index(2, 1));
  QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, cell.center());
  ASSERT_EQ(selected.count(), 1);
  EXPECT_EQ(selected.front().front().toInt(), 2);
  view()->selectRow(0);
  clickButton(QString::fromUtf8("− Row"));
  EXPECT_NE(selected.back().front().toInt(), 2);  // the selection moved with the table
}

TEST_F(DatasetPanelTest, ButtonsFitTheNarrowPanel) {
  EXPECT_LE(m_panel.minimumSizeHint().width(), 330);
  for (auto* button : m_panel.findChildren<QToolButton*>()) {
    EXPECT_FALSE(button->toolTip().isEmpty()) << button->text().toStdString();
    EXPECT_GE(button->width(), button->sizeHint().width()) << button->text().toStdString();
  }
}

TEST_F(DatasetPanelTest, CsvExportThenImportRoundTripsAndBadFilesAreReported) {
  QTemporaryDir dir;
  const QString path = dir.filePath("seed.csv");
  typeIntoCell(0, 0, "0.1");
  ASSERT_TRUE(m_panel.exportCsv(path));
  const Dataset exported = m_panel.dataset();
  m_panel.setDataset(Dataset::fromMatrices(Matrix::Zero(1, 1), Matrix::Zero(1, 1)));
  QSignalSpy edited(&m_panel, &DatasetPanel::datasetEdited);
  ASSERT_TRUE(m_panel.importCsv(path));
  EXPECT_TRUE(sameData(m_panel.dataset(), exported));
  EXPECT_EQ(edited.count(), 1);

  QFile bad(dir.filePath("bad.csv"));
  ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
  bad.write("a,b\n1,x\n");
  bad.close();
  EXPECT_FALSE(m_panel.importCsv(bad.fileName()));
  EXPECT_TRUE(m_panel.message().contains("bad.csv:2:")) << m_panel.message().toStdString();
  EXPECT_TRUE(sameData(m_panel.dataset(), exported));
}

TEST_F(DatasetPanelTest, EditsAtFullTrainingSpeedReachTheRunnerWithoutCrashing) {
  NetworkSpec spec;
  spec.inputs = 3;
  spec.layers = {{4, Activation::Sigmoid}, {1, Activation::Sigmoid}};
  TrainingRunner runner(Network(spec), Init::Uniform01, 1, m_panel.dataset(), {});
  QObject::connect(&m_panel, &DatasetPanel::datasetEdited,
                   [&runner](const Dataset& dataset) { runner.setDataset(dataset); });
  runner.run();
  const QStringList buttons = {"+ Row", "+ Input", "+ Target", "− Row", "− Target", "− Input"};
  for (int i = 0; i < 60; ++i) {
    setCurrent(i % 4, i % 3);
    clickButton(QString::fromUtf8(buttons[i % buttons.size()].toUtf8()));
    if (i % 5 == 0) keyOnView(Qt::Key_Z, Qt::ControlModifier);
    m_panel.showSnapshot(*runner.latestSnapshot());
  }
  // Once the runner has caught up with every edit, its predictions fill the table again, new
  // rows included. (A snapshot of an earlier edit may have the same shape of predictions but
  // not the same inputs, so waiting for the shape alone is not enough.)
  const std::uint64_t posted = runner.postedCommands();
  std::shared_ptr<const TrainingSnapshot> snapshot = runner.latestSnapshot();
  for (int i = 0; i < 2000 && snapshot->commandsApplied < posted; ++i) {
    QTest::qWait(5);
    snapshot = runner.latestSnapshot();
  }
  ASSERT_GE(snapshot->commandsApplied, posted) << "the runner never caught up with the edits";
  m_panel.showSnapshot(*snapshot);
  const int lastRow = m_panel.dataset().rows() - 1;
  EXPECT_FALSE(model()->index(lastRow, model()->columnOfField(3)).data().toString().isEmpty());
  EXPECT_FALSE(model()->index(lastRow, model()->columnOfField(3) + 1).data().toString().isEmpty());
}

}  // namespace
}  // namespace nnlab
