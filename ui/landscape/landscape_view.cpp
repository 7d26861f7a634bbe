#include "ui/landscape/landscape_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <array>
#include <cmath>

namespace nnlab {

namespace {

constexpr int kContours = 12;
constexpr double kPickDistancePx = 7.0;

/// A perceptually even sequential scale (viridis' ends and middle): low loss dark, high light.
QColor sequential(double t) {
  static const std::array<QColor, 5> stops{QColor(0x44, 0x01, 0x54), QColor(0x3b, 0x52, 0x8b),
                                           QColor(0x21, 0x90, 0x8d), QColor(0x5d, 0xc9, 0x63),
                                           QColor(0xfd, 0xe7, 0x25)};
  const double x = std::clamp(t, 0.0, 1.0) * (stops.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(x), stops.size() - 2);
  const double f = x - static_cast<double>(i);
  const auto mix = [f](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * f)); };
  return QColor(mix(stops[i].red(), stops[i + 1].red()),
                mix(stops[i].green(), stops[i + 1].green()),
                mix(stops[i].blue(), stops[i + 1].blue()));
}

}  // namespace

LandscapeView::LandscapeView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

double LandscapeView::level(double loss) {
  return std::isfinite(loss) ? std::log10(std::max(loss, 1e-12)) : 12.0;
}

void LandscapeView::setLandscape(LossGrid grid, std::vector<QPointF> path,
                                 std::vector<long long> epochs, double firstShare,
                                 double secondShare) {
  m_grid = std::move(grid);
  m_path = std::move(path);
  m_epochs = std::move(epochs);
  m_firstShare = firstShare;
  m_secondShare = secondShare;
  m_cursor.reset();
  render();
  update();
}

void LandscapeView::clear() {
  m_grid = LossGrid{};
  m_grid.resolution = 0;
  m_path.clear();
  m_epochs.clear();
  m_image = QImage();
  m_cursor.reset();
  m_current.reset();
  update();
}

void LandscapeView::setCurrent(std::optional<QPointF> point) {
  if (point == m_current) return;
  m_current = point;
  update();
}

void LandscapeView::setCursorEpoch(long long epoch) {
  std::optional<int> index;
  for (int i = 0; i < static_cast<int>(m_epochs.size()) && m_epochs[i] <= epoch; ++i) index = i;
  m_cursor = index;
  update();
}

void LandscapeView::render() {
  const int n = m_grid.resolution;
  if (n < 2) return;
  m_low = m_high = level(m_grid.values.front());
  for (const double v : m_grid.values) {
    m_low = std::min(m_low, level(v));
    m_high = std::max(m_high, level(v));
  }
  m_image = QImage(n, n, QImage::Format_RGB32);
  const double span = std::max(m_high - m_low, 1e-12);
  for (int row = 0; row < n; ++row)  // image row 0 is the top: the grid's last row
    for (int column = 0; column < n; ++column)
      m_image.setPixelColor(column, n - 1 - row,
                            sequential((level(m_grid.at(row, column)) - m_low) / span));
}

QRectF LandscapeView::plotArea() const {
  const QFontMetrics metrics = fontMetrics();
  const QRectF all =
      QRectF(contentsRect()).adjusted(metrics.height() + 6, 4, -4, -(metrics.height() + 6));
  const double side = std::max(std::min(all.width(), all.height()), 10.0);
  return {all.center().x() - side / 2.0, all.center().y() - side / 2.0, side, side};
}

QPointF LandscapeView::toWidget(const QPointF& plane) const {
  const QRectF plot = plotArea();
  return {
      plot.left() + (plane.x() - m_grid.left) / (m_grid.right - m_grid.left) * plot.width(),
      plot.bottom() - (plane.y() - m_grid.bottom) / (m_grid.top - m_grid.bottom) * plot.height()};
}

QPointF LandscapeView::toPlane(const QPointF& position) const {
  const QRectF plot = plotArea();
  return {m_grid.left + (position.x() - plot.left()) / plot.width() * (m_grid.right - m_grid.left),
          m_grid.bottom +
              (plot.bottom() - position.y()) / plot.height() * (m_grid.top - m_grid.bottom)};
}

std::vector<double> LandscapeView::contourLevels() const {
  std::vector<double> levels;
  if (!hasLandscape() || m_high - m_low < 1e-9) return levels;
  for (int k = 1; k <= kContours; ++k)
    levels.push_back(std::pow(10.0, m_low + (m_high - m_low) * k / (kContours + 1)));
  return levels;
}

void LandscapeView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QRectF plot = plotArea();
  if (!hasLandscape()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Train a while, then compute the landscape of the run."));
    return;
  }
  // Pixel centres on the grid's nodes: the image reaches half a cell past the square.
  const double cell = plot.width() / (m_grid.resolution - 1);
  painter.save();
  painter.setClipRect(plot);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.drawImage(plot.adjusted(-cell / 2, -cell / 2, cell / 2, cell / 2), m_image);
  painter.setRenderHint(QPainter::Antialiasing);
  paintContours(painter);
  paintPath(painter);
  painter.restore();
  paintAxes(painter, plot);
}

