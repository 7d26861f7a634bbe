// A new architecture (units, a layer added or removed, an activation) draws new weights and
// starts training again: the status bar says what was set aside, and Ctrl+Z brings back the old
// network with its weights, its optimizer state and its place in training.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "tests/ui/main_window_fixture.h"
#include "ui/data/dataset_panel.h"
#include "ui/network/architecture_panel.h"
#include "ui/network/network_command.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"
#include "ui/window/status_line.h"

namespace nnlab {
namespace {

class NetworkUndo : public MainWindowTest {
 protected:
  Preset startPreset() const override { return *findPreset("circle"); }  // Adam: state to keep
  void SetUp() override {
    MainWindowTest::SetUp();
    m_window->session()->setInteractive(false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->shownSnapshot() != nullptr; }));
  }
  /// A key where a user's key goes: to the widget with the focus, else the window.
  void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWidget* focus = QApplication::focusWidget();
    QTest::keyClick(focus ? focus : m_window.get(), key, modifiers);
  }
  void stepEpochs(int epochs) {
    QSpinBox* count = m_window->controls()->stepCount();
    count->setFocus();
    QTest::keyClick(count, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(count, QString::number(epochs));
    QTest::keyClick(count, Qt::Key_Return);
    const long long until = m_window->runner().latestSnapshot()->epoch + epochs;
    QTest::mouseClick(m_window->controls()->stepButton(), Qt::LeftButton);
    ASSERT_TRUE(waitShown([&](const TrainingSnapshot& s) {
      return s.epoch == until && s.state == RunState::Paused;
    }));
  }
  QPushButton* button(const QString& text) {
    for (QPushButton* candidate : m_window->architecture()->findChildren<QPushButton*>())
      if (candidate->text() == text) return candidate;
    return nullptr;
  }
  QString message() const { return m_window->statusLine()->messageLabel()->text(); }
};

TEST_F(NetworkUndo, CtrlZBringsBackTheOldNetworkWithItsTraining) {
  stepEpochs(200);
  const RunnerState before = m_window->runner().captureState().get();
  const int units = before.network.layer(0).units();
  ASSERT_NE(units, 9);

  QSpinBox* h1 = m_window->architecture()->unitBoxes().front();
  h1->setFocus();
  QTest::keyClick(h1, Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(h1, QStringLiteral("9"));
  QTest::keyClick(h1, Qt::Key_Return);
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.network.layer(0).units() == 9 && s.epoch == 0; }));
  // What was set aside, and how to get it back.
  EXPECT_TRUE(message().contains(QStringLiteral("epoch 200"))) << message().toStdString();
  EXPECT_TRUE(message().contains(QStringLiteral("Ctrl+Z"))) << message().toStdString();
  EXPECT_EQ(m_window->dataPanel()->undoStack()->undoText(),
            QStringLiteral("Change h1: %1 → 9 units").arg(units));

  press(Qt::Key_Z, Qt::ControlModifier);
  ASSERT_TRUE(waitShown([&](const TrainingSnapshot& s) {
    return s.network.layer(0).units() == units && s.epoch == 200;
  }));
  const RunnerState after = m_window->runner().captureState().get();
  EXPECT_EQ(after.network.layer(0).weights, before.network.layer(0).weights);
  EXPECT_EQ(after.network.layer(1).weights, before.network.layer(1).weights);
  EXPECT_EQ(after.trainer.epoch, 200);
  EXPECT_EQ(after.trainer.optimizer.steps, before.trainer.optimizer.steps);
  EXPECT_EQ(after.trainer.optimizer.first.weights.front(),
            before.trainer.optimizer.first.weights.front());
  EXPECT_EQ(after.trainer.shuffleRandom, before.trainer.shuffleRandom);
  ASSERT_EQ(after.history.points.size(), before.history.points.size());
  EXPECT_EQ(after.history.points.back().loss, before.history.points.back().loss);
  EXPECT_EQ(m_window->architecture()->unitBoxes().front()->value(), units);
  EXPECT_TRUE(message().contains(QStringLiteral("Undone"))) << message().toStdString();

  // Redo: the new network again; the old one goes on training from where it was.
  press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.network.layer(0).units() == 9 && s.epoch == 0; }));
}

TEST_F(NetworkUndo, AddedLayersAndActivationsAreUndoneOneByOne) {
  stepEpochs(50);
  QPushButton* add = button(QStringLiteral("+ layer"));
  ASSERT_NE(add, nullptr);
  QTest::mouseClick(add, Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.network.layerCount() == 3; }));
  QTest::qWait(50);  // the panel rebuilds its editors from the snapshot
  QComboBox* activation = m_window->architecture()->activationCombos().front();
  const Activation old = m_window->shownSnapshot()->network.layer(0).activation;
  activation->setFocus();
  QTest::keyClick(activation, old == Activation::Sigmoid ? Qt::Key_Down : Qt::Key_Up);
  ASSERT_TRUE(waitShown([&](const TrainingSnapshot& s) {
    return s.network.layerCount() == 3 && s.network.layer(0).activation != old;
  }));
  QUndoStack* stack = m_window->dataPanel()->undoStack();
  EXPECT_TRUE(stack->undoText().startsWith(QStringLiteral("Change h1: ")))
      << stack->undoText().toStdString();

  m_window->setFocus();
  press(Qt::Key_Z, Qt::ControlModifier);
  ASSERT_TRUE(waitShown([&](const TrainingSnapshot& s) {
    return s.network.layerCount() == 3 && s.network.layer(0).activation == old;
  }));
  EXPECT_EQ(stack->undoText(), QStringLiteral("Change add hidden layer h2"));
  press(Qt::Key_Z, Qt::ControlModifier);
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.network.layerCount() == 2 && s.epoch == 50; }));
}

TEST(NetworkCommandText, NamesWhatChanged) {
  NetworkSpec from;
  from.inputs = 2;
  from.layers = {{4, Activation::Tanh}, {1, Activation::Sigmoid}};
  NetworkSpec to = from;
  to.layers[0].units = 8;
  EXPECT_EQ(NetworkCommand::describe(from, Init::Xavier, to, Init::Xavier),
            QStringLiteral("Change h1: 4 → 8 units"));
  to = from;
  to.layers[1].activation = Activation::Linear;
  to.bias = false;
  EXPECT_EQ(NetworkCommand::describe(from, Init::Xavier, to, Init::He),
            QStringLiteral("Change output: sigmoid → linear, bias off, init: xavier → he"));
  to = from;
  to.layers.erase(to.layers.begin());
  EXPECT_EQ(NetworkCommand::describe(from, Init::Xavier, to, Init::Xavier),
            QStringLiteral("Change remove hidden layer h1"));
}

}  // namespace
}  // namespace nnlab
