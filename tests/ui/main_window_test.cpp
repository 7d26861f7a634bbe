#include "main_window.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <memory>

#include "architecture_panel.h"
#include "control_bar.h"
#include "network_view.h"
#include "neuron_inspector.h"
#include "training_runner.h"
#include "weight_editor.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

class MainWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_window = std::make_unique<MainWindow>(seedPreset());
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
  }

  std::shared_ptr<const TrainingSnapshot> latest() { return m_window->runner().latestSnapshot(); }
  /// Waits until the window shows a snapshot satisfying `condition`.
  template <typename Condition>
  bool waitShown(Condition condition) {
    return QTest::qWaitFor(
        [&] {
          const auto shown = m_window->shownSnapshot();
          return shown && condition(*shown);
        },
        kTimeoutMs);
  }

  std::unique_ptr<MainWindow> m_window;
};

TEST_F(MainWindowTest, OpensOnTheSeedExperimentPausedAtEpochZero) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  const auto shown = m_window->shownSnapshot();
  EXPECT_EQ(shown->epoch, 0);
  EXPECT_NE(shown->state, RunState::Running);
  EXPECT_EQ(shown->network.spec().shapeText(), "3-4-1");
  EXPECT_FALSE(shown->network.spec().bias);
  EXPECT_EQ(m_window->networkView()->neuronCount(), 8);
  EXPECT_DOUBLE_EQ(m_window->controls()->learningRateBox()->value(), 1.0);
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

TEST_F(MainWindowTest, LearningRateSliderAppliesWithoutReset) {
  m_window->controls()->stepCount()->setValue(30);
  QTest::mouseClick(m_window->controls()->stepButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.epoch == 30 && s.state == RunState::Paused; }));
  const Network before = latest()->network;
  QSlider* slider = m_window->controls()->learningRateSlider();
  slider->setFocus();
  QTest::keyClick(slider, Qt::Key_PageDown);  // one page left: a smaller rate
  const double rate = m_window->controls()->learningRateBox()->value();
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

TEST_F(MainWindowTest, AddingAHiddenLayerRebuildsTheGraph) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  const int rebuilds = m_window->networkView()->rebuildCount();
  QPushButton* add = nullptr;
  for (QPushButton* button : m_window->architecture()->findChildren<QPushButton*>())
    if (button->text() == QStringLiteral("+ layer")) add = button;
  ASSERT_NE(add, nullptr);
  QTest::mouseClick(add, Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.network.layerCount() == 3; }));
  EXPECT_EQ(m_window->networkView()->neuronCount(), 3 + 4 + 4 + 1);
  EXPECT_GT(m_window->networkView()->rebuildCount(), rebuilds);
  EXPECT_EQ(m_window->architecture()->hiddenLayerCount(), 2);
}

TEST_F(MainWindowTest, ClickingANeuronShowsItsComputation) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  NetworkView* view = m_window->networkView();
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->neuronViewPosition(1, 0));
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return m_window->inspector()->text().contains(QStringLiteral("σ(z)")); }, kTimeoutMs));
  EXPECT_TRUE(m_window->inspector()->text().contains(QStringLiteral("h1")));
}

TEST_F(MainWindowTest, EditingAWeightRefusesTextAndAppliesNumbers) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  m_window->editWeight(0, 1, 2, m_window->mapToGlobal(QPoint(100, 100)));
  auto* editor = qobject_cast<WeightEditor*>(QApplication::activePopupWidget());
  ASSERT_NE(editor, nullptr);
  editor->lineEdit()->setText(QStringLiteral("abc"));
  QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
  EXPECT_TRUE(editor->isVisible());
  editor->lineEdit()->setText(QStringLiteral("0.625"));
  QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
  ASSERT_TRUE(QTest::qWaitFor([&] { return latest()->network.layer(0).weights(1, 2) == 0.625; },
                              kTimeoutMs));
}

TEST(MainWindowLifetime, ClosingMidTrainingExitsCleanly) {
  auto window = std::make_unique<MainWindow>(seedPreset());
  window->show();
  QSlider* speed = window->controls()->speedSlider();
  speed->setValue(speed->maximum());
  window->controls()->trainAction()->setChecked(true);
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return window->runner().latestSnapshot()->epoch > 1000; }, kTimeoutMs));
  QElapsedTimer clock;
  clock.start();
  EXPECT_TRUE(window->close());
  window.reset();  // joins the training thread
  EXPECT_LT(clock.elapsed(), 2000);
}

}  // namespace
}  // namespace nnlab
