// The data table and the training runner together: what a user types into the table reaches the
// training at the next epoch, while it runs, and shows in the predictions and the loss.
#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <memory>

#include "core/loss.h"
#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/data/dataset_model.h"
#include "ui/data/dataset_panel.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

class MainWindowDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_window = std::make_unique<MainWindow>(seedPreset());
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
  }

  /// Types `text` into a cell the way a user does: F2, select all, type, Enter.
  void typeIntoCell(int row, int field, const QString& text) {
    QTableView* view = m_window->dataPanel()->view();
    DatasetModel* model = m_window->dataPanel()->model();
    view->setFocus();
    view->setCurrentIndex(model->index(row, model->columnOfField(field)));
    QTest::keyClick(view, Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_NE(editor, nullptr);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents();
  }

  /// The snapshot the runner publishes once the table's edit has reached it.
  std::shared_ptr<const TrainingSnapshot> snapshotWithTarget(int row, double value) {
    std::shared_ptr<const TrainingSnapshot> found;
    // On a timeout the caller's checks of the returned snapshot say what went wrong.
    static_cast<void>(QTest::qWaitFor(
        [&] {
          found = m_window->runner().latestSnapshot();
          return found->dataset->targets(row, 0) == value;
        },
        kTimeoutMs));
    return found;
  }

  std::unique_ptr<MainWindow> m_window;
};

TEST_F(MainWindowDataTest, EditingATargetCellChangesTheTargetsAndTheNextLoss) {
  const auto before = m_window->runner().latestSnapshot();
  ASSERT_EQ(before->dataset->targets(0, 0), 0.0);
  typeIntoCell(0, 3, "1");  // row 1's y: 0 → 1

  const auto after = snapshotWithTarget(0, 1.0);
  ASSERT_EQ(after->dataset->targets(0, 0), 1.0);
  EXPECT_EQ(after->epoch, 0) << "a data edit does not reset or train";
  // Same weights, new target: the loss is the SSE of the same predictions against the new y.
  Matrix targets = before->dataset->targets;
  targets(0, 0) = 1.0;
  EXPECT_NEAR(after->loss, lossValue(Loss::Sse, after->predictions, targets), 1e-12);
  EXPECT_NE(after->loss, before->loss);
  // The table shows the new target in its y column.
  DatasetModel* model = m_window->dataPanel()->model();
  EXPECT_EQ(model->data(model->index(0, model->columnOfField(3)), Qt::EditRole).toDouble(), 1.0);
}

TEST_F(MainWindowDataTest, EditsWhileTrainingTakeEffectWithoutPausing) {
  m_window->runner().run();  // at the window's default, watchable speed
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return m_window->runner().latestSnapshot()->epoch > 50; }, kTimeoutMs));
  typeIntoCell(3, 3, "1");  // row 4's y: 0 → 1
  const auto after = snapshotWithTarget(3, 1.0);
  EXPECT_EQ(after->state, RunState::Running);
  const long long epoch = after->epoch;
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return m_window->runner().latestSnapshot()->epoch > epoch + 50; }, kTimeoutMs))
      << "training goes on with the edited data";
  m_window->runner().pause();
}

// A target cell being typed into while training runs keeps what is typed: the frames that
// refresh the predictions beside it must not reset its editor (inputs never had the problem).
TEST_F(MainWindowDataTest, ATargetCellBeingTypedIntoWhileTrainingKeepsTheText) {
  m_window->runner().run();
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return m_window->runner().latestSnapshot()->epoch > 20; }, kTimeoutMs));
  QTableView* view = m_window->dataPanel()->view();
  DatasetModel* model = m_window->dataPanel()->model();
  view->setFocus();
  view->setCurrentIndex(model->index(3, model->columnOfField(3)));  // row 4's y
  QTest::keyClick(view, Qt::Key_F2);
  auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
  ASSERT_NE(editor, nullptr);
  QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(editor, QStringLiteral("0.75"));
  // Several frames pass while the editor is open: each brings new predictions.
  const long long epoch = m_window->runner().latestSnapshot()->epoch;
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return m_window->runner().latestSnapshot()->epoch > epoch + 30; }, kTimeoutMs));
  QTest::qWait(200);
  EXPECT_EQ(editor->text(), QStringLiteral("0.75"));
  QTest::keyClick(editor, Qt::Key_Return);
  const auto after = snapshotWithTarget(3, 0.75);
  EXPECT_EQ(after->dataset->targets(3, 0), 0.75);
  EXPECT_EQ(model->dataset().targets(3, 0), 0.75);
  m_window->runner().pause();
}

