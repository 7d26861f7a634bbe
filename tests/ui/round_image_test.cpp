#include "ui/network/round_image.h"

#include <gtest/gtest.h>

#include <QColor>
#include <QImage>

namespace nnlab {
namespace {

QImage filled(int side, const QColor& colour) {
  QImage image(side, side, QImage::Format_RGB32);
  image.fill(colour);
  return image;
}

TEST(RoundImage, IsTheSourceScaledInsideTheDiscAndTransparentOutside) {
  const QColor blue(30, 100, 200);
  const QImage round = roundImage(filled(20, blue), 61);
  ASSERT_EQ(round.size(), QSize(61, 61));
  EXPECT_EQ(round.pixelColor(30, 30), blue);  // the centre: the map itself
  EXPECT_EQ(round.pixelColor(30, 2), blue);   // just inside the rim at the top
  for (const QPoint corner : {QPoint(0, 0), QPoint(60, 0), QPoint(0, 60), QPoint(60, 60)})
    EXPECT_EQ(qAlpha(round.pixel(corner)), 0) << corner.x() << "," << corner.y();
  // The rim is antialiased: along the diagonal, coverage falls from full to none.
  bool partial = false;
  for (int i = 0; i < 30; ++i) {
    const int alpha = qAlpha(round.pixel(i, i));
    partial = partial || (alpha > 0 && alpha < 255);
  }
  EXPECT_TRUE(partial);
}

TEST(RoundImage, StaysAValidPremultipliedPictureAtTheRim) {
  const QImage round = roundImage(filled(4, QColor(250, 240, 10)), 40);
  ASSERT_EQ(round.format(), QImage::Format_ARGB32_Premultiplied);
  for (int y = 0; y < round.height(); ++y) {
    for (int x = 0; x < round.width(); ++x) {
      const QRgb p = round.pixel(x, y);
      ASSERT_LE(qRed(p), qAlpha(p));
      ASSERT_LE(qGreen(p), qAlpha(p));
      ASSERT_LE(qBlue(p), qAlpha(p));
    }
  }
}

TEST(RoundImage, ScalesTheMapSmoothly) {
  // Left half black, right half white: the middle column of the scaled disc is grey.
  QImage source(2, 1, QImage::Format_RGB32);
  source.setPixel(0, 0, qRgb(0, 0, 0));
  source.setPixel(1, 0, qRgb(255, 255, 255));
  const QImage round = roundImage(source, 41);
  EXPECT_LT(qGray(round.pixel(5, 20)), 60);
  EXPECT_GT(qGray(round.pixel(35, 20)), 195);
  const int middle = qGray(round.pixel(20, 20));
  EXPECT_GT(middle, 60);
  EXPECT_LT(middle, 195);
}

TEST(RoundImage, IsNullForNothingToDraw) {
  EXPECT_TRUE(roundImage(QImage(), 30).isNull());
  EXPECT_TRUE(roundImage(filled(4, Qt::red), 0).isNull());
}

}  // namespace
}  // namespace nnlab
