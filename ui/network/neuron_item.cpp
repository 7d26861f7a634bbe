#include "ui/network/neuron_item.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>
#include <QTransform>
#include <QWidget>
#include <cmath>

#include "ui/network/round_image.h"
#include "ui/output/colour_scale.h"

namespace nnlab {

namespace {

constexpr double kLabelWidth = 70.0;

/// Black or white, whichever reads better on `fill` (the fill is data, not palette).
QColor textOn(const QColor& fill) {
  const double luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF();
  return luminance > 0.55 ? QColor(20, 20, 20) : QColor(250, 250, 250);
}

/// The font of names and captions, sized with the circle (scene units, so it zooms with it).
QFont labelFont(double radius) {
  QFont font = QApplication::font();
  font.setPixelSize(std::max(7, static_cast<int>(radius * 0.8)));
  return font;
}

}  // namespace

NeuronItem::NeuronItem(int column, int unit, double radius, QString name, LabelSide side)
    : m_column(column), m_unit(unit), m_radius(radius), m_name(std::move(name)), m_side(side) {
  setZValue(2);
  setAcceptHoverEvents(false);
}

QRectF NeuronItem::boundingRect() const {
  const double pad = 3.0;
  QRectF rect(-m_radius - pad, -m_radius - pad, 2 * (m_radius + pad), 2 * (m_radius + pad));
  if (m_side == LabelSide::Left) rect.setLeft(rect.left() - kLabelWidth);
  if (m_side == LabelSide::Right) rect.setRight(rect.right() + kLabelWidth);
  if (!m_caption.isEmpty()) {
    rect.setBottom(rect.bottom() + 2 + m_captionSize.height());
    rect.setLeft(std::min(rect.left(), -m_captionSize.width() / 2));
    rect.setRight(std::max(rect.right(), m_captionSize.width() / 2));
  }
  return rect;
}

void NeuronItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) {
  const QPalette palette = widget ? widget->palette() : QApplication::palette();
  const QColor fill = divergingColour(m_activation, m_range);
  // A big network shrinks neurons to dots a few pixels wide: a plain square reads the same
  // and costs a fraction of an antialiased, outlined circle (577 of them in 64 × 8 + 64).
  const double onScreen = m_radius * option->levelOfDetailFromTransform(painter->worldTransform());
  if (onScreen < 3.5 && !m_highlighted) {
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(QRectF(-m_radius, -m_radius, 2 * m_radius, 2 * m_radius), fill);
    return;
  }
  painter->setRenderHint(QPainter::Antialiasing);
  QPen outline(m_highlighted ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid));
  outline.setWidthF(m_highlighted ? 3.0 : 1.0);
  outline.setCosmetic(true);
  painter->setPen(outline);
  painter->setBrush(fill);
  painter->drawEllipse(QPointF(0, 0), m_radius, m_radius);
  if (m_saturated) {
    QPen ring(QColor(0xc0, 0x39, 0x2b), 2.0, Qt::DashLine);
    ring.setCosmetic(true);
    painter->setPen(ring);
    painter->setBrush(Qt::NoBrush);
    painter->drawEllipse(QPointF(0, 0), m_radius + 1.5, m_radius + 1.5);
    painter->setPen(outline);
    painter->setBrush(fill);
  }

  if (!m_thumbnail.isNull()) paintThumbnail(*painter);
  if (m_bias) {
    const double side = std::max(4.0, m_radius * 0.45);
    const QRectF square(-m_radius - side * 0.3, -m_radius - side * 0.3, side, side);
    painter->setPen(QPen(palette.color(QPalette::Mid), 0));
    painter->setBrush(divergingColour(*m_bias, m_biasRange));
    painter->drawRect(square);
  }
  if (m_showText) paintText(*painter, palette, fill);
}

