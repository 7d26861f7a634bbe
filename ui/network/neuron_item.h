#pragma once

#include <QGraphicsItem>
#include <QImage>
#include <QSizeF>
#include <QString>
#include <optional>

class QColor;
class QPainter;
class QPalette;

namespace nnlab {

/// One neuron of the graph: a circle filled with its activation for the selected sample on the
/// diverging scale, its value written inside when there is room, its name beside it (inputs on
/// the left, outputs on the right) and, when the layer has biases, a small square coloured by b.
class NeuronItem : public QGraphicsItem {
 public:
  enum { Type = UserType + 1 };
  enum class LabelSide { None, Left, Right };

  /// `column` 0 is the input layer; column k is network layer k − 1.
  NeuronItem(int column, int unit, double radius, QString name, LabelSide side);

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  int column() const { return m_column; }
  int unit() const { return m_unit; }
  const QString& name() const { return m_name; }

  /// Recolours (update() only; the geometry stays).
  void setValues(double activation, double range, std::optional<double> bias, double biasRange);
  void setShowText(bool show);
  /// A small map of this neuron's activation over the input plane, drawn inside the circle
  /// (whose rim keeps the selected row's colour); `marker` is where the selected row lies on
  /// it, in [0, 1]² from the top left. A null image shows the value instead.
  void setThumbnail(const QImage& thumbnail, std::optional<QPointF> marker);
  /// A short line under the circle (a step unit's threshold "T = 0.3"); empty for none.
  void setCaption(const QString& caption);
  void setHighlighted(bool highlighted);
  /// Marks a neuron whose slope f'(z) is nearly zero for the selected row: its weights barely
  /// learn (a dashed red ring).
  void setSaturated(bool saturated);
  bool saturated() const { return m_saturated; }

 private:
  void paintThumbnail(QPainter& painter) const;
  void paintText(QPainter& painter, const QPalette& palette, const QColor& fill) const;
  int m_column;
  int m_unit;
  double m_radius;
  QString m_name;
  LabelSide m_side;
  double m_activation = 0.0;
  double m_range = 1.0;
  std::optional<double> m_bias;
  double m_biasRange = 1.0;
  bool m_showText = true;
  bool m_highlighted = false;
  bool m_saturated = false;
  QString m_caption;
  QSizeF m_captionSize;  ///< the caption's box, measured in the label font
  QImage m_thumbnail;
  mutable QImage m_round;  ///< the thumbnail as a disc at its size on screen (see paintThumbnail)
  mutable int m_roundSide = 0;
  std::optional<QPointF> m_marker;
};

}  // namespace nnlab
