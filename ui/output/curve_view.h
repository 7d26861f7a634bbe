#pragma once

#include <QPointF>
#include <QRectF>
#include <QWidget>
#include <memory>
#include <vector>

#include "core/curve_samples.h"
#include "core/dataset.h"

namespace nnlab {

struct TrainingSnapshot;

/// The 1-D analogue of the decision map, for data with one input and one output: the targets as
/// points (training rows filled, test rows as rings) and the network's output as a curve over
/// the input range; under it, one small curve per unit of the first hidden layer, its output or
/// (with one hidden layer) its contribution a·w to the output's sum, so that one sees the fit
/// built from a sum of sigmoids. Draws only from the snapshot it is given.
class CurveView : public QWidget {
  Q_OBJECT

 public:
  explicit CurveView(QWidget* parent = nullptr);

  /// True when `snapshot` can be drawn as a curve (its network has 1 input and 1 output).
  static bool applies(const TrainingSnapshot& snapshot);
  /// Shows the snapshot's network over its data; ignored unless applies().
  void showSnapshot(const TrainingSnapshot& snapshot);

  /// The curve as last computed: raw input → output, evenly spaced over domain()'s width.
  const CurveSamples& samples() const { return m_samples; }
  /// x from left to right, y (output) from top() (smallest) to bottom() (largest).
  QRectF domain() const { return m_domain; }
  /// Whether the small curves show each unit's contribution a·w (else its output a).
  bool contributions() const { return m_contributions; }
  /// Whether contributions can be shown (the network has exactly one hidden layer).
  bool contributionsAvailable() const { return m_samples.contributions.size() > 0; }
  int unitCount() const { return static_cast<int>(m_samples.hidden.cols()); }

  /// The main plot's rectangle, and a point of it (input, output) in widget coordinates.
  QRectF plotArea() const;
  QPointF toWidget(const QPointF& value) const;
  /// The small plot of hidden unit `unit` (from 0), in widget coordinates.
  QRectF unitArea(int unit) const;
  /// Where unit `unit`'s small curve passes through raw input `x` with value `value`.
  QPointF toUnitWidget(int unit, double x, double value) const;

  QSize minimumSizeHint() const override { return {200, 160}; }
  QSize sizeHint() const override { return {320, 300}; }

 public slots:
  void setContributions(bool on);

 signals:
  /// The network now can (or cannot) show contributions.
  void contributionsAvailableChanged(bool available);

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;

 private:
  void updateDomain();
  /// The small curves' value range: each unit's own for outputs, one shared for contributions.
  std::pair<double, double> unitRange(int unit) const;
  /// Columns and rows of the small plots' grid.
  std::pair<int, int> unitGrid() const;
  QRectF unitsArea() const;
  QColor unitColour(int unit) const;
  void paintAxes(QPainter& painter, const QRectF& plot) const;
  void paintTargets(QPainter& painter, const QRectF& plot) const;
  void paintCurve(QPainter& painter, const QRectF& plot) const;
  void paintUnits(QPainter& painter) const;

  CurveSamples m_samples;
  Network m_network;
  std::shared_ptr<const Dataset> m_dataset;
  double m_low = -1.0, m_high = 1.0;  ///< the input range sampled
  QRectF m_domain{-1.0, -1.0, 2.0, 2.0};
  bool m_contributions = false;
};

}  // namespace nnlab
