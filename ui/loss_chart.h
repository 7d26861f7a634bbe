#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>
#include <optional>
#include <vector>

#include "loss_history.h"
#include "test_loss_trace.h"

class QLineSeries;
class QValueAxis;
class QLogValueAxis;
class QLabel;
class QAbstractAxis;

namespace nnlab {

struct TrainingSnapshot;

/// Training loss against epoch for the whole run: one replace() per frame from the snapshot's
/// decimated history, no animation. Linear or logarithmic y; hovering shows epoch and loss.
/// When the data has test rows, their loss is a second line, recorded from the snapshots shown.
class LossChart : public QChartView {
  Q_OBJECT

 public:
  explicit LossChart(QWidget* parent = nullptr);

  void showSnapshot(const TrainingSnapshot& snapshot);
  bool logScale() const { return m_logScale; }
  /// Points currently plotted (tests use it).
  int pointCount() const;
  /// Test-loss points currently plotted.
  int testPointCount() const;

 public slots:
  void setLogScale(bool on);

 protected:
  void mouseMoveEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void replot();
  void updateHoverLabel();
  QList<QPointF> plotPoints() const;
  QList<QPointF> testPlotPoints() const;
  void setEpochUnit(double lastEpoch);
  static double niceCeil(double value);
  static void setRangeIfChanged(QAbstractAxis* axis, double low, double high);
  void applyPalette();

  QLineSeries* m_series;
  QLineSeries* m_testSeries;
  QValueAxis* m_xAxis;
  QValueAxis* m_yLinear;
  QLogValueAxis* m_yLog;
  QLabel* m_hoverLabel;
  std::optional<QPointF> m_mouse;  ///< where the mouse is over the chart, while it is
  bool m_logScale = false;
  double m_epochUnit = 0.0;  // epochs per x-axis unit: 1, 1e3 or 1e6
  QString m_lossLabel;
  std::vector<HistoryPoint> m_history;
  TestLossTrace m_testTrace;
};

}  // namespace nnlab
