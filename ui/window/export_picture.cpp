#include "ui/window/export_picture.h"

#include <QFontMetrics>
#include <QGraphicsView>
#include <QPainter>
#include <QWidget>
#include <algorithm>

namespace nnlab {

namespace {

constexpr int kMargin = 8;

QFont titleFont(const QWidget& widget) {
  QFont font = widget.font();
  font.setBold(true);
  return font;
}

}  // namespace

ExportPicture::ExportPicture(QString title, QWidget& body, QWidget* footer)
    : m_title(std::move(title)), m_body(body), m_footer(footer) {}

QSize ExportPicture::bodySize() const {
  // What is drawn on screen: a graphics view's viewport, without its scroll bars.
  if (auto* view = qobject_cast<QGraphicsView*>(&m_body)) return view->viewport()->size();
  return m_body.size();
}

int ExportPicture::titleHeight() const {
  return m_title.isEmpty() ? 0 : QFontMetrics(titleFont(m_body)).height() + kMargin;
}

QSize ExportPicture::size() const {
  const QSize body = bodySize();
  const int footerWidth = m_footer ? m_footer->width() : 0;
  const int footerHeight = m_footer ? m_footer->height() + kMargin : 0;
  return QSize(std::max(body.width(), footerWidth) + 2 * kMargin,
               kMargin + titleHeight() + body.height() + footerHeight + kMargin);
}

void ExportPicture::paint(QPainter& painter) const {
  const QSize whole = size();
  painter.fillRect(QRect(QPoint(0, 0), whole), m_body.palette().color(QPalette::Base));
  int y = kMargin;
  if (!m_title.isEmpty()) {
    painter.setFont(titleFont(m_body));
    painter.setPen(m_body.palette().color(QPalette::Text));
    painter.drawText(QRect(kMargin, y, whole.width() - 2 * kMargin, titleHeight() - kMargin),
                     Qt::AlignLeft | Qt::AlignVCenter, m_title);
    y += titleHeight();
  }
  const QSize body = bodySize();
  if (auto* view = qobject_cast<QGraphicsView*>(&m_body)) {
    view->render(&painter, QRectF(QPointF(kMargin, y), QSizeF(body)), view->viewport()->rect());
  } else {
    m_body.render(&painter, QPoint(kMargin, y), QRegion(), QWidget::DrawChildren);
  }
  y += body.height() + kMargin;
  if (m_footer) m_footer->render(&painter, QPoint(kMargin, y), QRegion(), QWidget::DrawChildren);
}

QImage ExportPicture::image(double scale) const {
  const QSize pixels = size() * scale;
  QImage picture(pixels, QImage::Format_ARGB32_Premultiplied);
  picture.setDevicePixelRatio(scale);
  picture.fill(Qt::transparent);
  QPainter painter(&picture);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  paint(painter);
  return picture;
}

}  // namespace nnlab
