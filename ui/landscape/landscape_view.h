#pragma once

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QWidget>
#include <optional>
#include <vector>

#include "core/landscape.h"

namespace nnlab {

/// The loss over a plane of parameter space (see LandscapePlane) as a colour map with contour
/// lines, the run's path on it, a ring at the cursor's epoch and a cross at the weights shown
/// now. Clicking the plane asks for the weights there; clicking a point of the path picks its
/// epoch.
class LandscapeView : public QWidget {
  Q_OBJECT

 public:
  explicit LandscapeView(QWidget* parent = nullptr);

  /// A new landscape: the grid, and the path's points (plane coordinates) with their epochs.
  void setLandscape(LossGrid grid, std::vector<QPointF> path, std::vector<long long> epochs,
                    double firstShare, double secondShare);
  void clear();
  bool hasLandscape() const { return m_grid.resolution > 0; }
  /// Where the weights shown now lie on the plane (nullopt: not drawn).
  void setCurrent(std::optional<QPointF> point);

  const LossGrid& grid() const { return m_grid; }
  const std::vector<QPointF>& path() const { return m_path; }
  const std::vector<long long>& epochs() const { return m_epochs; }
  /// The path point the cursor marks (index into path()), nullopt when none.
  std::optional<int> cursorIndex() const { return m_cursor; }
  /// The square drawn, in widget coordinates; plane coordinates to widget and back.
  QRectF plotArea() const;
  QPointF toWidget(const QPointF& plane) const;
  QPointF toPlane(const QPointF& position) const;
  /// Loss levels the contour lines are drawn at.
  std::vector<double> contourLevels() const;

  QSize minimumSizeHint() const override { return {200, 200}; }
  QSize sizeHint() const override { return {420, 420}; }

 public slots:
  /// Marks the path point of `epoch`: the last recorded at or before it.
  void setCursorEpoch(long long epoch);

 signals:
  /// The user clicked the plane at plane coordinates `point` (not on the path).
  void pointClicked(QPointF point);
  /// The user clicked the path's point of `epoch`.
  void epochPicked(long long epoch);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;

 private:
  void render();
  void paintContours(QPainter& painter) const;
  void paintPath(QPainter& painter) const;
  void paintAxes(QPainter& painter, const QRectF& plot) const;
  /// log₁₀ of a loss, clamped away from 0, as the colours and contours use it.
  static double level(double loss);
  std::optional<int> pathPointNear(const QPointF& position) const;

  LossGrid m_grid;
  std::vector<QPointF> m_path;
  std::vector<long long> m_epochs;
  double m_firstShare = 0.0, m_secondShare = 0.0;
  double m_low = 0.0, m_high = 1.0;  ///< level() range of the grid
  QImage m_image;
  std::optional<QPointF> m_current;
  std::optional<int> m_cursor;
};

}  // namespace nnlab
