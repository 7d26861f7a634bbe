#include "ui/output/curve_view.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "core/training_runner.h"
#include "ui/output/colour_scale.h"

namespace nnlab {

namespace {

constexpr int kSamples = 201;        // points of each curve: smooth at any width the panel has
constexpr double kMargin = 0.06;     // of the data's extent, on each side
constexpr double kUnitsShare = 0.4;  // of the height the small curves take, when there are any

/// A round step that divides `span` into about `count` parts: 1, 2 or 5 times a power of ten.
double tickStep(double span, int count) {
  const double raw = std::max(span, 1e-12) / std::max(count, 1);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0})
    if (raw <= factor * power) return factor * power;
  return 10.0 * power;
}

QString tickLabel(double value) {
  return QString::number(std::abs(value) < 1e-12 ? 0.0 : value, 'g', 3);
}

/// `low`..`high` widened by kMargin of its span on each side (a small span if it is none).
std::pair<double, double> padded(double low, double high) {
  if (!std::isfinite(low) || !std::isfinite(high)) return {-1.0, 1.0};
  const double span = std::max(high - low, 1e-3);
  return {low - span * kMargin, high + span * kMargin};
}

}  // namespace

CurveView::CurveView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

bool CurveView::applies(const TrainingSnapshot& snapshot) {
  return snapshot.network.inputs() == 1 && snapshot.network.outputs() == 1 &&
         snapshot.network.layerCount() > 0;
}

void CurveView::showSnapshot(const TrainingSnapshot& snapshot) {
  if (!applies(snapshot)) return;
  const bool couldContribute = contributionsAvailable();
  m_network = snapshot.network;
  if (snapshot.dataset != m_dataset || m_samples.empty()) {
    m_dataset = snapshot.dataset;
    const Dataset* data = m_dataset.get();
    const bool points = data && data->rows() > 0 && data->inputColumns() == 1;
    std::tie(m_low, m_high) =
        padded(points ? data->inputs.minCoeff() : -1.0, points ? data->inputs.maxCoeff() : 1.0);
  }
  m_samples = CurveSamples::compute(m_network, snapshot.scaling, m_low, m_high, kSamples);
  updateDomain();
  if (contributionsAvailable() != couldContribute)
    emit contributionsAvailableChanged(contributionsAvailable());
  update();
}

void CurveView::setContributions(bool on) {
  if (on == m_contributions) return;
  m_contributions = on;
  update();
}

void CurveView::updateDomain() {
  double low = 0.0, high = 0.0;
  bool any = false;
  const auto include = [&](double v) {
    if (!std::isfinite(v)) return;
    low = any ? std::min(low, v) : v;
    high = any ? std::max(high, v) : v;
    any = true;
  };
  if (m_dataset && m_dataset->targetColumns() == 1)
    for (int row = 0; row < m_dataset->rows(); ++row) include(m_dataset->targets(row, 0));
  // The curve widens the range, but no further than the data's own span again on each side:
  // a wild start should not flatten the targets into a line.
  const double span = any ? std::max(high - low, 1e-3) : 2.0;
  const double floor = any ? low - span : -1e300, ceiling = any ? high + span : 1e300;
  for (int i = 0; i < m_samples.output.rows(); ++i)
    include(std::clamp(m_samples.output(i, 0), floor, ceiling));
  if (!any) low = -1.0, high = 1.0;
  const auto [bottom, top] = padded(low, high);
  m_domain = QRectF(m_low, bottom, m_high - m_low, top - bottom);
}

QRectF CurveView::plotArea() const {
  const QFontMetrics metrics = fontMetrics();
  const QRectF all = QRectF(contentsRect()).adjusted(2, metrics.height() + 4, -6, -2);
  const double left = metrics.horizontalAdvance(QStringLiteral("-0.000")) + 6;
  const double labels = metrics.height() + 4;
  const double height = unitCount() > 0 ? all.height() * (1.0 - kUnitsShare) : all.height();
  return {all.left() + left, all.top(), all.width() - left, std::max(height - labels, 10.0)};
}

QRectF CurveView::unitsArea() const {
  const QRectF plot = plotArea();
  const double top = plot.bottom() + fontMetrics().height() + 8;
  return {plot.left(), top, plot.width(), std::max(contentsRect().bottom() - top - 2, 0.0)};
}

