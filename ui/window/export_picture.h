#pragma once

#include <QImage>
#include <QSize>
#include <QString>

class QPainter;
class QWidget;

namespace nnlab {

/// A view as an exported picture: a title line over it and, under it, its key (the graph's
/// colour legend), as on screen. Views that are QGraphicsViews (the graph, the chart) draw their
/// scene, so an SVG keeps every line, axis and label as vectors; the key draws itself.
class ExportPicture {
 public:
  /// `body` and `footer` must outlive the picture; `footer` may be null.
  ExportPicture(QString title, QWidget& body, QWidget* footer = nullptr);

  /// The whole picture, in pixels at scale 1.
  QSize size() const;
  /// Paints the picture with its top-left at the painter's origin (background included).
  void paint(QPainter& painter) const;
  /// The picture at `scale` (the screen's device pixel ratio, for a sharp PNG).
  QImage image(double scale = 1.0) const;

 private:
  QSize bodySize() const;
  int titleHeight() const;

  QString m_title;
  QWidget& m_body;
  QWidget* m_footer;
};

}  // namespace nnlab
