#include "ui/network/neuron_item.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTransform>
#include <optional>

#include "ui/output/colour_scale.h"

namespace nnlab {
namespace {

/// The leftmost and rightmost columns holding ink in the rows below the circle.
std::pair<int, int> inkBelow(const QImage& image, int fromRow) {
  int left = image.width(), right = -1;
  for (int y = fromRow; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      if (qGray(image.pixel(x, y)) < 128) {
        left = std::min(left, x);
        right = std::max(right, x);
      }
    }
  }
  return {left, right};
}

// The M-P neuron's threshold under its circle: "T = 0.25" in full, never cut to "Γ = 0.2".
TEST(NeuronItemTest, AThresholdCaptionIsDrawnInFullAndInsideTheItem) {
  constexpr double kRadius = 40.0;  // a big circle: a big font, wider than the old fixed box
  NeuronItem item(1, 0, kRadius, QStringLiteral("ŷ"), NeuronItem::LabelSide::None);
  const QString caption = QStringLiteral("T = 0.25");
  item.setCaption(caption);
  QFont font = QApplication::font();
  font.setPixelSize(static_cast<int>(kRadius * 0.8));
  const double width = QFontMetricsF(font).horizontalAdvance(caption);
  ASSERT_GT(width, 80.0) << "the case to test: a caption wider than 70 scene units";
  const QRectF bounds = item.boundingRect();
  EXPECT_LE(bounds.left(), -width / 2);
  EXPECT_GE(bounds.right(), width / 2);

  QImage image(400, 300, QImage::Format_RGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.translate(200, 100);
  QStyleOptionGraphicsItem option;
  item.paint(&painter, &option, nullptr);
  painter.end();
  const auto [left, right] = inkBelow(image, 100 + static_cast<int>(kRadius) + 1);
  EXPECT_LT(left, 200 - width / 2 + 6) << "the caption starts where its text starts";
  EXPECT_GT(right, 200 + width / 2 - 6) << "and ends where its text ends";
}

/// The item painted into a white picture through `transform`.
QImage painted(NeuronItem& item, const QTransform& transform, QSize size = {200, 200}) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setTransform(transform);
  QStyleOptionGraphicsItem option;
  item.paint(&painter, &option, nullptr);
  return image;
}

// The map inside the circle is copied as a ready-made disc when the view only zooms, and
// clipped as before when it turns: both show the map inside and the rim's colour outside.
TEST(NeuronItemTest, TheMapFillsTheInnerDiscAtAnyZoom) {
  constexpr double kRadius = 20.0;
  NeuronItem item(1, 0, kRadius, QString(), NeuronItem::LabelSide::None);
  item.setShowText(false);
  item.setValues(0.0, 1.0, std::nullopt, 1.0);  // the rim: the scale's near-white zero
  QImage map(4, 4, QImage::Format_RGB32);
  const QColor green(20, 160, 60);
  map.fill(green);
  item.setThumbnail(map, std::nullopt);
  const QColor rim = divergingColour(0.0, 1.0);
  for (const double zoom : {1.0, 2.0, 3.5}) {
    SCOPED_TRACE(zoom);
    const QImage image = painted(item, QTransform::fromTranslate(100, 100).scale(zoom, zoom));
    EXPECT_EQ(image.pixelColor(100, 100), green);
    EXPECT_EQ(image.pixelColor(100, static_cast<int>(100 + 0.7 * kRadius * zoom)), green);
    // Between the map (0.8 r) and the circle's edge, on the diagonal at 0.9 r: the rim, not
    // the corner of the map's square.
    const int corner = static_cast<int>(100 + 0.64 * kRadius * zoom);
    EXPECT_EQ(image.pixelColor(corner, corner), rim);
  }
  QTransform turned = QTransform::fromTranslate(100, 100);
  turned.rotate(30).scale(2.0, 2.0);
  const QImage image = painted(item, turned);
  EXPECT_EQ(image.pixelColor(100, 100), green);
  EXPECT_EQ(image.pixelColor(125, 125), rim);
}

// The disc is made again for a new map of the same size: the next frame shows the new map.
TEST(NeuronItemTest, ANewMapOfTheSameSizeIsShownAtOnce) {
  NeuronItem item(1, 0, 20.0, QString(), NeuronItem::LabelSide::None);
  item.setShowText(false);
  QImage map(4, 4, QImage::Format_RGB32);
  map.fill(QColor(20, 160, 60));
  item.setThumbnail(map, std::nullopt);
  const QTransform zoom = QTransform::fromTranslate(100, 100).scale(2.0, 2.0);
  EXPECT_EQ(painted(item, zoom).pixelColor(100, 100), QColor(20, 160, 60));
  map.fill(QColor(200, 40, 90));
  item.setThumbnail(map, std::nullopt);
  EXPECT_EQ(painted(item, zoom).pixelColor(100, 100), QColor(200, 40, 90));
}

}  // namespace
}  // namespace nnlab
