#include "ui/chart/loss_chart.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLogValueAxis>
#include <QRegularExpression>
#include <QTest>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/training_runner.h"

namespace nnlab {
namespace {

TrainingSnapshot snapshotWithLosses(const std::vector<double>& losses) {
  TrainingSnapshot snapshot;
  for (size_t i = 0; i < losses.size(); ++i)
    snapshot.history.push_back({static_cast<long long>(i + 1), losses[i], losses[i], losses[i]});
  snapshot.epoch = static_cast<long long>(losses.size());
  return snapshot;
}

TEST(LossChartTest, OnALogScaleALossOfZeroStaysOnTheCurve) {
  LossChart chart;
  chart.resize(400, 300);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  chart.setLogScale(true);
  chart.showSnapshot(snapshotWithLosses({0.5, 0.1, 0.01, 0.0, 0.0}));
  EXPECT_EQ(chart.pointCount(), 5);
  chart.setLogScale(false);
  EXPECT_EQ(chart.pointCount(), 5);
}

TEST(LossChartTest, LinearTicksFallOnRoundNumbersSoLabelsStayShort) {
  LossChart chart;
  chart.resize(300, 220);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  for (double high : {0.8, 1.7, 37000.0}) {
    chart.showSnapshot(snapshotWithLosses({high, high / 2}));
    auto* axis = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Vertical).front());
    ASSERT_NE(axis, nullptr);
    for (int i = 0; i < axis->tickCount(); ++i) {
      const double tick = axis->min() + (axis->max() - axis->min()) * i / (axis->tickCount() - 1);
      // At most two significant digits: "1.5e+04", never "3.75e+04".
      EXPECT_DOUBLE_EQ(tick, QString::number(tick, 'g', 2).toDouble()) << high << " " << tick;
    }
  }
}

/// Every text the chart's scene draws: axis labels, titles, legend.
QStringList sceneTexts(const LossChart& chart) {
  QStringList texts;
  for (QGraphicsItem* item : chart.scene()->items()) {
    if (!item->isVisible()) continue;
    if (auto* text = dynamic_cast<QGraphicsTextItem*>(item)) texts << text->toPlainText();
    if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item)) texts << text->text();
  }
  return texts;
}

/// The y labels of a log axis: "1e-300", "1e+00", …
QStringList logLabels(const LossChart& chart) {
  static const QRegularExpression power(QStringLiteral("^1e[+-]\\d+$"));
  return sceneTexts(chart).filter(power);
}

// After a divergence the loss may span 1e-300 … 1e300, with infinities and NaNs among it: one
// grid line per decade would be six hundred, and their labels collapse to "…".
TEST(LossChartTest, ALogScaleAfterADivergenceHasAFewDecadeLabels) {
  LossChart chart;
  chart.resize(420, 320);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  chart.setLogScale(true);
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  chart.showSnapshot(snapshotWithLosses({1e-300, 1e-100, 0.5, 1e100, 1e300, inf, nan, 3.0}));
  QApplication::processEvents();
  EXPECT_EQ(chart.pointCount(), 6);
  EXPECT_EQ(chart.nonNumberCount(), 2);  // marked along the top instead
  auto* axis = qobject_cast<QLogValueAxis*>(chart.chart()->axes(Qt::Vertical).front());
  ASSERT_NE(axis, nullptr);
  EXPECT_LE(axis->min(), 1e-300);
  EXPECT_GE(axis->max(), 1e300);
  const QStringList labels = logLabels(chart);
  EXPECT_GE(labels.size(), 2) << sceneTexts(chart).join(QLatin1Char(' ')).toStdString();
  EXPECT_LE(labels.size(), 8) << labels.join(QLatin1Char(' ')).toStdString();
  for (const QString& text : sceneTexts(chart))
    EXPECT_FALSE(text.contains(QChar(0x2026))) << "cut label: " << text.toStdString();
  EXPECT_TRUE(sceneTexts(chart).contains(QStringLiteral("not a number")));  // in the legend

  // A short chart gets fewer labels; a plain run still gets one per decade.
  chart.resize(420, 190);
  QTest::qWait(50);
  EXPECT_LE(logLabels(chart).size(), 4) << logLabels(chart).join(QLatin1Char(' ')).toStdString();
  chart.resize(420, 320);
  chart.showSnapshot(snapshotWithLosses({0.9, 0.1, 0.02, 0.004}));
  QApplication::processEvents();
  QStringList decades = logLabels(chart);
  decades.sort();
  EXPECT_EQ(decades, (QStringList{QStringLiteral("1e+00"), QStringLiteral("1e-01"),
                                  QStringLiteral("1e-02"), QStringLiteral("1e-03")}))
      << decades.join(QLatin1Char(' ')).toStdString();
  EXPECT_EQ(chart.nonNumberCount(), 0);
}

// A chart given its history before it had its size (a session opened, then the window sized
// by --size) lays its x axis out for the size it gets, without waiting for the next snapshot.
TEST(LossChartTest, XTicksFollowTheSizeWithoutANewSnapshot) {
  QWidget window;  // as in the main window: laid out only once shown
  auto* chart = new LossChart(&window);
  (new QVBoxLayout(&window))->addWidget(chart);
  std::vector<double> losses(40000);
  for (size_t i = 0; i < losses.size(); ++i) losses[i] = 1.0 / static_cast<double>(i + 1);
  chart->showSnapshot(snapshotWithLosses(losses));  // not shown yet: no plot area to speak of
  window.resize(900, 500);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  auto* axis = qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Horizontal).front());
  ASSERT_NE(axis, nullptr);
  EXPECT_TRUE(QTest::qWaitFor([&] { return axis->tickCount() > 2; }, 2000))
      << "only " << axis->tickCount() << " ticks";
}

