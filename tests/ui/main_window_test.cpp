#include "ui/window/main_window.h"

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "tests/ui/main_window_fixture.h"
#include "ui/data/dataset_model.h"
#include "ui/data/dataset_panel.h"
#include "ui/network/architecture_panel.h"
#include "ui/network/network_view.h"
#include "ui/network/neuron_inspector.h"
#include "ui/network/weight_editor.h"
#include "ui/window/control_bar.h"
#include "ui/window/session_controller.h"
#include "ui/window/status_line.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

TEST_F(MainWindowTest, OpensOnTheSeedExperimentPausedAtEpochZero) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  const auto shown = m_window->shownSnapshot();
  EXPECT_EQ(shown->epoch, 0);
  EXPECT_NE(shown->state, RunState::Running);
  EXPECT_EQ(shown->network.spec().shapeText(), "3-4-1");
  EXPECT_FALSE(shown->network.spec().bias);
  EXPECT_EQ(m_window->networkView()->neuronCount(), 8);
  EXPECT_DOUBLE_EQ(m_window->controls()->learningRate(), 1.0);
}

TEST_F(MainWindowTest, TrainAdvancesEpochsAndPauseStopsThem) {
  QTest::mouseClick(m_window->controls()->trainButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.epoch > 20; }));
  EXPECT_EQ(m_window->controls()->trainButton()->text(), QStringLiteral("Pause"));
  QTest::mouseClick(m_window->controls()->trainButton(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return latest()->state == RunState::Paused; }, kTimeoutMs));
  const long long stopped = latest()->epoch;
  QTest::qWait(150);
  EXPECT_EQ(latest()->epoch, stopped);
  EXPECT_EQ(m_window->controls()->trainButton()->text(), QStringLiteral("Train"));
}

TEST_F(MainWindowTest, SpaceShortcutTogglesTraining) {
  QTest::keyClick(m_window.get(), Qt::Key_Space);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.state == RunState::Running; }));
  QTest::keyClick(m_window.get(), Qt::Key_Space);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.state == RunState::Paused; }));
}

// Space belongs to a number box being typed in; Ctrl+Space and F5 train and pause from anywhere.
TEST_F(MainWindowTest, CtrlSpaceAndF5TrainAndPauseEvenFromANumberBox) {
  // The hidden layer's units: a box that keeps Space for itself.
  QSpinBox* box = nullptr;
  for (QSpinBox* candidate : m_window->architecture()->findChildren<QSpinBox*>())
    if (!box && candidate->isEnabled() && candidate->isVisible()) box = candidate;
  ASSERT_NE(box, nullptr);
  box->setFocus();
  ASSERT_TRUE(QTest::qWaitFor([&] { return box->hasFocus(); }, kTimeoutMs));
  QTest::keyClick(box, Qt::Key_Space);
  QTest::qWait(50);
  EXPECT_NE(latest()->state, RunState::Running);
  QTest::keyClick(box, Qt::Key_Space, Qt::ControlModifier);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.state == RunState::Running; }));
  QTest::keyClick(box, Qt::Key_F5);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.state == RunState::Paused; }));
  EXPECT_TRUE(box->hasFocus());
  EXPECT_TRUE(m_window->controls()->trainAction()->toolTip().contains(QStringLiteral("F5")));
}

TEST_F(MainWindowTest, StepWithNTenTrainsExactlyTenEpochs) {
  m_window->controls()->stepCount()->setValue(10);
  QTest::mouseClick(m_window->controls()->stepButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) {
    return s.reason == PauseReason::StepDone && s.state == RunState::Paused;
  }));
  EXPECT_EQ(latest()->epoch, 10);
  QTest::mouseClick(m_window->controls()->stepButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.epoch == 20; }));
  QTest::qWait(100);
  EXPECT_EQ(latest()->epoch, 20);
}

TEST_F(MainWindowTest, TrainingKeysStillWorkAfterTypingAStepCount) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  QSpinBox* box = m_window->controls()->stepCount();
  // Keys go where a user's keys would: to the widget with focus.
  const auto press = [&](Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWidget* focus = QApplication::focusWidget();
    QTest::keyClick(focus ? focus : m_window.get(), key, modifiers);
  };
  QTest::mouseClick(box, Qt::LeftButton);
  ASSERT_TRUE(box->hasFocus());
  press(Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(box, QStringLiteral("4"));
  press(Qt::Key_Return);
  QApplication::processEvents();
  EXPECT_EQ(box->value(), 4);
  press(Qt::Key_Right);  // → steps once Enter has taken the number
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.epoch == 4 && s.state == RunState::Paused; }));

  // Typed but not entered: S steps with the typed count and types nothing.
  QTest::mouseClick(box, Qt::LeftButton);
  press(Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(box, QStringLiteral("3"));
  press(Qt::Key_S);
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.epoch == 7 && s.state == RunState::Paused; }));
  EXPECT_EQ(box->text(), QStringLiteral("3"));

  QTest::mouseClick(box, Qt::LeftButton);
  press(Qt::Key_Space);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.state == RunState::Running; }));
  press(Qt::Key_Space);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.state == RunState::Paused; }));
  QTest::mouseClick(box, Qt::LeftButton);
  press(Qt::Key_R);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.epoch == 0; }));
  EXPECT_EQ(box->text(), QStringLiteral("3"));
}