QPointF CurveView::toWidget(const QPointF& value) const {
  const QRectF plot = plotArea();
  return {plot.left() + (value.x() - m_domain.left()) / m_domain.width() * plot.width(),
          plot.bottom() - (value.y() - m_domain.top()) / m_domain.height() * plot.height()};
}

std::pair<int, int> CurveView::unitGrid() const {
  const int n = unitCount();
  const QRectF area = unitsArea();
  int best = 1;
  double bestSize = -1.0;
  for (int columns = 1; columns <= n; ++columns) {
    const int rows = (n + columns - 1) / columns;
    // Wider than tall reads best for a curve: a cell counts by its width, up to 1.6× its height.
    const double size = std::min(area.width() / columns, 1.6 * area.height() / rows);
    if (size > bestSize) bestSize = size, best = columns;
  }
  return {best, std::max((n + best - 1) / best, 1)};
}

QRectF CurveView::unitArea(int unit) const {
  const auto [columns, rows] = unitGrid();
  const QRectF area = unitsArea();
  const double w = area.width() / columns, h = area.height() / rows;
  const QRectF cell(area.left() + (unit % columns) * w, area.top() + (unit / columns) * h, w, h);
  return cell.adjusted(2, 2, -2, -2);
}

std::pair<double, double> CurveView::unitRange(int unit) const {
  if (m_contributions && contributionsAvailable()) {
    const double top = std::max(m_samples.contributions.cwiseAbs().maxCoeff(), 1e-12);
    return {-top, top};
  }
  switch (m_network.layer(0).activation) {
    case Activation::Sigmoid:
    case Activation::Step:
      return {0.0, 1.0};
    case Activation::Tanh:
      return {-1.0, 1.0};
    default: {
      const auto column = m_samples.hidden.col(unit);
      const double low = std::min(column.minCoeff(), 0.0), high = std::max(column.maxCoeff(), 0.0);
      return {low, std::max(high, low + 1e-12)};
    }
  }
}

QPointF CurveView::toUnitWidget(int unit, double x, double value) const {
  const QRectF cell = unitArea(unit);
  const auto [low, high] = unitRange(unit);
  return {cell.left() + (x - m_low) / (m_high - m_low) * cell.width(),
          cell.bottom() - (value - low) / (high - low) * cell.height()};
}

QColor CurveView::unitColour(int unit) const {
  // With one hidden layer a unit pulls the output up (blue) or down (orange), by its weight.
  if (m_network.layerCount() == 2) {
    const double w = m_network.layer(1).weights(unit, 0);
    return w >= 0.0 ? positiveColour() : negativeColour();
  }
  return palette().color(QPalette::WindowText);
}

void CurveView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const QRectF plot = plotArea();
  painter.setPen(palette().color(QPalette::WindowText));
  const QFontMetrics metrics = fontMetrics();
  painter.drawText(QPointF(plot.left(), contentsRect().top() + metrics.ascent() + 1),
                   tr("● y (data)    — ŷ (network)"));
  paintAxes(painter, plot);
  if (m_samples.empty()) return;
  paintTargets(painter, plot);
  paintCurve(painter, plot);
  paintUnits(painter);
}

void CurveView::paintAxes(QPainter& painter, const QRectF& plot) const {
  painter.setPen(QPen(palette().color(QPalette::WindowText), 1.0));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(plot);
  const QFontMetrics metrics = fontMetrics();
  const double xStep = tickStep(m_domain.width(), std::max(2, static_cast<int>(plot.width() / 70)));
  for (double v = std::ceil(m_domain.left() / xStep) * xStep; v <= m_domain.right(); v += xStep) {
    const double x = toWidget({v, 0.0}).x();
    painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
    const QString text = tickLabel(v);
    painter.drawText(
        QPointF(x - metrics.horizontalAdvance(text) / 2.0, plot.bottom() + 3 + metrics.ascent()),
        text);
  }
  const double yStep =
      tickStep(m_domain.height(), std::max(3, static_cast<int>(plot.height() / 30)));
  for (double v = std::ceil(m_domain.top() / yStep) * yStep; v <= m_domain.bottom(); v += yStep) {
    const double y = toWidget({0.0, v}).y();
    painter.drawLine(QPointF(plot.left() - 3, y), QPointF(plot.left(), y));
    const QString text = tickLabel(v);
    painter.drawText(
        QPointF(plot.left() - 5 - metrics.horizontalAdvance(text), y + metrics.ascent() / 2.0 - 1),
        text);
  }
}

