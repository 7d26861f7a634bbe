// The loss chart's event markers: one per event of the run in the epochs shown, each naming what
// happened when the mouse is over it.
#include <gtest/gtest.h>

#include <QLabel>
#include <QTest>

#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"

namespace nnlab {
namespace {

TrainingSnapshot runWithEvents() {
  TrainingSnapshot snapshot;
  for (int i = 0; i <= 1000; ++i) {
    const double loss = 1.0 / (1.0 + 0.01 * i);
    snapshot.history.push_back({i, loss, loss, loss});
  }
  snapshot.epoch = 1000;
  snapshot.events = {{300, RunEventKind::LearningRate, 1.0, 0.5},
                     {600, RunEventKind::Data},
                     {800, RunEventKind::Diverged, 812.0, 5.0}};
  return snapshot;
}

QString hoverText(const LossChart& chart) {
  for (const QLabel* label : chart.findChildren<QLabel*>())
    if (label->isVisible()) return label->text();
  return {};
}

class LossChartEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    chart.resize(500, 320);
    chart.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
    chart.showSnapshot(runWithEvents());
  }

  LossChart chart;
};

TEST_F(LossChartEvents, EachEventIsAMarkerThatSaysWhatHappenedWhenHovered) {
  EXPECT_EQ(chart.visibleEvents().size(), 3u);
  QTest::mouseMove(chart.viewport(), chart.positionOfEpoch(300));
  ASSERT_TRUE(QTest::qWaitFor([&] { return !hoverText(chart).isEmpty(); }));
  EXPECT_TRUE(hoverText(chart).contains(QStringLiteral("epoch 300: learning rate 1 → 0.5")))
      << hoverText(chart).toStdString();
  QTest::mouseMove(chart.viewport(), chart.positionOfEpoch(800));
  EXPECT_TRUE(hoverText(chart).contains(QStringLiteral("the loss diverged at epoch 812")))
      << hoverText(chart).toStdString();
  QTest::mouseMove(chart.viewport(), chart.positionOfEpoch(450));
  EXPECT_FALSE(hoverText(chart).contains(QStringLiteral("learning rate")))
      << "between markers the label names none";
}

TEST_F(LossChartEvents, OnlyTheMarkersInTheEpochsShownAreDrawn) {
  // A band dragged with the right button over epochs 500 … 1000.
  const QPoint from = chart.positionOfEpoch(500);
  const QPoint to = chart.positionOfEpoch(1000) - QPoint(1, 0);
  QTest::mousePress(chart.viewport(), Qt::RightButton, Qt::NoModifier, from);
  QTest::mouseMove(chart.viewport(), to);
  QTest::mouseRelease(chart.viewport(), Qt::RightButton, Qt::NoModifier, to);
  ASSERT_TRUE(chart.zoomed());
  ASSERT_EQ(chart.visibleEvents().size(), 2u);
  EXPECT_EQ(chart.visibleEvents()[0].epoch, 600);
  chart.setLogX(true);
  chart.resetZoom();
  EXPECT_EQ(chart.visibleEvents().size(), 3u) << "log x shows them all";
}

TEST(LossChartEventText, EveryKindSaysWhatHappened) {
  EXPECT_EQ(LossChart::eventText({5, RunEventKind::Settings}),
            QStringLiteral("epoch 5: the training settings changed"));
  EXPECT_EQ(LossChart::eventText({5, RunEventKind::Data}),
            QStringLiteral("epoch 5: the data changed"));
  EXPECT_EQ(LossChart::eventText({7, RunEventKind::RestoredBest, 0.25}),
            QStringLiteral("epoch 7: the best weights came back (test loss 0.25)"));
}

}  // namespace
}  // namespace nnlab