// Colour-vision deficiencies, simulated on linear RGB with the matrices of Machado, Oliveira
// and Fernandes (2009) at full severity. The same check on a screenshot:
//   convert shot.png -color-matrix "0.367322 0.860646 -0.227968 0.280085 0.672501 0.047413
//   -0.011820 0.042940 0.968881" deutan.png
using Matrix3 = std::array<std::array<double, 3>, 3>;
const Matrix3 kDeuteranopia{{{0.367322, 0.860646, -0.227968},
                             {0.280085, 0.672501, 0.047413},
                             {-0.011820, 0.042940, 0.968881}}};
const Matrix3 kProtanopia{{{0.152286, 1.052583, -0.204868},
                           {0.114503, 0.786281, 0.099216},
                           {-0.003882, -0.048116, 1.051998}}};
const Matrix3 kTritanopia{{{1.255528, -0.076749, -0.178779},
                           {-0.078411, 0.930809, 0.147602},
                           {0.004733, 0.691367, 0.303900}}};

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

/// CIE L*a*b* of a linear-RGB colour (sRGB primaries, D65).
std::array<double, 3> lab(const std::array<double, 3>& rgb) {
  const double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
  const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  const double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
  const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
  return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}

std::array<double, 3> seenAs(const QColor& colour, const Matrix3& deficiency) {
  const std::array<double, 3> rgb{linear(colour.redF()), linear(colour.greenF()),
                                  linear(colour.blueF())};
  std::array<double, 3> seen{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) seen[i] += deficiency[i][j] * rgb[j];
  for (double& c : seen) c = std::clamp(c, 0.0, 1.0);
  return lab(seen);
}

double deltaE(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

TEST(LossChartTest, TrainAndTestLinesStayApartForColourBlindEyes) {
  LossChart chart;
  const QPen train = chart.trainPen();
  const QPen test = chart.testPen();
  for (const Matrix3* deficiency : {&kDeuteranopia, &kProtanopia, &kTritanopia}) {
    EXPECT_GT(deltaE(seenAs(train.color(), *deficiency), seenAs(test.color(), *deficiency)), 20.0)
        << train.color().name().toStdString() << " vs " << test.color().name().toStdString();
  }
  // And apart without colour at all (a grey print, achromatopsia): one line is dashed.
  EXPECT_NE(train.style(), test.style());
  EXPECT_GE(test.widthF(), 1.5);
}

}  // namespace
}  // namespace nnlab

#include <QLogValueAxis>

namespace nnlab {
namespace {

// After a divergence the log axis spans hundreds of decades: it still gets at most ~8 labels at
// whole decades, and infinite and NaN losses are left out, not drawn.
TEST(LossChartTest, ALogAxisOverHundredsOfDecadesKeepsAFewLabels) {
  LossChart chart;
  chart.resize(400, 300);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  chart.setLogScale(true);
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const std::vector<double>& losses : {std::vector<double>{1e-300, 1e-3, 1.0, 1e300, inf, nan},
                                            {0.5, 0.25, 0.01},
                                            {1e-3, 1e5, 1e40}}) {
    chart.showSnapshot(snapshotWithLosses(losses));
    auto* axis = qobject_cast<QLogValueAxis*>(chart.chart()->axes(Qt::Vertical).front());
    ASSERT_NE(axis, nullptr);
    const double decadesPerLabel = std::log10(axis->base());
    const double labels = (std::log10(axis->max()) - std::log10(axis->min())) / decadesPerLabel;
    EXPECT_LE(labels + 1, 9.0) << losses.back();
    EXPECT_GE(labels, 1.0);
    EXPECT_EQ(decadesPerLabel, std::round(decadesPerLabel));  // labels at whole decades
    EXPECT_LE(axis->min(), losses.front());
    EXPECT_GE(axis->max(), losses[2]);
  }
  chart.showSnapshot(snapshotWithLosses({1e-3, 1.0, inf, nan}));
  EXPECT_EQ(chart.pointCount(), 2);  // the finite ones
}

}  // namespace
}  // namespace nnlab

namespace nnlab {
namespace {

// A window made wider (restored, --size, a session opened) lays out the epoch axis for its new
// width at once, not at the next training step.
TEST(LossChartTest, AWiderChartGetsMoreEpochTicksWithoutNewData) {
  LossChart chart;
  chart.resize(160, 220);
  chart.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
  chart.showSnapshot(snapshotWithLosses(std::vector<double>(1000, 0.5)));
  auto* axis = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).front());
  ASSERT_NE(axis, nullptr);
  const int narrow = axis->tickCount();
  chart.resize(900, 400);
  ASSERT_TRUE(QTest::qWaitFor([&] { return axis->tickCount() > narrow; }, 5000))
      << narrow << " ticks before, " << axis->tickCount() << " after";
}

}  // namespace
}  // namespace nnlab
