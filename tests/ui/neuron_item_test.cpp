#include "ui/network/neuron_item.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

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

}  // namespace
}  // namespace nnlab