TEST_F(MainWindowTest, LearningRateSliderAppliesWithoutReset) {
  m_window->controls()->stepCount()->setValue(30);
  QTest::mouseClick(m_window->controls()->stepButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.epoch == 30 && s.state == RunState::Paused; }));
  const Network before = latest()->network;
  QSlider* slider = m_window->controls()->learningRateSlider();
  slider->setFocus();
  QTest::keyClick(slider, Qt::Key_PageDown);  // one page left: a smaller rate
  const double rate = m_window->controls()->learningRate();
  ASSERT_LT(rate, 1.0);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return std::abs(latest()->settings.optimizer.learningRate - rate) < 1e-3; },
      kTimeoutMs));
  const auto after = latest();
  EXPECT_EQ(after->epoch, 30);  // not reset
  EXPECT_TRUE(after->network.layer(0).weights.isApprox(before.layer(0).weights));
  EXPECT_FALSE(after->history.empty());
  QTest::mouseClick(m_window->controls()->stepButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.epoch == 60; }));
}

TEST_F(MainWindowTest, AnyLearningRateFromZeroToAThousandCanBeTyped) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  ControlBar* controls = m_window->controls();
  QLineEdit* box = controls->learningRateBox();
  QSlider* slider = controls->learningRateSlider();
  const auto type = [&](const QString& text) {
    QTest::mouseClick(box, Qt::LeftButton);
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
    QApplication::processEvents();
  };
  // Waits until the window itself shows the rate, so that no older snapshot can arrive while
  // the next value is being typed.
  const auto runnerRate = [&](double rate) {
    return waitShown(
        [rate](const TrainingSnapshot& s) { return s.settings.optimizer.learningRate == rate; });
  };
  type(QStringLiteral("1e-5"));
  EXPECT_TRUE(runnerRate(1e-5));
  EXPECT_EQ(slider->value(), slider->minimum());  // below the slider: pinned at its left end
  type(QStringLiteral("0.000002"));
  EXPECT_TRUE(runnerRate(2e-6));
  type(QStringLiteral("0"));
  EXPECT_TRUE(runnerRate(0.0));
  EXPECT_EQ(slider->value(), slider->minimum());
  type(QStringLiteral("1000"));
  EXPECT_TRUE(runnerRate(1000.0));
  EXPECT_EQ(slider->value(), slider->maximum());

  QLabel* message = m_window->statusLine()->messageLabel();
  for (const QString& bad : {QStringLiteral("-1"), QStringLiteral("1e6"), QStringLiteral("abc")}) {
    type(bad);
    EXPECT_EQ(controls->learningRate(), 1000.0) << bad.toStdString();
    EXPECT_EQ(box->text(), QStringLiteral("1000"));
    EXPECT_TRUE(message->isVisible());
    EXPECT_TRUE(message->text().contains(bad)) << message->text().toStdString();
  }
  QTest::qWait(100);
  EXPECT_EQ(latest()->settings.optimizer.learningRate, 1000.0);
}

TEST_F(MainWindowTest, ARefusedOptimizerShowsWhyAndPutsTheControlBack) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  QComboBox* optimizer = nullptr;
  for (QComboBox* combo : m_window->architecture()->findChildren<QComboBox*>())
    if (combo->findText(QStringLiteral("perceptron")) >= 0) optimizer = combo;
  ASSERT_NE(optimizer, nullptr);
  ASSERT_EQ(optimizer->currentText(), QStringLiteral("gd"));
  // The seed has a hidden layer: the perceptron rule cannot train it.
  const int perceptron = optimizer->findText(QStringLiteral("perceptron"));
  optimizer->setCurrentIndex(perceptron);
  emit optimizer->activated(perceptron);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return !s.message.empty(); }));
  EXPECT_EQ(latest()->settings.optimizer.kind, OptimizerKind::Gd);
  ASSERT_TRUE(QTest::qWaitFor([&] { return optimizer->currentText() == QStringLiteral("gd"); },
                              kTimeoutMs));
  EXPECT_EQ(m_window->statusBar()->currentMessage(),
            QString::fromStdString(m_window->shownSnapshot()->message));
  // Visible to the user, not hidden behind the permanent status line.
  QLabel* shown = nullptr;
  for (QLabel* label : m_window->statusBar()->findChildren<QLabel*>())
    if (label->isVisible() && label->text().contains(QStringLiteral("perceptron"))) shown = label;
  ASSERT_NE(shown, nullptr);
  EXPECT_GT(shown->width(), shown->fontMetrics().horizontalAdvance(QStringLiteral("perceptron")));
  EXPECT_TRUE(m_window->statusBar()->rect().contains(
      QRect(shown->mapTo(m_window->statusBar(), QPoint(0, 0)), QSize(1, 1))));
}

