// The loss chart's epoch axis: linear or logarithmic, zoomed by the wheel or a band dragged with
// the right button, reset by a double-click; and the smoothed line (the plotting is in
// loss_chart.cpp).
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ui/chart/loss_chart.h"

namespace nnlab {

namespace {

constexpr double kWheelZoom = 0.8;     // the range one wheel notch in keeps
constexpr long long kLongRun = 10000;  // epochs before a run can be squashed

}  // namespace

QAbstractAxis* LossChart::xAxis() const {
  return m_logX ? static_cast<QAbstractAxis*>(m_xLog) : m_xAxis;
}

void LossChart::setLogX(bool on) {
  if (on) m_squashSaid = true;  // chosen (or asked for once): turned off, it stays off
  if (on == m_logX) return;
  m_logX = on;
  m_zoom.reset();
  QAbstractAxis* from = on ? static_cast<QAbstractAxis*>(m_xAxis) : m_xLog;
  QAbstractAxis* to = on ? static_cast<QAbstractAxis*>(m_xLog) : m_xAxis;
  const std::initializer_list<QXYSeries*> all{m_series, m_testSeries, m_nonNumbers, m_stopLine,
                                              m_smoothSeries};
  for (QXYSeries* series : all) series->detachAxis(from);
  chart()->removeAxis(from);
  from->setParent(this);
  chart()->addAxis(to, Qt::AlignBottom);
  for (QXYSeries* series : all) series->attachAxis(to);
  m_epochUnit = 0.0;  // chosen again for the new axis
  applyPalette();
  replot();
}

void LossChart::setSmoothing(double weight) {
  weight = std::clamp(weight, 0.0, 0.999);
  if (weight == m_smoothing) return;
  m_smoothing = weight;
  QPen raw = m_series->pen();
  QColor colour = raw.color();
  colour.setAlphaF(weight > 0.0 ? 0.3 : 1.0);  // the raw curve stays, faint, behind
  raw.setColor(colour);
  m_series->setPen(raw);
  colour.setAlphaF(1.0);
  m_smoothSeries->setPen(QPen(colour, 2.0));
  replot();
}

bool LossChart::learningIsSquashed() const {
  if (m_history.size() < 2 || m_history.back().epoch < kLongRun) return false;
  const double first = m_history.front().loss;
  double lowest = first;
  for (const HistoryPoint& point : m_history)
    if (std::isfinite(point.loss)) lowest = std::min(lowest, point.loss);
  if (!std::isfinite(first) || !(first > lowest)) return false;
  const double nearlyAll = lowest + 0.01 * (first - lowest);
  const auto learned =
      std::find_if(m_history.begin(), m_history.end(),
                   [nearlyAll](const HistoryPoint& p) { return p.loss <= nearlyAll; });
  return learned->epoch * 100 < m_history.back().epoch;
}

void LossChart::checkSquashed() {
  if (m_history.empty() || m_history.back().epoch < kLongRun) {
    // A new run (or one gone back to its start) may be squashed again.
    if (!m_logXChosen) m_squashSaid = false;
    return;
  }
  if (m_squashSaid || m_logX || m_zoom || !learningIsSquashed()) return;
  m_squashSaid = true;
  emit learningSquashed();
}

int LossChart::smoothPointCount() const { return static_cast<int>(m_smoothSeries->count()); }

// TensorBoard's smoothing: an exponential moving average, debiased so that the first points
// are not pulled towards 0. Not-a-number losses are skipped.
QList<QPointF> LossChart::smoothPoints() const {
  QList<QPointF> points;
  const std::size_t count = m_history.size();
  const std::size_t every = std::max<std::size_t>(1, count / 1000);
  points.reserve(static_cast<qsizetype>(count / every + 1));
  double average = 0.0;
  double weights = 0.0;
  for (std::size_t i = 0; i < count; ++i) {
    const double loss = m_history[i].loss;
    if (!std::isfinite(loss)) continue;
    average = average * m_smoothing + (1.0 - m_smoothing) * loss;
    weights = weights * m_smoothing + (1.0 - m_smoothing);
    if (i % every != 0 && i + 1 != count) continue;
    double y = average / weights;
    if (m_logScale && !(y > 0.0)) continue;
    points.append(QPointF(static_cast<double>(m_history[i].epoch) / m_epochUnit, y));
  }
  return points;
}

QList<QPointF> LossChart::forXAxis(QList<QPointF> points) const {
  if (!m_logX) return points;
  points.removeIf([](const QPointF& point) { return !(point.x() >= 1.0); });
  return points;
}

std::pair<double, double> LossChart::axisRange() const {
  const double full = m_right;  // in axis units (whole epochs on a log axis)
  const double low = m_logX ? 1.0 : 0.0;
  if (!m_zoom) return {low, m_logX ? std::max(full, 10.0) : full};
  return {std::max(low, m_zoom->first / m_epochUnit), m_zoom->second / m_epochUnit};
}

std::pair<double, double> LossChart::epochRange() const {
  const auto [low, high] = axisRange();
  return {low * m_epochUnit, high * m_epochUnit};
}

void LossChart::zoomTo(double low, double high) {
  const double end = m_right * m_epochUnit;
  const double first = m_logX ? 1.0 : 0.0;
  low = std::clamp(low, first, end);
  high = std::clamp(high, first, end);
  if (high - low < 2.0) return;  // no closer than a couple of epochs
  if (low <= first && high >= end)
    m_zoom.reset();
  else
    m_zoom = std::make_pair(low, high);
  replot();
}

void LossChart::resetZoom() {
  if (!m_zoom) return;
  m_zoom.reset();
  replot();
}

void LossChart::wheelEvent(QWheelEvent* event) {
  const QPointF inChart = chart()->mapFromScene(mapToScene(event->position().toPoint()));
  if (!chart()->plotArea().contains(inChart) || event->angleDelta().y() == 0) {
    QChartView::wheelEvent(event);
    return;
  }
  const double factor = event->angleDelta().y() > 0 ? kWheelZoom : 1.0 / kWheelZoom;
  const auto [low, high] = epochRange();
  const double at = static_cast<double>(epochAtPosition(event->position()));
  if (m_logX) {  // around the mouse in log space
    const double l = std::log(low), h = std::log(high), a = std::log(std::max(at, 1.0));
    zoomTo(std::exp(a - (a - l) * factor), std::exp(a + (h - a) * factor));
  } else {
    zoomTo(at - (at - low) * factor, at + (high - at) * factor);
  }
  event->accept();
}

void LossChart::mouseDoubleClickEvent(QMouseEvent* event) {
  resetZoom();
  event->accept();
}

}  // namespace nnlab
