#include "ui/network/edge_layer_item.h"

#include <QApplication>
#include <QPainter>
#include <QPen>
#include <QWidget>
#include <algorithm>
#include <cmath>

#include "ui/output/colour_scale.h"

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

QColor mix(const QColor& from, const QColor& to, double t) {
  const auto channel = [t](float a, float b) { return a + (b - a) * static_cast<float>(t); };
  return QColor::fromRgbF(channel(from.redF(), to.redF()), channel(from.greenF(), to.greenF()),
                          channel(from.blueF(), to.blueF()));
}

}  // namespace

EdgeLayerItem::EdgeLayerItem(int layer, std::vector<QPointF> from, std::vector<QPointF> to,
                             double maxWidth, int maxDrawn)
    : m_layer(layer),
      m_from(std::move(from)),
      m_to(std::move(to)),
      m_maxWidth(maxWidth),
      m_maxDrawn(std::max(1, maxDrawn)) {
  setZValue(1);
  m_lines.reserve(m_from.size() * m_to.size());
  for (const QPointF& a : m_from)
    for (const QPointF& b : m_to) m_lines.emplace_back(a, b);
  for (const auto* points : {&m_from, &m_to})
    for (const QPointF& p : *points) m_bounds |= QRectF(p, QSizeF(0.1, 0.1));
  m_bounds.adjust(-2, -2, 2, 2);
  m_weights = Matrix::Zero(static_cast<Eigen::Index>(m_from.size()),
                           static_cast<Eigen::Index>(m_to.size()));
  binEdges();
}

QRectF EdgeLayerItem::boundingRect() const { return m_bounds; }

void EdgeLayerItem::binEdges() {
  for (auto& bin : m_bins) bin.clear();
  if (m_weights.rows() != static_cast<Eigen::Index>(m_from.size()) ||
      m_weights.cols() != static_cast<Eigen::Index>(m_to.size()))
    return;
  // Crowded: draw only the strongest m_maxDrawn edges (|w| ≥ the threshold).
  double threshold = 0.0;
  if (m_weights.size() > m_maxDrawn) {
    m_magnitudes.resize(static_cast<size_t>(m_weights.size()));
    Eigen::Map<Matrix>(m_magnitudes.data(), m_weights.rows(), m_weights.cols()) =
        m_weights.cwiseAbs();
    const auto nth = m_magnitudes.end() - m_maxDrawn;
    std::nth_element(m_magnitudes.begin(), nth, m_magnitudes.end());
    threshold = *nth;
  }
  const Eigen::Index units = m_weights.cols();
  for (Eigen::Index i = 0; i < m_weights.rows(); ++i) {
    for (Eigen::Index j = 0; j < units; ++j) {
      const double w = m_weights(i, j);
      // NaN fails every comparison: draw it (full width), it is news.
      if (std::abs(w) < threshold) continue;
      const double t = std::clamp(std::abs(w) / m_range, 0.0, 1.0);
      const int level = std::isfinite(t) ? static_cast<int>(std::lround(t * kBins)) : kBins;
      m_bins[kBins + (w < 0 ? -level : level)].push_back(m_lines[i * units + j]);
    }
  }
}

int EdgeLayerItem::drawnCount() const {
  int count = 0;
  for (const auto& bin : m_bins) count += static_cast<int>(bin.size());
  return count;
}

void EdgeLayerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget* widget) {
  const bool dense = m_weights.size() > 256;
  const QPalette palette = widget ? widget->palette() : QApplication::palette();
  const QColor background = palette.color(widget ? widget->backgroundRole() : QPalette::Base);
  const bool darkBackground = background.lightnessF() < 0.5;
  // Antialiased hairlines cost several times more to rasterise; a dense pair does not need it.
  painter->setRenderHint(QPainter::Antialiasing, drawnCount() <= 1024);
  // Weak edges first so the strong ones are drawn on top of them.
  for (int level = 0; level <= kBins; ++level) {
    for (int sign : {-1, 1}) {
      if (level == 0 && sign < 0) continue;
      const auto& lines = m_bins[kBins + sign * level];
      if (lines.empty()) continue;
      const double t = static_cast<double>(level) / kBins;
      QColor colour = divergingColour(sign * t, 1.0);
      // In a dense layer pair, weak edges fade into the background so the strong ones stand
      // out of the mass. Faded by mixing, not by alpha: translucent lines rasterise 5–15×
      // slower (measured on 4000 hairlines: 7 ms opaque, 45–130 ms at alpha 0.5).
      if (dense) {
        colour = mix(background, colour, 0.08 + 0.92 * t);
      } else if (darkBackground) {
        // The scale's near-white zero would make the weakest edges the brightest lines on a
        // dark background; fade them half-way into it instead.
        colour = mix(background, colour, 0.45 + 0.55 * t);
      }
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
  binEdges();
  update();
}

std::optional<std::pair<int, int>> EdgeLayerItem::edgeAt(const QPointF& point,
                                                         double tolerance) const {
  std::optional<std::pair<int, int>> best;
  double bestDistance = tolerance;
  const int units = static_cast<int>(m_to.size());
  for (int i = 0; i < static_cast<int>(m_from.size()); ++i) {
    for (int j = 0; j < units; ++j) {
      const QLineF& line = m_lines[static_cast<size_t>(i * units + j)];
      const double distance = distanceToSegment(point, line.p1(), line.p2());
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