void LandscapeView::paintContours(QPainter& painter) const {
  // Marching squares on log-loss: each cell's edges crossed by a level join up in pairs.
  const int n = m_grid.resolution;
  painter.setPen(QPen(QColor(255, 255, 255, 110), 1.0));
  for (const double loss : contourLevels()) {
    const double c = level(loss);
    for (int row = 0; row + 1 < n; ++row) {
      for (int column = 0; column + 1 < n; ++column) {
        const std::array<QPointF, 4> corner{QPointF(m_grid.a(column), m_grid.b(row)),
                                            QPointF(m_grid.a(column + 1), m_grid.b(row)),
                                            QPointF(m_grid.a(column + 1), m_grid.b(row + 1)),
                                            QPointF(m_grid.a(column), m_grid.b(row + 1))};
        const std::array<double, 4> v{
            level(m_grid.at(row, column)), level(m_grid.at(row, column + 1)),
            level(m_grid.at(row + 1, column + 1)), level(m_grid.at(row + 1, column))};
        std::vector<QPointF> crossings;
        for (int e = 0; e < 4; ++e) {
          const double v0 = v[e], v1 = v[(e + 1) % 4];
          if ((v0 < c) == (v1 < c)) continue;
          const double t = (c - v0) / (v1 - v0);
          crossings.push_back(toWidget(corner[e] + t * (corner[(e + 1) % 4] - corner[e])));
        }
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2)
          painter.drawLine(crossings[k], crossings[k + 1]);
      }
    }
  }
}

void LandscapeView::paintPath(QPainter& painter) const {
  if (m_path.empty()) return;
  QPainterPath line;
  line.moveTo(toWidget(m_path.front()));
  for (const QPointF& p : m_path) line.lineTo(toWidget(p));
  painter.setBrush(Qt::NoBrush);
  painter.setPen(QPen(QColor(0, 0, 0, 160), 3.0));
  painter.drawPath(line);
  painter.setPen(QPen(Qt::white, 1.5));
  painter.drawPath(line);
  painter.setPen(QPen(Qt::black, 1.0));
  painter.setBrush(Qt::white);
  painter.drawEllipse(toWidget(m_path.front()), 4.0, 4.0);  // the start
  painter.setBrush(QColor(0xd6, 0x27, 0x28));
  painter.drawEllipse(toWidget(m_path.back()), 4.0, 4.0);  // the last record
  if (m_cursor) {
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0xff, 0x7f, 0x0e), 2.5));
    painter.drawEllipse(toWidget(m_path[static_cast<std::size_t>(*m_cursor)]), 7.0, 7.0);
  }
  if (m_current) {
    const QPointF c = toWidget(*m_current);
    painter.setPen(QPen(Qt::black, 3.0));
    painter.drawLine(c + QPointF(-6, -6), c + QPointF(6, 6));
    painter.drawLine(c + QPointF(-6, 6), c + QPointF(6, -6));
    painter.setPen(QPen(Qt::white, 1.5));
    painter.drawLine(c + QPointF(-6, -6), c + QPointF(6, 6));
    painter.drawLine(c + QPointF(-6, 6), c + QPointF(6, -6));
  }
}

void LandscapeView::paintAxes(QPainter& painter, const QRectF& plot) const {
  painter.setPen(palette().color(QPalette::WindowText));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(plot);
  const QFontMetrics metrics = fontMetrics();
  const QString x =
      tr("direction 1 (%1% of the path's variance)").arg(100.0 * m_firstShare, 0, 'f', 0);
  const QString y = tr("direction 2 (%1%)").arg(100.0 * m_secondShare, 0, 'f', 0);
  painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), metrics.height() + 2),
                   Qt::AlignHCenter | Qt::AlignTop, x);
  painter.save();
  painter.translate(plot.left() - 4, plot.center().y());
  painter.rotate(-90);
  painter.drawText(
      QRectF(-plot.height() / 2, -metrics.height() - 2, plot.height(), metrics.height() + 2),
      Qt::AlignHCenter | Qt::AlignBottom, y);
  painter.restore();
}

std::optional<int> LandscapeView::pathPointNear(const QPointF& position) const {
  std::optional<int> best;
  double bestDistance = kPickDistancePx;
  for (int i = 0; i < static_cast<int>(m_path.size()); ++i) {
    const QPointF d = toWidget(m_path[static_cast<std::size_t>(i)]) - position;
    const double distance = std::hypot(d.x(), d.y());
    if (distance <= bestDistance) bestDistance = distance, best = i;
  }
  return best;
}

void LandscapeView::mousePressEvent(QMouseEvent* event) {
  if (!hasLandscape() || event->button() != Qt::LeftButton ||
      !plotArea().contains(event->position())) {
    QWidget::mousePressEvent(event);
    return;
  }
  if (const auto index = pathPointNear(event->position())) {
    m_cursor = index;
    update();
    emit epochPicked(m_epochs[static_cast<std::size_t>(*index)]);
    return;
  }
  emit pointClicked(toPlane(event->position()));
}

bool LandscapeView::event(QEvent* event) {
  if (event->type() != QEvent::ToolTip || !hasLandscape()) return QWidget::event(event);
  const auto* help = static_cast<QHelpEvent*>(event);
  if (!plotArea().contains(help->pos())) {
    QToolTip::hideText();
    return true;
  }
  if (const auto index = pathPointNear(help->pos())) {
    QToolTip::showText(help->globalPos(),
                       tr("Epoch %1 of the run: click to show it.")
                           .arg(m_epochs[static_cast<std::size_t>(*index)]),
                       this);
    return true;
  }
  const QPointF p = toPlane(help->pos());
  const auto node = [&](double value, double low, double high) {
    return std::clamp(
        static_cast<int>(std::lround((value - low) / (high - low) * (m_grid.resolution - 1))), 0,
        m_grid.resolution - 1);
  };
  const double loss =
      m_grid.at(node(p.y(), m_grid.bottom, m_grid.top), node(p.x(), m_grid.left, m_grid.right));
  QToolTip::showText(help->globalPos(),
                     tr("Loss here about %1. Click to set the weights to this point and train on "
                        "from it (Ctrl+Z undoes).")
                         .arg(loss, 0, 'g', 4),
                     this);
  return true;
}

}  // namespace nnlab