void CurveView::paintTargets(QPainter& painter, const QRectF& plot) const {
  if (!m_dataset || m_dataset->inputColumns() != 1 || m_dataset->targetColumns() != 1) return;
  painter.save();
  painter.setClipRect(plot);
  const double radius = std::clamp(plot.width() / 150.0, 2.0, 4.0);
  const QColor colour = palette().color(QPalette::WindowText);
  const int stride = std::max(1, m_dataset->rows() / 4000);  // past a few thousand: a sample
  for (int row = 0; row < m_dataset->rows(); row += stride) {
    const QPointF centre = toWidget({m_dataset->inputs(row, 0), m_dataset->targets(row, 0)});
    const bool test = m_dataset->isTestRow(row);
    painter.setPen(test ? QPen(colour, 1.4) : Qt::NoPen);
    painter.setBrush(test ? QBrush(Qt::NoBrush) : QBrush(colour));
    painter.drawEllipse(centre, radius, radius);
  }
  painter.restore();
}

void CurveView::paintCurve(QPainter& painter, const QRectF& plot) const {
  painter.save();
  painter.setClipRect(plot);
  painter.setBrush(Qt::NoBrush);
  if (m_contributions && contributionsAvailable()) {
    // Faint, each unit's share of the sum, so that one sees the output built from them.
    for (int unit = 0; unit < unitCount(); ++unit) {
      QColor colour = unitColour(unit);
      colour.setAlphaF(0.35);
      painter.setPen(QPen(colour, 1.0));
      QPainterPath path;
      for (int i = 0; i < m_samples.inputs.rows(); ++i) {
        const QPointF p = toWidget({m_samples.inputs(i, 0), m_samples.contributions(i, unit)});
        i == 0 ? path.moveTo(p) : path.lineTo(p);
      }
      painter.drawPath(path);
    }
  }
  QPainterPath path;
  for (int i = 0; i < m_samples.inputs.rows(); ++i) {
    const QPointF p = toWidget({m_samples.inputs(i, 0), m_samples.output(i, 0)});
    i == 0 ? path.moveTo(p) : path.lineTo(p);
  }
  painter.setPen(QPen(positiveColour(), 2.5));
  painter.drawPath(path);
  painter.restore();
}

void CurveView::paintUnits(QPainter& painter) const {
  const bool shares = m_contributions && contributionsAvailable();
  const Matrix& values = shares ? m_samples.contributions : m_samples.hidden;
  const QColor frame = palette().color(QPalette::Mid);
  for (int unit = 0; unit < unitCount(); ++unit) {
    const QRectF cell = unitArea(unit);
    if (cell.width() < 4 || cell.height() < 4) continue;
    painter.setPen(QPen(frame, 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(cell);
    const double zero = toUnitWidget(unit, m_low, 0.0).y();
    if (zero > cell.top() && zero < cell.bottom())
      painter.drawLine(QPointF(cell.left(), zero), QPointF(cell.right(), zero));
    QPainterPath path;
    for (int i = 0; i < values.rows(); ++i) {
      const QPointF p = toUnitWidget(unit, m_samples.inputs(i, 0), values(i, unit));
      i == 0 ? path.moveTo(p) : path.lineTo(p);
    }
    painter.setPen(QPen(unitColour(unit), 1.5));
    painter.drawPath(path);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(cell.adjusted(3, 1, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                     QString::number(unit + 1));
  }
}

bool CurveView::event(QEvent* event) {
  if (event->type() != QEvent::ToolTip) return QWidget::event(event);
  const QPoint position = static_cast<QHelpEvent*>(event)->pos();
  const auto global = static_cast<QHelpEvent*>(event)->globalPos();
  for (int unit = 0; unit < unitCount(); ++unit) {
    if (!unitArea(unit).contains(position)) continue;
    const QString text =
        contributionsAvailable()
            ? tr("Hidden neuron %1: its output a, times its weight to the output %2, is its "
                 "share a·w of the output's sum.")
                  .arg(unit + 1)
                  .arg(m_network.layer(1).weights(unit, 0), 0, 'g', 3)
            : tr("Hidden neuron %1 of the first hidden layer: its output a over the input.")
                  .arg(unit + 1);
    QToolTip::showText(global, text, this);
    return true;
  }
  QToolTip::showText(global,
                     tr("The data (dots: training rows, rings: test rows) and the network's "
                        "output ŷ over the input. Below, each neuron of the first hidden layer: "
                        "the output is built from their curves."),
                     this);
  return true;
}

}  // namespace nnlab
