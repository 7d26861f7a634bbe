#include "ui/output/decision_map_view.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>
#include <memory>

#include "core/training_runner.h"
#include "ui/output/colour_scale.h"
#include "ui/output/decision_map_panel.h"

namespace nnlab {
namespace {

/// A 2-`hidden`-`outputs` network with Xavier weights from `seed`, over 4 samples of which the
/// last is a test row.
std::shared_ptr<TrainingSnapshot> snapshotOf(int outputs, std::uint64_t seed, int inputs = 2) {
  NetworkSpec spec;
  spec.inputs = inputs;
  spec.layers = {{6, Activation::Tanh},
                 {outputs, outputs == 1 ? Activation::Sigmoid : Activation::Softmax}};
  auto snapshot = std::make_shared<TrainingSnapshot>();
  snapshot->network = Network(spec);
  snapshot->network.initialize(Init::Xavier, seed);
  Matrix x(4, inputs);
  x.setZero();
  x.col(0) << -1, 1, -1, 1;
  x.col(1) << -1, -1, 1, 1;
  Matrix y = Matrix::Zero(4, outputs);
  if (outputs == 1) y << 0, 1, 1, 0;
  for (int row = 0; outputs > 1 && row < 4; ++row) y(row, row % outputs) = 1.0;
  Dataset data = Dataset::fromMatrices(x, y);
  data.testRows = {0, 0, 0, 1};
  snapshot->dataset = std::make_shared<Dataset>(std::move(data));
  return snapshot;
}

class DecisionMapViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_view.resize(300, 300);
    m_view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_view));
  }
  DecisionMapView m_view;
};

TEST_F(DecisionMapViewTest, RecomputesTheMapOnlyWhenTheWeightsChange) {
  auto snapshot = snapshotOf(1, 1);
  m_view.showSnapshot(*snapshot);
  ASSERT_FALSE(m_view.image().isNull());
  const QImage first = m_view.image();
  const int renders = m_view.renderCount();

  auto same = std::make_shared<TrainingSnapshot>(*snapshot);  // a new frame, same weights
  ++same->serial;
  m_view.showSnapshot(*same);
  EXPECT_EQ(m_view.renderCount(), renders);

  auto changed = std::make_shared<TrainingSnapshot>(*snapshot);
  changed->network.layer(1).weights *= -1.0;  // the output flips: orange becomes blue
  m_view.showSnapshot(*changed);
  EXPECT_EQ(m_view.renderCount(), renders + 1);
  EXPECT_NE(m_view.image(), first);
}

TEST_F(DecisionMapViewTest, DiscretizeShowsOnlyTheTwoEndsOfTheScale) {
  m_view.showSnapshot(*snapshotOf(1, 3));
  m_view.setDiscretize(true);
  const QImage& image = m_view.image();
  for (int y = 0; y < image.height(); y += 7) {
    for (int x = 0; x < image.width(); x += 7) {
      const QRgb pixel = image.pixel(x, y);
      EXPECT_TRUE(pixel == negativeColour().rgb() || pixel == positiveColour().rgb())
          << x << ", " << y;
    }
  }
}

TEST_F(DecisionMapViewTest, SoftmaxOutputsShowTheClassColours) {
  m_view.showSnapshot(*snapshotOf(3, 5));
  m_view.setDiscretize(true);
  EXPECT_EQ(m_view.classCount(), 3);
  const QImage& image = m_view.image();
  for (int y = 0; y < image.height(); y += 9) {
    for (int x = 0; x < image.width(); x += 9) {
      const QRgb pixel = image.pixel(x, y);
      EXPECT_TRUE(pixel == DecisionMapRenderer::classColour(0).rgb() ||
                  pixel == DecisionMapRenderer::classColour(1).rgb() ||
                  pixel == DecisionMapRenderer::classColour(2).rgb());
    }
  }
}

TEST_F(DecisionMapViewTest, ClickAsksForASampleOfTheChosenClassThere) {
  m_view.showSnapshot(*snapshotOf(1, 1));
  QSignalSpy spy(&m_view, &DecisionMapView::sampleRequested);
  const QPointF target(0.25, -0.5);
  const QPoint position = m_view.toWidget(target).toPoint();
  m_view.setSelectedClass(1);
  QTest::mouseClick(&m_view, Qt::LeftButton, Qt::NoModifier, position);
  QTest::mouseClick(&m_view, Qt::LeftButton, Qt::ShiftModifier, position);
  ASSERT_EQ(spy.count(), 2);
  const Matrix sample = spy.at(0).at(0).value<Matrix>();
  ASSERT_EQ(sample.cols(), 3);
  EXPECT_NEAR(sample(0, 0), target.x(), 0.02);
  EXPECT_NEAR(sample(0, 1), target.y(), 0.02);
  EXPECT_EQ(sample(0, 2), 1.0);
  EXPECT_EQ(spy.at(1).at(0).value<Matrix>()(0, 2), 0.0);  // Shift: the other class
}

TEST_F(DecisionMapViewTest, CtrlClickAsksToRemoveTheNearestSample) {
  m_view.showSnapshot(*snapshotOf(1, 1));
  QSignalSpy spy(&m_view, &DecisionMapView::removalRequested);
  const QPoint nearSecond = (m_view.toWidget({1.0, -1.0}) + QPointF(-3, 2)).toPoint();
  QTest::mouseClick(&m_view, Qt::LeftButton, Qt::ControlModifier, nearSecond);
  ASSERT_EQ(spy.count(), 1);
  EXPECT_EQ(spy.at(0).at(0).toInt(), 1);
  QTest::mouseClick(&m_view, Qt::LeftButton, Qt::ControlModifier,
                    m_view.toWidget({0.0, 0.0}).toPoint());  // far from every sample
  EXPECT_EQ(spy.count(), 1);
}

// The samples are drawn once and copied in every later frame: the copy must follow new data
// and a new size. Row 1 (a training row, target 1) is looked for at its place.
TEST_F(DecisionMapViewTest, TheSamplesFollowTheDataAndTheSize) {
  auto snapshot = snapshotOf(1, 1);
  m_view.showSnapshot(*snapshot);
  const QColor colour =
      divergingColour(DecisionMapRenderer::signedValue(Activation::Sigmoid, 1.0), 1.0);
  const auto shownAt = [this](const QPointF& input) {
    return m_view.grab().toImage().pixelColor(m_view.toWidget(input).toPoint());
  };
  EXPECT_EQ(shownAt({1.0, -1.0}), colour);

  auto moved = std::make_shared<TrainingSnapshot>(*snapshot);
  Dataset data = *snapshot->dataset;
  data.inputs(1, 0) = 0.5;
  data.inputs(1, 1) = -0.25;
  moved->dataset = std::make_shared<Dataset>(std::move(data));
  ++moved->serial;
  m_view.showSnapshot(*moved);
  EXPECT_EQ(shownAt({0.5, -0.25}), colour);
  EXPECT_NE(shownAt({1.0, -1.0}), colour) << "the row's old place shows the map again";

  m_view.resize(420, 360);
  QCoreApplication::processEvents();
  EXPECT_EQ(shownAt({0.5, -0.25}), colour);
}

TEST(DecisionMapPanelTest, ShowsAHintUnlessTheDataHasTwoInputs) {
  DecisionMapPanel panel;
  panel.showSnapshot(*snapshotOf(1, 1, 3));
  EXPECT_FALSE(panel.mapShown());
  panel.showSnapshot(*snapshotOf(3, 1));
  EXPECT_TRUE(panel.mapShown());
  EXPECT_EQ(panel.classBox()->count(), 3);
}

}  // namespace
}  // namespace nnlab
