// The seed preset is the article's experiment: the window trains exactly its 1500 iterations and
// stops, with the same weights as nnlab-cli train (and the article's numpy code), the 1500 in
// the stop field and marked on the loss chart. --stop-at changes the stop from the command line.
#include <gtest/gtest.h>

#include <QAction>
#include <QLineSeries>
#include <QSpinBox>
#include <QTest>
#include <memory>

#include "core/presets.h"
#include "core/trainer.h"
#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/chart/stop_panel.h"
#include "ui/window/control_bar.h"
#include "ui/window/launch_options.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 20000;

/// A window on `preset`, once it shows a snapshot that has taken every command its set-up sent.
std::unique_ptr<MainWindow> openSettled(const Preset& preset) {
  auto window = std::make_unique<MainWindow>(preset);
  window->session()->setInteractive(false);
  window->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
  const std::uint64_t sent = window->runner().postedCommands();
  EXPECT_TRUE(QTest::qWaitFor(
      [&] {
        const auto shown = window->shownSnapshot();
        return shown && shown->commandsApplied >= sent;
      },
      kTimeoutMs));
  return window;
}

std::unique_ptr<MainWindow> openSeed() { return openSettled(seedPreset()); }

/// The points of the chart's series named `name`.
QList<QPointF> seriesPoints(LossChart& chart, const QString& name) {
  for (QAbstractSeries* series : chart.chart()->series())
    if (series->name() == name) return static_cast<QLineSeries*>(series)->points();
  ADD_FAILURE() << "no series " << name.toStdString();
  return {};
}

TEST(SeedExperiment, TheWindowTrainsTheArticlesFifteenHundredIterationsAndStops) {
  auto window = openSeed();
  EXPECT_EQ(window->stopPanel()->maxEpochsBox()->value(), 1500);
  window->controls()->trainAction()->trigger();
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto shown = window->shownSnapshot();
        return shown && shown->state == RunState::Paused && shown->reason == PauseReason::MaxEpochs;
      },
      kTimeoutMs));
  const auto shown = window->shownSnapshot();
  EXPECT_EQ(shown->epoch, 1500);
  EXPECT_FALSE(window->controls()->trainAction()->isChecked());

  // What nnlab-cli train --preset seed computes, bit for bit.
  const Preset seed = seedPreset();
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  trainer.step(1500);
  for (int l = 0; l < trainer.network().layerCount(); ++l)
    EXPECT_EQ(shown->network.layer(l).weights, trainer.network().layer(l).weights) << "layer " << l;

  // The chart ends at the stop, marked by a vertical line at 1500.
  const QList<QPointF> stop = seriesPoints(*window->lossChart(), QStringLiteral("stop"));
  ASSERT_EQ(stop.size(), 2);
  EXPECT_DOUBLE_EQ(stop[0].x(), stop[1].x());
  EXPECT_LT(stop[0].y(), stop[1].y());
}

TEST(SeedExperiment, TheStopMarkIsOnTheChartBeforeTrainingAndGoneWithNoStop) {
  auto window = openSeed();
  EXPECT_EQ(seriesPoints(*window->lossChart(), QStringLiteral("stop")).size(), 2);
  window->runner().setMaxEpochs(0);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return seriesPoints(*window->lossChart(), QStringLiteral("stop")).isEmpty(); },
      kTimeoutMs));
  EXPECT_EQ(window->stopPanel()->maxEpochsBox()->value(),
            window->stopPanel()->maxEpochsBox()->minimum());  // shown as "never"
}

TEST(SeedExperiment, OtherPresetsTrainOnWithoutAStop) {
  auto window = openSettled(*findPreset("spiral"));
  EXPECT_EQ(window->shownSnapshot()->stopConditions.maxEpochs, 0);
}

LaunchOptions parse(const QStringList& rest) {
  return LaunchOptions::parse(QStringList{QStringLiteral("nnlab")} + rest);
}

TEST(StopAtOption, SetsTheStopForAPresetOrNeverAndRefusesTheRest) {
  QString error;
  EXPECT_EQ(parse({}).experiment(&error)->stopAt, 1500);
  EXPECT_EQ(parse({QStringLiteral("--stop-at"), QStringLiteral("300")}).experiment(&error)->stopAt,
            300);
  EXPECT_EQ(
      parse({QStringLiteral("--stop-at"), QStringLiteral("never")}).experiment(&error)->stopAt, 0);
  EXPECT_EQ(parse({QStringLiteral("--preset"), QStringLiteral("spiral"),
                   QStringLiteral("--stop-at"), QStringLiteral("20")})
                .experiment(&error)
                ->stopAt,
            20);
  for (const char* bad : {"0", "-5", "x", "1.5", ""}) {
    const LaunchOptions options = parse({QStringLiteral("--stop-at"), QString::fromLatin1(bad)});
    EXPECT_TRUE(options.error.contains(QStringLiteral("--stop-at"))) << bad;
  }
}

}  // namespace
}  // namespace nnlab
