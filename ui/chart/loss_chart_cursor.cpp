// The loss chart's cursor: the epoch the timeline shows, drawn as a line, and picked by pressing
// or dragging on the plot (the plotting is in loss_chart.cpp).
#include <QGraphicsScene>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>
#include <algorithm>
#include <cmath>

#include "ui/chart/loss_chart.h"

namespace nnlab {

void LossChart::setCursorEpoch(std::optional<long long> epoch) {
  if (epoch == m_cursorEpoch) return;
  m_cursorEpoch = epoch;
  scene()->update();
  viewport()->update();
}

QPoint LossChart::positionOfEpoch(long long epoch) const {
  const QRectF plot = chart()->plotArea();
  const double x = m_epochUnit > 0.0 ? static_cast<double>(epoch) / m_epochUnit : 0.0;
  const QPointF inChart = chart()->mapToPosition(QPointF(x, anyY()), m_series);
  return mapFromScene(chart()->mapToScene(QPointF(inChart.x(), plot.center().y())));
}

long long LossChart::epochAtPosition(const QPointF& position) const {
  const QPointF value =
      chart()->mapToValue(chart()->mapFromScene(mapToScene(position.toPoint())), m_series);
  const long long last = m_history.empty() ? 0 : m_history.back().epoch + 1;
  const long long epoch = std::llround(std::max(0.0, value.x() * m_epochUnit));
  return std::min(epoch, last);
}

// A y value any axis can place (a log axis cannot place 0): only x matters to the cursor.
double LossChart::anyY() const { return m_logScale ? m_yLog->max() : 0.0; }

void LossChart::mousePressEvent(QMouseEvent* event) {
  const QPointF inChart = chart()->mapFromScene(mapToScene(event->position().toPoint()));
  if (event->button() == Qt::RightButton && chart()->plotArea().contains(inChart)) {
    m_bandOrigin = event->position().toPoint();  // a band to zoom into
    if (!m_band) m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
    m_band->setGeometry(QRect(*m_bandOrigin, QSize()));
    m_band->show();
    event->accept();
    return;
  }
  if (event->button() == Qt::LeftButton && chart()->plotArea().contains(inChart)) {
    m_dragging = true;
    emit epochPicked(epochAtPosition(event->position()));
    event->accept();
    return;
  }
  QChartView::mousePressEvent(event);
}

void LossChart::mouseReleaseEvent(QMouseEvent* event) {
  if (m_bandOrigin && event->button() == Qt::RightButton) {
    const QPoint end = event->position().toPoint();
    m_band->hide();
    const long long from = epochAtPosition(*m_bandOrigin);
    const long long to = epochAtPosition(end);
    m_bandOrigin.reset();
    if (std::abs(end.x() - m_band->geometry().left()) > 4 || m_band->width() > 4)
      zoomTo(static_cast<double>(std::min(from, to)), static_cast<double>(std::max(from, to)));
    event->accept();
    return;
  }
  if (m_dragging && event->button() == Qt::LeftButton) {
    m_dragging = false;
    event->accept();
    return;
  }
  QChartView::mouseReleaseEvent(event);
}

std::optional<double> LossChart::chartX(long long epoch) const {
  if (m_epochUnit <= 0.0 || (m_logX && epoch <= 0)) return std::nullopt;
  const QRectF plot = chart()->plotArea();
  const QPointF at =
      chart()->mapToPosition(QPointF(static_cast<double>(epoch) / m_epochUnit, anyY()), m_series);
  if (at.x() < plot.left() - 0.5 || at.x() > plot.right() + 0.5) return std::nullopt;
  return at.x();
}

void LossChart::drawForeground(QPainter* painter, const QRectF& rect) {
  QChartView::drawForeground(painter, rect);
  drawEvents(painter);
  const std::optional<double> x = m_cursorEpoch ? chartX(*m_cursorEpoch) : std::nullopt;
  if (!x) return;
  const QRectF plot = chart()->plotArea();
  painter->save();
  QColor colour = palette().color(QPalette::Text);
  colour.setAlphaF(0.75);
  painter->setPen(QPen(colour, 1.5));
  painter->drawLine(chart()->mapToScene(QPointF(*x, plot.top())),
                    chart()->mapToScene(QPointF(*x, plot.bottom())));
  painter->restore();
}

}  // namespace nnlab
