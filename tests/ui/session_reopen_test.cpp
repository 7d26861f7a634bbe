// What a reopened session still knows: the best weights "Revert to best" goes back to, and that
// the last gradient is not known until training steps again.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/chart/stop_panel.h"
#include "ui/network/network_view.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 15000;

std::unique_ptr<MainWindow> openWindow(const Preset& preset) {
  auto window = std::make_unique<MainWindow>(preset);
  window->session()->setInteractive(false);  // no question may block a test
  window->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
  return window;
}

std::shared_ptr<const TrainingSnapshot> stepAndWait(MainWindow& window, long long epochs) {
  const long long target = window.runner().latestSnapshot()->epoch + epochs;
  window.controls()->stepCount()->setValue(static_cast<int>(epochs));
  QTest::mouseClick(window.controls()->stepButton(), Qt::LeftButton);
  EXPECT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = window.shownSnapshot();
        return s && s->epoch == target && s->state == RunState::Paused;
      },
      kTimeoutMs));
  return window.runner().latestSnapshot();
}

/// `first`'s session saved to `path` and opened in a new window (on another preset).
std::unique_ptr<MainWindow> savedAndReopened(MainWindow& first, const QString& path) {
  QString error;
  EXPECT_TRUE(first.session()->save(path, &error)) << error.toStdString();
  auto second = openWindow(seedPreset());
  EXPECT_TRUE(second->session()->open(path, &error)) << error.toStdString();
  return second;
}

/// What the line under the graph says while the mouse rests on the edge `from` → `to`.
QString edgeInfo(MainWindow& window, int layer, int from, int to) {
  NetworkView* view = window.networkView();
  QTest::mouseMove(view->viewport(), QPoint(2, 2));  // off every edge first: a hover begins
  QSignalSpy info(view, &NetworkView::infoChanged);
  QTest::mouseMove(view->viewport(), view->edgeViewPosition(layer, from, to));
  // An empty answer fails the caller's check, which says what was expected.
  (void)QTest::qWaitFor(
      [&] { return !info.isEmpty() && !info.back().front().toString().isEmpty(); }, 2000);
  return info.isEmpty() ? QString() : info.back().front().toString();
}

TEST(SessionReopen, RevertToBestWorksAfterTheSessionIsSavedAndReopened) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("circle.nnlab"));
  auto first = openWindow(*findPreset("circle"));
  const auto trained = stepAndWait(*first, 400);
  ASSERT_TRUE(trained->bestEpoch.has_value());
  auto second = savedAndReopened(*first, path);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = second->shownSnapshot();
        return s && s->epoch == trained->epoch && s->bestEpoch.has_value();
      },
      kTimeoutMs));
  EXPECT_EQ(*second->shownSnapshot()->bestEpoch, *trained->bestEpoch);
  QPushButton* revert = second->stopPanel()->revertButton();
  ASSERT_TRUE(revert->isEnabled()) << "Revert to best is offered after reopening";
  QTest::mouseClick(revert, Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return second->runner().latestSnapshot()->epoch == *trained->bestEpoch; }, kTimeoutMs));
  EXPECT_TRUE(second->runner().latestSnapshot()->message.starts_with(
      "Restored the weights of epoch " + std::to_string(*trained->bestEpoch)));
}

TEST(SessionReopen, AnEdgeOfAReopenedSessionSaysItsGradientIsNotKnownYet) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("seed.nnlab"));
  auto first = openWindow(seedPreset());
  stepAndWait(*first, 100);
  const QString trainedInfo = edgeInfo(*first, 0, 0, 0);
  EXPECT_TRUE(trainedInfo.contains(QStringLiteral("last gradient ∂L/∂w = ")))
      << trainedInfo.toStdString();
  QString error;
  ASSERT_TRUE(first->session()->save(path, &error)) << error.toStdString();
  first.reset();  // the mouse goes to the window that reopens it

  auto second = openWindow(seedPreset());
  ASSERT_TRUE(second->session()->open(path, &error)) << error.toStdString();
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = second->shownSnapshot();
        return s && s->epoch == 100;
      },
      kTimeoutMs));
  const QString reopened = edgeInfo(*second, 0, 0, 0);
  EXPECT_FALSE(reopened.contains(QStringLiteral("∂L/∂w = 0"))) << reopened.toStdString();
  EXPECT_TRUE(reopened.startsWith(QStringLiteral("w "))) << reopened.toStdString();
  EXPECT_TRUE(reopened.contains(QStringLiteral("not known"))) << reopened.toStdString();
  stepAndWait(*second, 1);
  const QString stepped = edgeInfo(*second, 0, 1, 0);
  EXPECT_TRUE(stepped.contains(QStringLiteral("last gradient ∂L/∂w = "))) << stepped.toStdString();
}

// The test-loss curve is part of the run: a reopened session draws it as it was.
TEST(SessionReopen, TheTestLossCurveComesBackWithTheSession) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("circle.nnlab"));
  auto first = openWindow(*findPreset("circle"));
  for (int i = 0; i < 3; ++i) stepAndWait(*first, 50);
  const int points = first->lossChart()->testPointCount();
  ASSERT_GE(points, 3);
  auto second = savedAndReopened(*first, path);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = second->shownSnapshot();
        return s && s->epoch == 150 && second->lossChart()->testPointCount() > 0;
      },
      kTimeoutMs));
  EXPECT_EQ(second->lossChart()->testPointCount(), points);
}

// The loss chart as the user left it: log x, the smoothing, and the markers of the run's events.
TEST(SessionReopen, TheChartsLogXSmoothingAndMarkersComeBackWithTheSession) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("seed.nnlab"));
  auto first = openWindow(seedPreset());
  stepAndWait(*first, 100);
  QLineEdit* rate = first->controls()->learningRateBox();
  rate->selectAll();
  QTest::keyClicks(rate, QStringLiteral("0.5"));
  QTest::keyClick(rate, Qt::Key_Return);
  stepAndWait(*first, 50);
  auto* logX = first->findChild<QCheckBox*>(QStringLiteral("logX"));
  auto* smoothing = first->findChild<QSlider*>(QStringLiteral("smoothing"));
  ASSERT_TRUE(logX && smoothing);
  QTest::mouseClick(logX, Qt::LeftButton, {}, QPoint(8, logX->height() / 2));
  ASSERT_TRUE(first->lossChart()->logX());
  smoothing->setFocus();
  for (int i = 0; i < 3; ++i) QTest::keyClick(smoothing, Qt::Key_PageUp);
  const int smoothed = smoothing->value();
  ASSERT_GT(smoothed, 0);
  ASSERT_EQ(first->lossChart()->visibleEvents().size(), 1u);
  auto second = savedAndReopened(*first, path);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = second->shownSnapshot();
        return s && s->epoch == 150 && !second->lossChart()->visibleEvents().empty();
      },
      kTimeoutMs));
  EXPECT_TRUE(second->findChild<QCheckBox*>(QStringLiteral("logX"))->isChecked());
  EXPECT_TRUE(second->lossChart()->logX());
  EXPECT_EQ(second->findChild<QSlider*>(QStringLiteral("smoothing"))->value(), smoothed);
  EXPECT_DOUBLE_EQ(second->lossChart()->smoothing(), smoothed / 100.0);
  EXPECT_EQ(second->lossChart()->visibleEvents().front(),
            (RunEvent{100, RunEventKind::LearningRate, 1.0, 0.5}));
}

}  // namespace
}  // namespace nnlab
