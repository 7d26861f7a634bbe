#include "ui/network/round_image.h"

#include <QPainter>
#include <map>
#include <utility>

namespace nnlab {

namespace {

/// The disc's coverage, as the alpha of a white disc on transparent (one per size in use).
const QImage& discOf(int side) {
  static std::map<int, QImage> discs;  // a zoom passes through many sizes: keep a few
  if (auto found = discs.find(side); found != discs.end()) return found->second;
  if (discs.size() >= 8) discs.clear();
  QImage disc(side, side, QImage::Format_ARGB32_Premultiplied);
  disc.fill(Qt::transparent);
  QPainter painter(&disc);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  painter.setBrush(Qt::white);
  painter.drawEllipse(QRectF(0, 0, side, side));
  painter.end();
  return discs.emplace(side, std::move(disc)).first->second;
}

}  // namespace

QImage roundImage(const QImage& source, int side) {
  if (source.isNull() || side <= 0) return {};
  QImage round = source.scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                     .convertToFormat(QImage::Format_ARGB32_Premultiplied);
  const QImage& disc = discOf(side);
  for (int y = 0; y < side; ++y) {
    auto* pixel = reinterpret_cast<QRgb*>(round.scanLine(y));
    const auto* cover = reinterpret_cast<const QRgb*>(disc.constScanLine(y));
    for (int x = 0; x < side; ++x) {
      const uint a = qAlpha(cover[x]);
      const QRgb p = pixel[x];
      // Premultiplied: every channel scales with the coverage (rounded, 255 keeps it).
      const auto scale = [a](uint c) { return (c * a + 127) / 255; };
      pixel[x] = qRgba(scale(qRed(p)), scale(qGreen(p)), scale(qBlue(p)), scale(qAlpha(p)));
    }
  }
  return round;
}

}  // namespace nnlab
