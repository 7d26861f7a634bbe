#pragma once

#include <QChartView>
#include <QList>
#include <QPen>
#include <QPointF>
#include <optional>
#include <vector>

#include "core/loss_history.h"
#include "core/run_event.h"
#include "core/test_loss_history.h"

class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QLogValueAxis;
class QLabel;
class QAbstractAxis;
class QRubberBand;

namespace nnlab {

struct TrainingSnapshot;

/// Training loss against epoch for the whole run: one replace() per frame from the snapshot's
/// decimated history, no animation. Linear or logarithmic y; hovering shows epoch and loss.
/// When the data has test rows, their loss is a second line, recorded from the snapshots shown.
/// Losses that are not numbers (NaN, ±inf) are left out of the lines and marked by triangles
/// along the top edge at their epochs. The run's events (a new learning rate, settings or data,
/// a divergence, a restore of the best weights) are dashed markers that say what happened when
/// hovered.
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
  /// Epochs marked as having a loss that is not a number (tests use it).
  int nonNumberCount() const;
  /// The pens of the training and the test line (tests check they stay apart).
  QPen trainPen() const;
  QPen testPen() const;
  /// The epoch the timeline shows, drawn as a vertical line; nullopt (live): none.
  void setCursorEpoch(std::optional<long long> epoch);
  std::optional<long long> cursorEpoch() const { return m_cursorEpoch; }
  /// Where the cursor line is drawn, in view coordinates (tests press and drag there).
  QPoint positionOfEpoch(long long epoch) const;
  bool logX() const { return m_logX; }
  /// The EMA weight of the smoothed line (0: none; TensorBoard's slider).
  double smoothing() const { return m_smoothing; }
  /// Whether the wheel or a band zoomed the epoch axis, and its range in epochs now.
  bool zoomed() const { return m_zoom.has_value(); }
  std::pair<double, double> epochRange() const;
  /// Points of the smoothed line (tests use it).
  int smoothPointCount() const;
  /// The run's events drawn as markers in the epochs shown now (tests use it).
  std::vector<RunEvent> visibleEvents() const;
  /// What a marker says when hovered: "epoch 100: learning rate 1 → 0.5".
  static QString eventText(const RunEvent& event);

 public slots:
  void setLogScale(bool on);
  /// Epochs on a logarithmic axis: the first few epochs, where most learning happens, get as
  /// much room as the long tail.
  void setLogX(bool on);
  /// Draws an exponential moving average of the loss over a faint raw line; 0 turns it off.
  void setSmoothing(double weight);
  /// Back to the whole run (double-click does it too).
  void resetZoom();
  /// The user chose the epoch axis (a reopened session holds the choice): learningSquashed()
  /// is not emitted for this run.
  void keepLogXChoice() { m_squashSaid = m_logXChosen = true; }

 signals:
  /// The user pressed or dragged on the plot at `epoch`: the timeline should show it.
  void epochPicked(long long epoch);
  /// A long run learned all it learned in its first 1 % of epochs, a spike at the left edge of a
  /// linear epoch axis: the window turns Log x on (once a run; the user may turn it off again).
  void learningSquashed();

 protected:
  void mouseMoveEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  void wheelEvent(QWheelEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void replot();
  /// Tick counts for the plot area's size: called on every replot, and when the plot area
  /// changes (a resize, the window's first layout) so the axes fit at once, not next frame.
  void updateTicks();
  void updateHoverLabel();
  QList<QPointF> plotPoints() const;
  QList<QPointF> testPlotPoints() const;
  QList<QPointF> nonNumberPoints(double top) const;
  /// Whether the stop epoch is near enough to be in the x range (not a stop far ahead that
  /// would squash the curve into the left edge).
  bool stopInRange(double lastEpoch) const;
  void setEpochUnit(double lastEpoch);
  static double niceCeil(double value);
  static void setRangeIfChanged(QAbstractAxis* axis, double low, double high);
  void applyPalette();
  /// Zooms the epoch axis to [low, high] epochs (clamped to the run); the whole run resets.
  void zoomTo(double low, double high);
  /// The epoch axis's range, in axis units, with zoom and log-x applied.
  std::pair<double, double> axisRange() const;
  /// Drops what a log epoch axis cannot show (epoch 0).
  QList<QPointF> forXAxis(QList<QPointF> points) const;
  QList<QPointF> smoothPoints() const;
  /// Whether 99 % of the loss's fall happened in the first 1 % of a run of 10⁴ epochs or more.
  bool learningIsSquashed() const;
  void checkSquashed();
  QAbstractAxis* xAxis() const;
  double anyY() const;
  /// The epoch under a view position, within the run's range.
  long long epochAtPosition(const QPointF& position) const;
  /// An epoch's x in chart coordinates; nullopt outside the plot.
  std::optional<double> chartX(long long epoch) const;
  void drawEvents(QPainter* painter) const;
  /// The event whose marker is within a few pixels of a chart position, if any.
  const RunEvent* eventNear(const QPointF& position) const;

  QLineSeries* m_series;
  QLineSeries* m_testSeries;
  QScatterSeries* m_nonNumbers;
  QLineSeries* m_stopLine;      ///< a vertical line at the epoch training stops at, when set
  QLineSeries* m_smoothSeries;  ///< the EMA of the loss, when smoothing is on
  QValueAxis* m_xAxis;
  QLogValueAxis* m_xLog;
  QValueAxis* m_yLinear;
  QLogValueAxis* m_yLog;
  QLabel* m_hoverLabel;
  std::optional<QPointF> m_mouse;  ///< where the mouse is over the chart, while it is
  std::optional<long long> m_cursorEpoch;
  bool m_dragging = false;  ///< the left button went down on the plot and is still down
  QRubberBand* m_band = nullptr;
  std::optional<QPoint> m_bandOrigin;  ///< where a right-button band began
  bool m_logX = false;
  bool m_squashSaid = false;  ///< learningSquashed() was emitted for this run
  bool m_logXChosen = false;  ///< keepLogXChoice(): never emitted in this window
  double m_smoothing = 0.0;
  std::optional<std::pair<double, double>> m_zoom;  ///< the epochs shown, when zoomed
  bool m_logScale = false;
  double m_epochUnit = 0.0;  // epochs per x-axis unit: 1, 1e3 or 1e6
  double m_right = 10.0;     // the x axis's end, in epoch units
  double m_low = 1e-3;       // the smallest and largest finite loss plotted (log scale: > 0)
  double m_high = 1.0;
  long long m_stopEpoch = 0;  // where training stops by itself; 0: never
  QString m_lossLabel;
  std::vector<HistoryPoint> m_history;
  std::vector<TestLossPoint> m_testHistory;  ///< the snapshot's, kept by the runner
  std::vector<RunEvent> m_events;            ///< the snapshot's: markers on the plot
};

}  // namespace nnlab