// "+ Row" puts the new row under the cursor: selected, its first cell open for typing.
TEST_F(MainWindowDataTest, AddRowSelectsTheNewRowAndEditsItsFirstCell) {
  QTableView* view = m_window->dataPanel()->view();
  DatasetModel* model = m_window->dataPanel()->model();
  view->setFocus();
  view->setCurrentIndex(model->index(1, model->columnOfField(2)));
  QToolButton* add = nullptr;
  for (auto* button : m_window->dataPanel()->findChildren<QToolButton*>())
    if (button->text() == QString::fromUtf8("+ Row")) add = button;
  ASSERT_NE(add, nullptr);
  QTest::mouseClick(add, Qt::LeftButton);
  ASSERT_EQ(model->rowCount(), 5);
  EXPECT_EQ(view->currentIndex(), model->index(2, 0));
  EXPECT_EQ(view->selectionModel()->selectedRows().size(), 1);
  EXPECT_TRUE(view->selectionModel()->isRowSelected(2));
  auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
  ASSERT_NE(editor, nullptr) << "the first cell of the new row is open for typing";
  QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(editor, QStringLiteral("0.5"));
  QTest::keyClick(editor, Qt::Key_Return);
  QApplication::processEvents();
  EXPECT_EQ(model->dataset().inputs(2, 0), 0.5);
}

// A pasted block whose first line is words is read as column names: the status line says so,
// and Ctrl+Z takes the paste back as it does any other.
TEST_F(MainWindowDataTest, APastedHeaderLineIsNamedInTheStatusLineAndUndoable) {
  QTableView* view = m_window->dataPanel()->view();
  DatasetModel* model = m_window->dataPanel()->model();
  const Dataset before = model->dataset();
  QApplication::clipboard()->setText(QStringLiteral("a\tb\n0.25\t0.75\n"));
  view->setFocus();
  view->setCurrentIndex(model->index(0, 0));
  QTest::keyClick(view, Qt::Key_V, Qt::ControlModifier);
  EXPECT_EQ(model->dataset().inputs(0, 0), 0.25);
  EXPECT_EQ(model->dataset().inputs(0, 1), 0.75);
  // The note outlives the frames that follow (the runner's own messages do not replace it).
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return m_window->runner().latestSnapshot()->dataset->inputs(0, 0) == 0.25; },
      kTimeoutMs));
  QTest::qWait(100);
  const QString status = m_window->statusBar()->currentMessage();
  EXPECT_TRUE(status.contains(QStringLiteral("column names")) &&
              status.contains(QStringLiteral("a, b")))
      << status.toStdString();
  EXPECT_TRUE(status.contains(QStringLiteral("Ctrl+Z"))) << status.toStdString();
  view->setFocus();
  QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
  EXPECT_EQ(model->dataset().inputs, before.inputs);
}

// The scaling box beside the table: the network reads rescaled inputs, the table keeps the
// values as typed, and the predictions follow the rescaled network.
TEST_F(MainWindowDataTest, ChoosingAnInputScalingRescalesWhatTheNetworkReads) {
  QComboBox* box = m_window->dataPanel()->scalingBox();
  ASSERT_NE(box, nullptr);
  box->setFocus();
  const int zscore = box->findText(QStringLiteral("zscore"));
  ASSERT_GE(zscore, 0);
  box->setCurrentIndex(zscore);
  emit box->activated(zscore);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return m_window->runner().latestSnapshot()->scaling.kind() == ScalingKind::ZScore; },
      kTimeoutMs));
  const auto snapshot = m_window->runner().latestSnapshot();
  EXPECT_EQ(m_window->dataPanel()->dataset().inputs, seedPreset().dataset.inputs);
  EXPECT_EQ(snapshot->dataset->inputs, seedPreset().dataset.inputs);
  const Matrix read = snapshot->scaling.apply(snapshot->dataset->inputs);
  EXPECT_NEAR(read.col(0).mean(), 0.0, 1e-12);  // X1 = 0, 0, 1, 1 → mean 0
  EXPECT_LT((snapshot->network.predict(read) - snapshot->predictions).cwiseAbs().maxCoeff(), 1e-12);
}

}  // namespace
}  // namespace nnlab