// The map inside, the selected row's output as the rim around it.
void NeuronItem::paintThumbnail(QPainter& painter) const {
  const double inner = m_radius * 0.8;
  const QRectF square(-inner, -inner, 2 * inner, 2 * inner);
  const QTransform world = painter.worldTransform();
  const QRectF onScreen = world.mapRect(square);
  const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
  const int side = qRound(onScreen.width() * ratio);
  // The usual case: on screen (raster), the view only zooming and scrolling. Not for a vector
  // export (SVG), where the map stays a picture under a clip that stays a circle.
  const bool screen =
      painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster &&
      world.type() <= QTransform::TxScale && world.m11() == world.m22() && world.m11() > 0;
  painter.save();
  if (screen && side >= 4 && side <= 2048) {
    // A round picture at the screen's size, copied unscaled, made again only when the map, the
    // zoom or the screen's pixel ratio changes.
    if (side != m_roundSide || m_round.isNull() || m_round.devicePixelRatio() != ratio) {
      m_round = roundImage(m_thumbnail, side);
      m_round.setDevicePixelRatio(ratio);
      m_roundSide = side;
    }
    painter.resetTransform();
    painter.drawImage(QPointF(std::round(onScreen.left() * ratio) / ratio,
                              std::round(onScreen.top() * ratio) / ratio),
                      m_round);
  } else {
    QPainterPath clip;
    clip.addEllipse(QPointF(0, 0), inner, inner);
    painter.setClipPath(clip, Qt::IntersectClip);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(square, m_thumbnail);
  }
  painter.restore();
  if (m_marker) {
    const QPointF at(square.left() + m_marker->x() * square.width(),
                     square.top() + m_marker->y() * square.height());
    painter.setPen(QPen(QColor(255, 255, 255), 0));
    painter.setBrush(QColor(20, 20, 20));
    painter.drawEllipse(at, std::max(1.5, m_radius * 0.09), std::max(1.5, m_radius * 0.09));
  }
}

// The value inside (when there is no map), the caption below and the name beside.
void NeuronItem::paintText(QPainter& painter, const QPalette& palette, const QColor& fill) const {
  QFont font = painter.font();
  font.setPixelSize(std::max(6, static_cast<int>(m_radius * 0.62)));
  painter.setFont(font);
  painter.setPen(textOn(fill));
  const QRectF circle(-m_radius, -m_radius, 2 * m_radius, 2 * m_radius);
  const bool value = m_thumbnail.isNull();  // a map says more than its one number
  // Two decimals for the usual values, fewer for large ones, so that the number fits in the
  // circle (1e300 would otherwise print three hundred digits).
  const double magnitude = std::abs(m_activation);
  // Small values (a δ of 0.00045) keep a significant digit ("0.0005") instead of reading "0.00".
  const QString text = magnitude != 0.0 && magnitude < 0.01 ? QString::number(m_activation, 'g', 1)
                       : magnitude < 10.0                   ? QString::number(m_activation, 'f', 2)
                       : magnitude < 100.0                  ? QString::number(m_activation, 'f', 1)
                                                            : QString::number(m_activation, 'g', 2);
  if (value) painter.drawText(circle, Qt::AlignCenter, text);

  painter.setFont(labelFont(m_radius));
  painter.setPen(palette.color(QPalette::Text));
  if (!m_caption.isEmpty()) {
    // As wide as the text: a fixed box cut "T = 0.2" down to "Γ = 0.".
    const QRectF below(-m_captionSize.width() / 2, m_radius + 2, m_captionSize.width(),
                       m_captionSize.height());
    painter.drawText(below, Qt::AlignHCenter | Qt::AlignTop | Qt::TextDontClip, m_caption);
  }
  const double gap = 6.0;
  if (m_side == LabelSide::Left) {
    const QRectF label(-m_radius - gap - kLabelWidth, -m_radius, kLabelWidth, 2 * m_radius);
    painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter, m_name);
  } else if (m_side == LabelSide::Right) {
    const QRectF label(m_radius + gap, -m_radius, kLabelWidth, 2 * m_radius);
    painter.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, m_name);
  }
}

void NeuronItem::setValues(double activation, double range, std::optional<double> bias,
                           double biasRange) {
  if (activation == m_activation && range == m_range && bias == m_bias && biasRange == m_biasRange)
    return;
  m_activation = activation;
  m_range = range;
  m_bias = bias;
  m_biasRange = biasRange;
  update();
}

void NeuronItem::setSaturated(bool saturated) {
  if (saturated == m_saturated) return;
  m_saturated = saturated;
  update();
}

void NeuronItem::setShowText(bool show) {
  if (show == m_showText) return;
  m_showText = show;
  update();
}

void NeuronItem::setThumbnail(const QImage& thumbnail, std::optional<QPointF> marker) {
  m_thumbnail = thumbnail;
  m_round = QImage();
  m_marker = marker;
  update();
}

void NeuronItem::setCaption(const QString& caption) {
  if (caption == m_caption) return;
  prepareGeometryChange();  // the caption adds a line below the circle
  m_caption = caption;
  const QFontMetricsF metrics(labelFont(m_radius));
  m_captionSize =
      QSizeF(std::max(kLabelWidth, metrics.horizontalAdvance(caption) + 8.0), metrics.height());
  update();
}

void NeuronItem::setHighlighted(bool highlighted) {
  if (highlighted == m_highlighted) return;
  m_highlighted = highlighted;
  update();
}

}  // namespace nnlab
