// The timeline: dragging the loss chart's cursor or the slider shows an earlier epoch exactly as
// training computed it; Play replays the run; Live returns to the present; Train from here goes
// on from a past epoch, and Undo brings the later run back.
#include "ui/chart/timeline.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QActionGroup>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

#include "core/presets.h"
#include "core/trainer.h"
#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/chart/stop_panel.h"
#include "ui/chart/timeline_bar.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 20000;

class TimelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_window = std::make_unique<MainWindow>(seedPreset());
    m_window->session()->setInteractive(false);
    m_window->resize(1280, 800);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    QSlider* speed = m_window->controls()->speedSlider();
    speed->setValue(speed->maximum());               // unlimited
    m_window->controls()->trainAction()->trigger();  // the article's 1500 iterations
    ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) {
      return s.state == RunState::Paused && s.reason == PauseReason::MaxEpochs;
    }));
    ASSERT_EQ(m_window->shownSnapshot()->epoch, 1500);
  }

  bool shownWhere(const std::function<bool(const TrainingSnapshot&)>& test) {
    return QTest::qWaitFor(
        [&] {
          const auto shown = m_window->shownSnapshot();
          return shown && test(*shown);
        },
        kTimeoutMs);
  }

  /// The seed's weights after `epochs` epochs, as nnlab-cli train computes them.
  static Network trained(long long epochs) {
    const Preset seed = seedPreset();
    Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
    trainer.step(epochs);
    return trainer.network();
  }

  static void expectSame(const Network& actual, const Network& expected) {
    ASSERT_EQ(actual.layerCount(), expected.layerCount());
    for (int l = 0; l < actual.layerCount(); ++l)
      EXPECT_EQ(actual.layer(l).weights, expected.layer(l).weights) << "layer " << l;
  }

  std::unique_ptr<MainWindow> m_window;
};

TEST_F(TimelineTest, DraggingTheChartsCursorShowsThatEpochBitForBit) {
  LossChart* chart = m_window->lossChart();
  const QPoint from = chart->positionOfEpoch(300);
  const QPoint to = chart->positionOfEpoch(700);
  QTest::mousePress(chart->viewport(), Qt::LeftButton, {}, from);
  QTest::mouseMove(chart->viewport(), (from + to) / 2);
  QTest::mouseMove(chart->viewport(), to);
  QTest::mouseRelease(chart->viewport(), Qt::LeftButton, {}, to);
  const std::optional<long long> picked = m_window->timeline()->epoch();
  ASSERT_TRUE(picked);
  EXPECT_NEAR(static_cast<double>(*picked), 700.0, 15.0);
  ASSERT_TRUE(shownWhere([&](const TrainingSnapshot& s) { return s.epoch == *picked; }));
  expectSame(m_window->shownSnapshot()->network, trained(*picked));
  EXPECT_EQ(chart->cursorEpoch(), picked);
  EXPECT_TRUE(m_window->timelineBar()->epochLabel()->text().startsWith(QString::number(*picked)));
  EXPECT_EQ(m_window->runner().latestSnapshot()->epoch, 1500) << "looking back trains nothing";
}

TEST_F(TimelineTest, TheSliderGoesToTheStartWithHomeAndLiveReturns) {
  TimelineBar* bar = m_window->timelineBar();
  bar->slider()->setFocus();
  QTest::keyClick(bar->slider(), Qt::Key_Home);
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 0; }));
  expectSame(m_window->shownSnapshot()->network, seedPreset().makeNetwork());
  QTest::keyClick(bar->slider(), Qt::Key_PageUp);
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch > 0; }));
  ASSERT_TRUE(bar->liveButton()->isEnabled());
  QTest::mouseClick(bar->liveButton(), Qt::LeftButton);
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 1500; }));
  EXPECT_TRUE(m_window->timeline()->isLive());
  EXPECT_FALSE(m_window->lossChart()->cursorEpoch());
  EXPECT_FALSE(bar->liveButton()->isEnabled());
}

TEST_F(TimelineTest, PlayReplaysTheRunToItsEnd) {
  TimelineBar* bar = m_window->timelineBar();
  bar->speeds()->actions()[bar->speeds()->actions().size() - 2]->trigger();  // 100 000/s
  QTest::mouseClick(bar->playButton(), Qt::LeftButton);
  EXPECT_TRUE(m_window->timeline()->isPlaying());
  long long seen = -1;
  bool ordered = true;
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto shown = m_window->shownSnapshot();
        if (shown == m_window->timeline()->past()) {  // a replayed epoch, not the present
          if (shown->epoch < seen) ordered = false;
          seen = shown->epoch;
        }
        return !m_window->timeline()->isPlaying();
      },
      kTimeoutMs));
  EXPECT_TRUE(ordered) << "Play moves forwards";
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 1500; }));
  EXPECT_FALSE(bar->playButton()->isChecked());
}