TEST_F(MainWindowTest, RedoWorksWithCtrlShiftZAndCtrlY) {
  DatasetModel* model = m_window->dataPanel()->model();
  const QModelIndex cell = model->index(0, model->columnOfField(0));
  ASSERT_TRUE(model->setData(cell, QStringLiteral("5")));
  m_window->networkView()->setFocus();
  for (QKeyCombination redo : {QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z),
                               QKeyCombination(Qt::ControlModifier, Qt::Key_Y)}) {
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(model->dataset().inputs(0, 0), 0.0);
    QTest::keyClick(m_window.get(), redo.key(), redo.keyboardModifiers());
    EXPECT_EQ(model->dataset().inputs(0, 0), 5.0);
  }
}

TEST_F(MainWindowTest, LoadingAPresetForgetsTheSelectedRow) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  QTableView* table = m_window->dataPanel()->view();
  table->setCurrentIndex(table->model()->index(3, 0));
  ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->networkView()->sample() == 3; }, kTimeoutMs));
  m_window->loadPreset(seedPreset());
  ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->networkView()->sample() == 0; }, kTimeoutMs));
  EXPECT_FALSE(table->currentIndex().isValid());
}

TEST_F(MainWindowTest, PausedTheStatusBarShowsTheLastRateNotZero) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  EXPECT_EQ(m_window->statusLine()->speedText(), QStringLiteral("— epochs/s"));
  m_window->controls()->stepCount()->setValue(1000);  // within the seed's 1500
  QTest::mouseClick(m_window->controls()->stepButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.epoch == 1000 && s.state == RunState::Paused; }));
  EXPECT_FALSE(m_window->statusLine()->speedText().startsWith(QLatin1Char('0')))
      << m_window->statusLine()->speedText().toStdString();
}

TEST_F(MainWindowTest, EveryControlExplainsItselfInATooltip) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  QStringList silent;
  for (QWidget* widget : m_window->findChildren<QWidget*>()) {
    const bool control = qobject_cast<QAbstractButton*>(widget) ||
                         qobject_cast<QAbstractSpinBox*>(widget) ||
                         qobject_cast<QComboBox*>(widget) || qobject_cast<QSlider*>(widget);
    // The menu bar's overflow arrow is Qt's own and says nothing in any application.
    if (!control || qobject_cast<QMenuBar*>(widget->parentWidget())) continue;
    if (widget->toolTip().isEmpty()) {
      auto* button = qobject_cast<QAbstractButton*>(widget);
      silent << QStringLiteral("%1 \"%2\"")
                    .arg(QString::fromLatin1(widget->metaObject()->className()),
                         button ? button->text() : QString());
    }
  }
  EXPECT_TRUE(silent.isEmpty()) << silent.join(QStringLiteral(", ")).toStdString();
}

/// Clicks `button` of the message box that is about to appear (a close asks Save, Discard or
/// Cancel), recording when.
void answerNextQuestion(QMessageBox::StandardButton button, QElapsedTimer* clicked) {
  QTimer::singleShot(50, [button, clicked] {
    // Whatever else is open is closed: left open, it would hang the test instead of failing it.
    QWidget* modal = QApplication::activeModalWidget();
    auto* box = qobject_cast<QMessageBox*>(modal);
    EXPECT_NE(box, nullptr) << "no question was asked";
    if (clicked) clicked->start();
    if (box)
      box->button(button)->click();
    else if (modal)
      modal->close();
  });
}

std::unique_ptr<MainWindow> trainingWindow() {
  Preset endless = seedPreset();
  endless.stopAt = 0;  // on past the article's 1500 iterations, as long as the test needs
  auto window = std::make_unique<MainWindow>(endless);
  window->show();
  QSlider* speed = window->controls()->speedSlider();
  speed->setValue(speed->maximum());
  window->controls()->trainAction()->setChecked(true);
  EXPECT_TRUE(
      QTest::qWaitFor([&] { return window->runner().latestSnapshot()->epoch > 1000; }, kTimeoutMs));
  return window;
}

// Closing at full speed: the unsaved training is offered for saving; discarded, the window is
// gone and the training thread joined within 200 ms.
TEST(MainWindowLifetime, ClosingMidTrainingAsksAndThenExitsWithin200Ms) {
  auto window = trainingWindow();
  EXPECT_TRUE(window->isWindowModified());
  QElapsedTimer clicked;
  answerNextQuestion(QMessageBox::Discard, &clicked);
  EXPECT_TRUE(window->close());
  window.reset();  // joins the training thread
  EXPECT_LT(clicked.elapsed(), 200);
}

TEST(MainWindowLifetime, CancelKeepsTheWindowAndItsTraining) {
  auto window = trainingWindow();
  answerNextQuestion(QMessageBox::Cancel, nullptr);
  EXPECT_FALSE(window->close());
  EXPECT_TRUE(window->isVisible());
  const long long epoch = window->runner().latestSnapshot()->epoch;
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return window->runner().latestSnapshot()->epoch > epoch + 1000; }, kTimeoutMs));
  window->session()->setInteractive(false);  // and now away, without asking
  EXPECT_TRUE(window->close());
}

}  // namespace
}  // namespace nnlab
