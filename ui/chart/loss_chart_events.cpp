// The loss chart's event markers: where the learning rate, the settings or the data changed,
// where the loss diverged and where the best weights came back (the plotting is in
// loss_chart.cpp). Each is a dashed line with a letter at the top; hovering names it.
#include <QPainter>
#include <cmath>

#include "ui/chart/loss_chart.h"

namespace nnlab {

namespace {

constexpr double kNearPixels = 5.0;

QString numberText(double value) { return QString::number(value, 'g', 6); }

QString glyph(RunEventKind kind) {
  switch (kind) {
    case RunEventKind::LearningRate:
      return QStringLiteral("η");
    case RunEventKind::Settings:
      return QStringLiteral("S");
    case RunEventKind::Data:
      return QStringLiteral("D");
    case RunEventKind::Diverged:
      return QStringLiteral("!");
    case RunEventKind::RestoredBest:
      return QStringLiteral("★");
  }
  return {};
}

// Colours that read on light and dark backgrounds alike.
QColor colourOf(RunEventKind kind) {
  switch (kind) {
    case RunEventKind::LearningRate:
    case RunEventKind::Settings:
      return QColor(0xd9, 0x77, 0x06);  // amber
    case RunEventKind::Data:
      return QColor(0x25, 0x63, 0xeb);  // blue
    case RunEventKind::Diverged:
      return QColor(0xdc, 0x26, 0x26);  // red
    case RunEventKind::RestoredBest:
      return QColor(0x16, 0xa3, 0x4a);  // green
  }
  return Qt::gray;
}

}  // namespace

QString LossChart::eventText(const RunEvent& event) {
  QString what;
  switch (event.kind) {
    case RunEventKind::LearningRate:
      what = tr("learning rate %1 → %2").arg(numberText(event.before), numberText(event.after));
      break;
    case RunEventKind::Settings:
      what = tr("the training settings changed");
      break;
    case RunEventKind::Data:
      what = tr("the data changed");
      break;
    case RunEventKind::Diverged:
      what = tr("the loss diverged at epoch %1 (learning rate %2); training went on from here")
                 .arg(static_cast<long long>(event.before))
                 .arg(numberText(event.after));
      break;
    case RunEventKind::RestoredBest:
      what = tr("the best weights came back (test loss %1)").arg(numberText(event.before));
      break;
  }
  return tr("epoch %1: %2").arg(event.epoch).arg(what);
}

std::vector<RunEvent> LossChart::visibleEvents() const {
  std::vector<RunEvent> shown;
  for (const RunEvent& event : m_events)
    if (chartX(event.epoch)) shown.push_back(event);
  return shown;
}

void LossChart::drawEvents(QPainter* painter) const {
  if (m_events.empty()) return;
  const QRectF plot = chart()->plotArea();
  painter->save();
  QFont font = painter->font();
  font.setPointSizeF(font.pointSizeF() * 0.85);
  font.setBold(true);
  painter->setFont(font);
  const QFontMetrics metrics(font);
  for (const RunEvent& event : m_events) {
    const std::optional<double> x = chartX(event.epoch);
    if (!x) continue;
    const QColor colour = colourOf(event.kind);
    painter->setPen(QPen(colour, 1.0, Qt::DashLine));
    painter->drawLine(chart()->mapToScene(QPointF(*x, plot.top())),
                      chart()->mapToScene(QPointF(*x, plot.bottom())));
    const QString letter = glyph(event.kind);
    const QPointF top = chart()->mapToScene(QPointF(*x, plot.top()));
    const QRectF box(top.x() + 2.0, top.y() + 1.0, metrics.horizontalAdvance(letter) + 4.0,
                     metrics.height());
    painter->setPen(colour);
    painter->drawText(box, Qt::AlignCenter, letter);
  }
  painter->restore();
}

const RunEvent* LossChart::eventNear(const QPointF& position) const {
  const RunEvent* nearest = nullptr;
  double best = kNearPixels;
  for (const RunEvent& event : m_events) {
    const std::optional<double> x = chartX(event.epoch);
    if (!x) continue;
    const double distance = std::abs(*x - position.x());
    if (distance <= best) {
      best = distance;
      nearest = &event;
    }
  }
  return nearest;
}

}  // namespace nnlab