TEST_F(TimelineTest, TrainFromHereGoesOnFromThePastAndUndoBringsTheLaterRunBack) {
  QSpinBox* stop = m_window->stopPanel()->maxEpochsBox();
  stop->selectAll();
  QTest::keyClicks(stop, QStringLiteral("1000"));
  QTest::keyClick(stop, Qt::Key_Return);
  m_window->timeline()->showEpoch(400);
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 400; }));
  QPushButton* trainFromHere = m_window->timelineBar()->trainFromHereButton();
  ASSERT_TRUE(trainFromHere->isEnabled());
  QTest::mouseClick(trainFromHere, Qt::LeftButton);
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) {
    return s.epoch == 1000 && s.state == RunState::Paused && s.reason == PauseReason::MaxEpochs;
  }));
  expectSame(m_window->shownSnapshot()->network, trained(1000));
  EXPECT_TRUE(m_window->timeline()->isLive());

  QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_Z));
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 1500; }));
  expectSame(m_window->shownSnapshot()->network, trained(1500));
  m_window->timeline()->showEpoch(1234);  // the later run's timeline came back with it
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 1234; }));
  expectSame(m_window->shownSnapshot()->network, trained(1234));
}

TEST_F(TimelineTest, TrainingAgainReturnsToThePresent) {
  m_window->timeline()->showEpoch(200);
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 200; }));
  QSpinBox* stop = m_window->stopPanel()->maxEpochsBox();
  stop->selectAll();
  QTest::keyClicks(stop, QStringLiteral("1600"));
  QTest::keyClick(stop, Qt::Key_Return);
  m_window->controls()->trainAction()->trigger();
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 1600; }));
  EXPECT_TRUE(m_window->timeline()->isLive());
}

// A saved session keeps the run's timeline: reopened, the old run can be scrubbed, bit for bit.
TEST_F(TimelineTest, AReopenedSessionCanBeScrubbed) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("seed.nnlab"));
  QString error;
  ASSERT_TRUE(m_window->session()->save(path, &error)) << error.toStdString();
  MainWindow other(*findPreset("circle"));
  other.session()->setInteractive(false);
  other.show();
  ASSERT_TRUE(other.session()->open(path, &error)) << error.toStdString();
  ASSERT_TRUE(QTest::qWaitFor([&] { return other.shownSnapshot()->epoch == 1500; }, kTimeoutMs));
  other.timeline()->showEpoch(700);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return other.shownSnapshot()->epoch == 700 && !other.timeline()->isLive(); },
      kTimeoutMs));
  expectSame(other.shownSnapshot()->network, trained(700));
}

// A new learning rate starts a new timeline: the earlier epoch shown belonged to the old one,
// so the window returns to the present.
TEST_F(TimelineTest, ChangingTheRunWhileLookingBackReturnsToThePresent) {
  m_window->timeline()->showEpoch(300);
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 300; }));
  QLineEdit* rate = m_window->controls()->learningRateBox();
  rate->selectAll();
  QTest::keyClicks(rate, QStringLiteral("0.5"));
  QTest::keyClick(rate, Qt::Key_Return);
  ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->timeline()->isLive(); }, kTimeoutMs));
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) {
    return s.epoch == 1500 && s.settings.optimizer.learningRate == 0.5;
  }));
  // The change is an event of the run: marked on the chart, and the epochs before it are still
  // on the timeline, shown with the rate they were trained with.
  const std::vector<RunEvent> marked = m_window->lossChart()->visibleEvents();
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_EQ(marked[0], (RunEvent{1500, RunEventKind::LearningRate, 1.0, 0.5}));
  m_window->timeline()->showEpoch(300);
  ASSERT_TRUE(shownWhere([](const TrainingSnapshot& s) { return s.epoch == 300; }));
  expectSame(m_window->shownSnapshot()->network, trained(300));
  EXPECT_EQ(m_window->shownSnapshot()->settings.optimizer.learningRate, 1.0);
  // The controls steer what comes next: they keep the present rate while epoch 300 is shown.
  EXPECT_EQ(rate->text(), QStringLiteral("0.5"));
}

}  // namespace
}  // namespace nnlab
