#pragma once

#include <QGraphicsItem>
#include <QLineF>
#include <array>
#include <optional>
#include <vector>

#include "core/types.h"

namespace nnlab {

/// Every connection between two neighbouring columns of neurons, drawn by one item: with
/// ~30k edges in a big network, one QGraphicsItem per edge would make the scene slow to build
/// and to paint. Edges are binned by signed |w| so each bin is one drawLines() call with one
/// pen; hover and double-click find the edge under the cursor with a distance test (edgeAt).
///
/// A crowded layer pair (64 × 64) is an unreadable mass of lines, and drawing it all costs a
/// frame's whole budget: past `maxDrawn` edges only the strongest `maxDrawn` are drawn.
class EdgeLayerItem : public QGraphicsItem {
 public:
  enum { Type = UserType + 2 };

  /// `layer` is the network layer the edges feed; `from`/`to` are neuron centres.
  EdgeLayerItem(int layer, std::vector<QPointF> from, std::vector<QPointF> to, double maxWidth,
                int maxDrawn);

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  int layer() const { return m_layer; }
  int edgeCount() const { return static_cast<int>(m_lines.size()); }
  /// How many edges the current weights leave drawn (all of them unless crowded).
  int drawnCount() const;
  /// Recolours with new weights (fan_in × units) and the scale's range (update() only).
  void setWeights(const Matrix& weights, double range);
  /// The edge (input i, unit j) within `tolerance` scene units of `point`, nearest first.
  std::optional<std::pair<int, int>> edgeAt(const QPointF& point, double tolerance) const;
  /// Draws one edge highlighted (or none with nullopt).
  void setHighlightedEdge(std::optional<std::pair<int, int>> edge);

 private:
  static constexpr int kBins = 12;  // per sign

  /// Sorts the drawn edges into m_bins: once per new weights, not on every paint.
  void binEdges();

  int m_layer;
  std::vector<QPointF> m_from;
  std::vector<QPointF> m_to;
  std::vector<QLineF> m_lines;  // [i × units + j]; the layout is fixed for the item's life
  double m_maxWidth;
  int m_maxDrawn;
  QRectF m_bounds;
  Matrix m_weights;
  double m_range = 1.0;
  std::optional<std::pair<int, int>> m_highlighted;
  std::array<std::vector<QLineF>, 2 * kBins + 1> m_bins;  // reused between frames
  std::vector<double> m_magnitudes;                       // scratch for the crowding threshold
};

}  // namespace nnlab
