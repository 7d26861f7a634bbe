#include "ui/network/weight_legend.h"

#include <QLinearGradient>
#include <QPainter>

#include "ui/output/colour_scale.h"

namespace nnlab {

WeightLegend::WeightLegend(QWidget* parent) : QWidget(parent) {
  setToolTip(
      tr("Colour key: orange edges have negative weights, blue ones positive; thicker "
         "means larger |w|. The small square on a neuron is its bias, on the same scale. The "
         "range follows the largest weight or bias."));
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  m_title = tr("weight");
}

void WeightLegend::setTitle(const QString& title) {
  if (title == m_title) return;
  m_title = title;
  update();
}

void WeightLegend::setRange(double range) {
  if (range == m_range) return;
  m_range = range;
  update();
}

QSize WeightLegend::sizeHint() const { return QSize(320, fontMetrics().height() * 2 + 10); }

QSize WeightLegend::minimumSizeHint() const { return QSize(160, fontMetrics().height() * 2 + 10); }

void WeightLegend::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QFontMetrics metrics = fontMetrics();
  const QString& title = m_title;
  const int titleWidth = metrics.horizontalAdvance(title) + 8;
  const QRect bar(titleWidth, 3, width() - titleWidth - 4, metrics.height() - 2);
  painter.setPen(palette().color(QPalette::WindowText));
  painter.drawText(QRect(0, 0, titleWidth, metrics.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
                   title);
  QLinearGradient gradient(bar.topLeft(), bar.topRight());
  gradient.setColorAt(0.0, negativeColour());
  gradient.setColorAt(0.5, zeroColour());
  gradient.setColorAt(1.0, positiveColour());
  painter.fillRect(bar, gradient);
  painter.setPen(palette().color(QPalette::Mid));
  painter.drawRect(bar.adjusted(0, 0, -1, -1));

  painter.setPen(palette().color(QPalette::WindowText));
  const QRect labels(bar.left(), bar.bottom() + 3, bar.width(), metrics.height());
  const QString digits = QString::number(m_range, 'g', 3);
  painter.drawText(labels, Qt::AlignLeft, QStringLiteral("−") + digits);
  painter.drawText(labels, Qt::AlignHCenter, QStringLiteral("0"));
  painter.drawText(labels, Qt::AlignRight, QStringLiteral("+") + digits);
}

}  // namespace nnlab
