// The 1-input curve view: the curve it draws is the network's own prediction, it follows each new
// snapshot, and the window shows it (instead of the map) exactly when the data has 1 input.
#include "ui/output/curve_view.h"

#include <gtest/gtest.h>

#include <QTest>
#include <QToolButton>
#include <cmath>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/output/colour_scale.h"
#include "ui/output/decision_map_panel.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

std::shared_ptr<TrainingSnapshot> sineSnapshot(std::uint64_t seed) {
  NetworkSpec spec;
  spec.inputs = 1;
  spec.layers = {{4, Activation::Tanh}, {1, Activation::Linear}};
  auto snapshot = std::make_shared<TrainingSnapshot>();
  snapshot->network = Network(spec);
  snapshot->network.initialize(Init::Xavier, seed);
  Matrix x(9, 1), y(9, 1);
  for (int i = 0; i < 9; ++i) {
    x(i, 0) = -1.0 + 0.25 * i;
    y(i, 0) = std::sin(3.14159 * x(i, 0));
  }
  Dataset data = Dataset::fromMatrices(x, y);
  data.testRows = {0, 0, 0, 0, 1, 0, 0, 0, 0};
  snapshot->dataset = std::make_shared<Dataset>(std::move(data));
  return snapshot;
}

/// True when a pixel within `radius` of `centre` is close to `colour`.
bool colourNear(const QImage& image, QPointF centre, const QColor& colour, int radius = 2) {
  for (int dy = -radius; dy <= radius; ++dy) {
    for (int dx = -radius; dx <= radius; ++dx) {
      const QPoint p = centre.toPoint() + QPoint(dx, dy);
      if (!image.rect().contains(p)) continue;
      const QColor c = image.pixelColor(p);
      if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
              std::abs(c.blue() - colour.blue()) <
          40)
        return true;
    }
  }
  return false;
}

class CurveViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_view.resize(400, 400);
    m_view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_view));
  }
  CurveView m_view;
};

TEST_F(CurveViewTest, TheCurveIsTheNetworksPredictionWhereItIsDrawn) {
  const auto snapshot = sineSnapshot(3);
  m_view.showSnapshot(*snapshot);
  const CurveSamples& samples = m_view.samples();
  ASSERT_GT(samples.inputs.rows(), 50);
  const Matrix expected = snapshot->network.predict(samples.inputs);
  for (int i = 0; i < samples.inputs.rows(); ++i) ASSERT_EQ(samples.output(i, 0), expected(i, 0));
  EXPECT_LE(samples.inputs(0, 0), -1.0);  // the whole input range of the data
  EXPECT_GE(samples.inputs(samples.inputs.rows() - 1, 0), 1.0);

  const QImage image = m_view.grab().toImage();
  for (const double x : {-0.8, -0.3, 0.1, 0.6}) {
    Matrix input(1, 1);
    input(0, 0) = x;
    const double y = snapshot->network.predict(input)(0, 0);
    EXPECT_TRUE(colourNear(image, m_view.toWidget({x, y}), positiveColour())) << "x = " << x;
  }
}

TEST_F(CurveViewTest, ItFollowsANewSnapshot) {
  m_view.showSnapshot(*sineSnapshot(3));
  const Matrix before = m_view.samples().output;
  auto next = sineSnapshot(3);
  next->network.layer(1).weights *= -1.0;  // a later epoch, as the timeline would show it
  m_view.showSnapshot(*next);
  const Matrix expected = next->network.predict(m_view.samples().inputs);
  EXPECT_EQ(m_view.samples().output, expected);
  EXPECT_NE(m_view.samples().output, before);
  const QImage image = m_view.grab().toImage();
  const int middle = static_cast<int>(m_view.samples().inputs.rows() / 3);
  const QPointF drawn =
      m_view.toWidget({m_view.samples().inputs(middle, 0), m_view.samples().output(middle, 0)});
  EXPECT_TRUE(colourNear(image, drawn, positiveColour()));
}

TEST_F(CurveViewTest, EachHiddenNeuronHasASmallCurveOfItsOutputOrItsShare) {
  const auto snapshot = sineSnapshot(5);
  m_view.showSnapshot(*snapshot);
  ASSERT_EQ(m_view.unitCount(), 4);
  ASSERT_TRUE(m_view.contributionsAvailable());
  const DenseLayer& hidden = snapshot->network.layer(0);
  const double x = 0.35;
  const double a = std::tanh(x * hidden.weights(0, 0) + hidden.bias(0));
  const double w = snapshot->network.layer(1).weights(0, 0);
  const QColor colour = w >= 0.0 ? positiveColour() : negativeColour();
  EXPECT_TRUE(colourNear(m_view.grab().toImage(), m_view.toUnitWidget(0, x, a), colour));
  m_view.setContributions(true);
  EXPECT_TRUE(colourNear(m_view.grab().toImage(), m_view.toUnitWidget(0, x, a * w), colour));
  EXPECT_FALSE(m_view.unitArea(0).intersects(m_view.unitArea(3)));
  EXPECT_FALSE(m_view.plotArea().intersects(m_view.unitArea(0)));
}

TEST(CurveViewWindowTest, TheWindowShowsTheCurveForSineAndTheMapFor2Inputs) {
  MainWindow window(*findPreset("sine"));
  window.resize(1200, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.shownSnapshot() != nullptr; }));
  DecisionMapPanel* panel = window.decisionMap();
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel->curveShown(); }, kTimeoutMs));
  EXPECT_FALSE(panel->mapShown());
  EXPECT_TRUE(panel->curveView()->isVisible());
  QToolButton* box = panel->contributionsBox();
  ASSERT_TRUE(QTest::qWaitFor([&] { return box->isEnabled(); }, kTimeoutMs));
  QTest::mouseClick(box, Qt::LeftButton, Qt::NoModifier, QPoint(8, box->height() / 2));
  EXPECT_TRUE(panel->curveView()->contributions());
  // Live: the curve is the shown snapshot's network.
  const auto shown = window.shownSnapshot();
  const CurveSamples& samples = panel->curveView()->samples();
  EXPECT_EQ(samples.output, shown->network.predict(shown->scaling.apply(samples.inputs)));

  window.loadPreset(*findPreset("circle"));
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel->mapShown(); }, kTimeoutMs));
  EXPECT_FALSE(panel->curveShown());
  EXPECT_FALSE(panel->curveView()->isVisible());
}

}  // namespace
}  // namespace nnlab
