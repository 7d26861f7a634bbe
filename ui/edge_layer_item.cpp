#include "edge_layer_item.h"

#include <QApplication>
#include <QPainter>
#include <QPen>
#include <QWidget>
#include <algorithm>
#include <cmath>

#include "colour_scale.h"

namespace nnlab {

namespace {

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
  const QPointF ab = b - a;
  const double length2 = QPointF::dotProduct(ab, ab);
  const double t =
      length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
  const QPointF d = p - (a + t * ab);
  return std::hypot(d.x(), d.y());
}

}  // namespace

EdgeLayerItem::EdgeLayerItem(int layer, std::vector<QPointF> from, std::vector<QPointF> to,
                             double maxWidth)
    : m_layer(layer), m_from(std::move(from)), m_to(std::move(to)), m_maxWidth(maxWidth) {
  setZValue(1);
  for (const auto* points : {&m_from, &m_to})
    for (const QPointF& p : *points) m_bounds |= QRectF(p, QSizeF(0.1, 0.1));
  m_bounds.adjust(-2, -2, 2, 2);
  m_weights = Matrix::Zero(static_cast<Eigen::Index>(m_from.size()),
                           static_cast<Eigen::Index>(m_to.size()));
}

QRectF EdgeLayerItem::boundingRect() const { return m_bounds; }

void EdgeLayerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget* widget) {
  if (m_weights.rows() != static_cast<Eigen::Index>(m_from.size()) ||
      m_weights.cols() != static_cast<Eigen::Index>(m_to.size()))
    return;
  for (auto& bin : m_bins) bin.clear();
  for (Eigen::Index i = 0; i < m_weights.rows(); ++i) {
    for (Eigen::Index j = 0; j < m_weights.cols(); ++j) {
      const double t = std::clamp(std::abs(m_weights(i, j)) / m_range, 0.0, 1.0);
      const int level = std::isfinite(t) ? static_cast<int>(std::lround(t * kBins)) : kBins;
      const int bin = kBins + (m_weights(i, j) < 0 ? -level : level);
      m_bins[bin].emplace_back(m_from[i], m_to[j]);
    }
  }
  // Weak edges first so the strong ones are drawn on top of them.
  const bool dense = m_weights.size() > 256;
  painter->setRenderHint(QPainter::Antialiasing, m_weights.size() < 4000);
  for (int level = 0; level <= kBins; ++level) {
    for (int sign : {-1, 1}) {
      if (level == 0 && sign < 0) continue;
      const auto& lines = m_bins[kBins + sign * level];
      if (lines.empty()) continue;
      const double t = static_cast<double>(level) / kBins;
      QColor colour = divergingColour(sign * t, 1.0);
      // In a dense layer pair, weak edges fade so the strong ones stand out of the mass.
      if (dense) colour.setAlphaF(0.08 + 0.92 * t);
      QPen pen(colour);
      // Width 0 is the cosmetic one-pixel hairline, which rasterises far faster than width 1.
      pen.setWidthF(m_maxWidth <= 1.0 ? 0.0 : 1.0 + t * (m_maxWidth - 1.0));
      pen.setCosmetic(true);
      pen.setCapStyle(Qt::FlatCap);
      painter->setPen(pen);
      painter->drawLines(lines.data(), static_cast<int>(lines.size()));
    }
  }
  if (m_highlighted) {
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    QPen pen(palette.color(QPalette::Highlight), 2.0);
    pen.setCosmetic(true);
    pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->drawLine(m_from[m_highlighted->first], m_to[m_highlighted->second]);
  }
}

void EdgeLayerItem::setWeights(const Matrix& weights, double range) {
  m_weights = weights;
  m_range = range > 0 ? range : 1.0;
  update();
}

std::optional<std::pair<int, int>> EdgeLayerItem::edgeAt(const QPointF& point,
                                                         double tolerance) const {
  std::optional<std::pair<int, int>> best;
  double bestDistance = tolerance;
  for (int i = 0; i < static_cast<int>(m_from.size()); ++i) {
    for (int j = 0; j < static_cast<int>(m_to.size()); ++j) {
      const double distance = distanceToSegment(point, m_from[i], m_to[j]);
      if (distance <= bestDistance) {
        bestDistance = distance;
        best = std::make_pair(i, j);
      }
    }
  }
  return best;
}

void EdgeLayerItem::setHighlightedEdge(std::optional<std::pair<int, int>> edge) {
  if (edge == m_highlighted) return;
  m_highlighted = edge;
  update();
}

}  // namespace nnlab
