// The loss chart's hover label, and how it follows resizes and the palette (the plotting is in
// loss_chart.cpp).
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "ui/chart/loss_chart.h"
#include "ui/output/colour_scale.h"

namespace nnlab {

namespace {

QString lossText(double loss) {
  if (std::isnan(loss)) return LossChart::tr("not a number");
  if (std::isinf(loss)) return loss > 0 ? LossChart::tr("infinite") : LossChart::tr("−infinite");
  return QString::number(loss, 'g', 5);
}

}  // namespace

void LossChart::mouseMoveEvent(QMouseEvent* event) {
  QChartView::mouseMoveEvent(event);
  m_mouse = event->position();
  if (m_dragging && (event->buttons() & Qt::LeftButton))
    emit epochPicked(epochAtPosition(event->position()));
  if (m_bandOrigin)
    m_band->setGeometry(QRect(*m_bandOrigin, event->position().toPoint()).normalized());
  updateHoverLabel();
}

// Also after every replot: under a still mouse the axes rescale as training goes on, and the
// label must name the epoch now under the cursor.
void LossChart::updateHoverLabel() {
  if (!m_mouse) return;
  const QPointF position = *m_mouse;
  const QPointF value = chart()->mapToValue(position, m_series);
  if (m_history.empty() || !chart()->plotArea().contains(position)) {
    m_hoverLabel->hide();
    return;
  }
  const auto it = std::lower_bound(m_history.begin(), m_history.end(), value.x() * m_epochUnit,
                                   [](const HistoryPoint& point, double epoch) {
                                     return static_cast<double>(point.epoch) < epoch;
                                   });
  const HistoryPoint& point = it == m_history.end() ? m_history.back() : *it;
  QString text = tr("epoch %1: %2 %3").arg(point.epoch).arg(m_lossLabel, lossText(point.loss));
  const std::vector<TestLossPoint>& test = m_testHistory;
  if (!test.empty()) {
    const auto near = std::lower_bound(
        test.begin(), test.end(), point.epoch,
        [](const TestLossPoint& sample, long long epoch) { return sample.epoch < epoch; });
    text += tr(", test %1").arg(lossText((near == test.end() ? test.back() : *near).loss));
  }
  if (const RunEvent* event = eventNear(position)) text += QLatin1Char('\n') + eventText(*event);
  m_hoverLabel->setText(text);
  m_hoverLabel->adjustSize();
  // Inside the plot area, so that it never covers the axis labels.
  const QRect plot = chart()->plotArea().toRect();
  const QPoint at = position.toPoint() + QPoint(12, -m_hoverLabel->height() - 4);
  const int right = std::max(plot.left(), plot.right() - m_hoverLabel->width());
  m_hoverLabel->move(std::clamp(at.x(), plot.left(), right), std::max(plot.top(), at.y()));
  m_hoverLabel->show();
}

void LossChart::leaveEvent(QEvent* event) {
  QChartView::leaveEvent(event);
  m_mouse.reset();
  m_hoverLabel->hide();
}

// The x axis's tick count follows the plot's width: a resize (a restored window, --size, an
// opened session) must not wait for the next training step to lay it out again.
void LossChart::resizeEvent(QResizeEvent* event) {
  QChartView::resizeEvent(event);
  replot();
}

void LossChart::changeEvent(QEvent* event) {
  QChartView::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) applyPalette();
}

void LossChart::applyPalette() {
  const QPalette& p = palette();
  chart()->setBackgroundBrush(p.color(QPalette::Base));
  chart()->setPlotAreaBackgroundVisible(false);
  for (QAbstractAxis* axis :
       {static_cast<QAbstractAxis*>(m_xAxis), static_cast<QAbstractAxis*>(m_xLog),
        static_cast<QAbstractAxis*>(m_yLinear), static_cast<QAbstractAxis*>(m_yLog)}) {
    axis->setLabelsColor(p.color(QPalette::Text));
    axis->setTitleBrush(p.color(QPalette::Text));
    axis->setGridLineColor(p.color(QPalette::Midlight));
    axis->setLinePenColor(p.color(QPalette::Mid));
  }
  // Blue and orange stay apart in every common colour-vision deficiency (their simulated
  // deuteranopia, protanopia and tritanopia colours differ by ΔE > 20, LossChartTest checks),
  // and the test line is dashed as well, for monochrome print and the rarest deficiencies.
  m_series->setPen(QPen(positiveColour(), 2.0));
  QPen test(negativeColour(), 2.0, Qt::DashLine);
  test.setCapStyle(Qt::FlatCap);
  m_testSeries->setPen(test);
  QColor stop = p.color(QPalette::Text);
  stop.setAlphaF(0.6);
  m_stopLine->setPen(QPen(stop, 1.0, Qt::DotLine));
  m_nonNumbers->setColor(QColor(0xc0, 0x1c, 0x28));  // a warning red, with a dark outline
  m_nonNumbers->setBorderColor(p.color(QPalette::Text));
  chart()->legend()->setLabelColor(p.color(QPalette::Text));
  m_hoverLabel->setAutoFillBackground(true);
  m_hoverLabel->setStyleSheet(QString());
  m_hoverLabel->setBackgroundRole(QPalette::ToolTipBase);
  m_hoverLabel->setForegroundRole(QPalette::ToolTipText);
}

}  // namespace nnlab
