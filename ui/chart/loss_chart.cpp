#include "ui/chart/loss_chart.h"

#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/training_runner.h"
#include "ui/chart/log_axis_ticks.h"
#include "ui/output/colour_scale.h"

namespace nnlab {

namespace {

// The smallest loss a log axis shows: the smallest power of ten that is a normal double.
constexpr double kLogFloor = 1e-307;

}  // namespace

LossChart::LossChart(QWidget* parent)
    : QChartView(parent),
      m_series(new QLineSeries),
      m_testSeries(new QLineSeries),
      m_nonNumbers(new QScatterSeries),
      m_stopLine(new QLineSeries),
      m_smoothSeries(new QLineSeries),
      m_xAxis(new QValueAxis),
      m_xLog(new QLogValueAxis(this)),
      m_yLinear(new QValueAxis),
      // The axis not on the chart belongs to the view (removeAxis hands ownership back).
      m_yLog(new QLogValueAxis(this)),
      m_hoverLabel(new QLabel(this)) {
  auto* chart = new QChart;
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->hide();                        // shown once there is a test line to tell apart
  chart->legend()->setAlignment(Qt::AlignRight);  // the column is wider than it is tall
  m_series->setName(tr("train"));
  m_testSeries->setName(tr("test"));
  m_nonNumbers->setName(tr("not a number"));
  m_nonNumbers->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
  m_nonNumbers->setMarkerSize(10.0);
  chart->addSeries(m_series);
  chart->addSeries(m_testSeries);
  chart->addSeries(m_nonNumbers);
  m_stopLine->setName(tr("stop"));
  chart->addSeries(m_stopLine);
  m_smoothSeries->setName(tr("smoothed"));
  chart->addSeries(m_smoothSeries);
  m_xLog->setBase(10);
  m_xLog->setLabelFormat(QStringLiteral("%g"));
  m_xLog->setTitleText(tr("epoch"));
  m_xAxis->setLabelFormat(QStringLiteral("%g"));
  m_xAxis->setTickCount(5);
  m_yLinear->setTickCount(5);
  m_yLinear->setLabelFormat(QStringLiteral("%.3g"));
  m_yLog->setLabelFormat(QStringLiteral("%.0e"));  // "1e-03": short enough never to be cut
  m_yLog->setBase(10);
  chart->addAxis(m_xAxis, Qt::AlignBottom);
  chart->addAxis(m_yLinear, Qt::AlignLeft);
  for (QXYSeries* series : std::initializer_list<QXYSeries*>{m_series, m_testSeries, m_nonNumbers,
                                                             m_stopLine, m_smoothSeries}) {
    series->attachAxis(m_xAxis);
    series->attachAxis(m_yLinear);
  }
  chart->setMargins(QMargins(4, 4, 4, 4));
  // The view made a chart of its own, whose ownership setChart() hands back: delete it.
  QChart* placeholder = this->chart();
  setChart(chart);
  delete placeholder;
  setRenderHint(QPainter::Antialiasing);
  setMinimumSize(220, 155);  // the timeline bar under it takes ~25 px of the column
  // After the layout has settled, not inside it: the ticks may change the labels' widths.
  connect(chart, &QChart::plotAreaChanged, this, &LossChart::updateTicks, Qt::QueuedConnection);
  setMouseTracking(true);
  m_hoverLabel->setAttribute(Qt::WA_TransparentForMouseEvents);
  m_hoverLabel->hide();
  // Rich text, so that the tooltip wraps instead of running across the screen.
  setToolTip(
      QStringLiteral("<p>%1</p>")
          .arg(tr("The training loss after each epoch: how far the predictions are from "
                  "the targets. It should fall as the network learns. With test rows, "
                  "their loss is the dashed orange line: when it rises while the training loss "
                  "falls, the network overfits. Triangles along the top mark epochs whose "
                  "loss was not a number; a dotted line marks the epoch training stops at.")));
  applyPalette();
}

int LossChart::pointCount() const { return static_cast<int>(m_series->count()); }

int LossChart::testPointCount() const { return static_cast<int>(m_testSeries->count()); }

int LossChart::nonNumberCount() const { return static_cast<int>(m_nonNumbers->count()); }

QPen LossChart::trainPen() const { return m_series->pen(); }

QPen LossChart::testPen() const { return m_testSeries->pen(); }

void LossChart::showSnapshot(const TrainingSnapshot& snapshot) {
  const QString label =
      QString::fromUtf8(lossLabel(snapshot.settings.loss).data(),
                        static_cast<qsizetype>(lossLabel(snapshot.settings.loss).size()));
  if (label != m_lossLabel) {
    m_lossLabel = label;
    m_yLinear->setTitleText(label);
    m_yLog->setTitleText(label);
  }
  m_history = snapshot.history;
  m_stopEpoch = snapshot.stopConditions.maxEpochs;
  m_testHistory = snapshot.testHistory;
  if (snapshot.events != m_events) {
    m_events = snapshot.events;
    viewport()->update();
  }
  replot();
  checkSquashed();
}

void LossChart::setLogScale(bool on) {
  if (on == m_logScale) return;
  m_logScale = on;
  QAbstractAxis* from = on ? static_cast<QAbstractAxis*>(m_yLinear) : m_yLog;
  QAbstractAxis* to = on ? static_cast<QAbstractAxis*>(m_yLog) : m_yLinear;
  const std::initializer_list<QXYSeries*> all{m_series, m_testSeries, m_nonNumbers, m_stopLine,
                                              m_smoothSeries};
  for (QXYSeries* series : all) series->detachAxis(from);
  chart()->removeAxis(from);
  from->setParent(this);
  chart()->addAxis(to, Qt::AlignLeft);
  for (QXYSeries* series : all) series->attachAxis(to);
  applyPalette();
  replot();
}

void LossChart::replot() {
  const double lastEpoch = m_history.empty() ? 0.0 : static_cast<double>(m_history.back().epoch);
  // The stop epoch in range from the start: the seed's 1500 iterations are the whole chart.
  const double shownEnd =
      stopInRange(lastEpoch) ? std::max(lastEpoch, static_cast<double>(m_stopEpoch)) : lastEpoch;
  setEpochUnit(m_logX ? 0.0 : shownEnd);
  m_right = niceCeil(std::max(shownEnd, 10.0) / m_epochUnit);
  const QList<QPointF> points = forXAxis(plotPoints());
  const QList<QPointF> testPoints = forXAxis(testPlotPoints());
  m_low = std::numeric_limits<double>::infinity();
  m_high = 0.0;
  for (const QList<QPointF>* line : {&points, &testPoints}) {
    for (const QPointF& point : *line) {
      m_low = std::min(m_low, point.y());
      m_high = std::max(m_high, point.y());
    }
  }
  if (points.isEmpty() && testPoints.isEmpty()) {
    m_low = 1e-3;
    m_high = 1.0;
  }
  // Ranges move in "nice" jumps: every range change re-lays the chart out, which costs far
  // more than replacing the points.
  const auto [left, right] = axisRange();
  setRangeIfChanged(xAxis(), left, right);
  updateTicks();
  m_series->replace(points);
  m_testSeries->replace(testPoints);
  m_smoothSeries->replace(m_smoothing > 0.0 ? forXAxis(smoothPoints()) : QList<QPointF>());
  if (m_hoverLabel->isVisible()) updateHoverLabel();
}

void LossChart::updateTicks() {
  // About one x label per 70 px, so labels never run into each other in a narrow panel, and
  // a count that divides the range into round steps ("16.6667" is no label).
  const QRectF plot = chart()->plotArea();
  const int room = std::clamp(static_cast<int>(plot.width() / 70.0) + 1, 2, 6);
  const double leading = m_right / std::pow(10.0, std::floor(std::log10(m_right)));
  static const std::vector<int> kOnes{6, 5, 3, 2}, kTwos{5, 3, 2}, kFives{6, 3, 2};
  const std::vector<int>& counts = std::abs(leading - 2.0) < 1e-9   ? kTwos
                                   : std::abs(leading - 5.0) < 1e-9 ? kFives
                                                                    : kOnes;
  int ticks = 2;
  for (const int count : counts) {
    if (count <= room) {
      ticks = count;
      break;
    }
  }
  if (m_zoom) ticks = std::clamp(room, 2, 5);  // a zoomed range is not a round one
  if (m_xAxis->tickCount() != ticks) m_xAxis->setTickCount(ticks);
  if (m_logScale) {
    // A label needs about 24 px of height; the labels are whole decades or round steps of them.
    const int labels = std::clamp(static_cast<int>(plot.height() / 24.0), 3, 8);
    const LogAxisTicks log = chooseLogTicks(m_low, m_high, labels);
    if (m_yLog->base() != log.base()) m_yLog->setBase(log.base());
    // A hair beyond the decades: the axis finds its first tick as ceil(log(min) / log(base)),
    // and log10(1e-3) may come out a rounding error above −3, which would lose that tick.
    setRangeIfChanged(m_yLog, std::pow(10.0, log.low) * (1.0 - 1e-9),
                      std::pow(10.0, log.high) * (1.0 + 1e-9));
  } else {
    const double top = niceCeil(m_high > 0 ? m_high * 1.02 : 1.0);
    // Ticks at round steps (top is 1, 2 or 5 × 10^k): labels such as "3.75e+04" are wider
    // than the axis makes room for and get cut to "3.75e+…".
    const double mantissa = top / std::pow(10.0, std::floor(std::log10(top)));
    // A short plot (1024×700 with the timeline under it) gets 3: 0, top/2, top, still round;
    // more would not fit their labels and show as "…".
    const int yTicks = plot.height() < 120 ? 3 : std::abs(mantissa - 2.0) < 1e-9 ? 5 : 6;
    if (m_yLinear->tickCount() != yTicks) m_yLinear->setTickCount(yTicks);
    setRangeIfChanged(m_yLinear, 0.0, top);
  }
  const double top = m_logScale ? m_yLog->max() : m_yLinear->max();
  const double bottom = m_logScale ? m_yLog->min() : m_yLinear->min();
  m_nonNumbers->replace(forXAxis(nonNumberPoints(top)));
  const double lastEpoch = m_history.empty() ? 0.0 : static_cast<double>(m_history.back().epoch);
  QList<QPointF> stop;
  if (stopInRange(lastEpoch)) {
    const double x = static_cast<double>(m_stopEpoch) / m_epochUnit;
    stop = forXAxis({QPointF(x, bottom), QPointF(x, top)});
  }
  m_stopLine->replace(stop);
  const QList<QLegendMarker*> markers = chart()->legend()->markers(m_nonNumbers);
  for (QLegendMarker* marker : markers) marker->setVisible(m_nonNumbers->count() > 0);
  for (QLegendMarker* marker : chart()->legend()->markers(m_stopLine)) marker->setVisible(false);
  for (QLegendMarker* marker : chart()->legend()->markers(m_smoothSeries))
    marker->setVisible(m_smoothing > 0.0);
  const bool legend = !m_testHistory.empty() || m_nonNumbers->count() > 0 || m_smoothing > 0.0;
  if (chart()->legend()->isVisible() != legend) chart()->legend()->setVisible(legend);
}

bool LossChart::stopInRange(double lastEpoch) const {
  return m_stopEpoch > 0 && static_cast<double>(m_stopEpoch) <= std::max(10.0 * lastEpoch, 2000.0);
}

QList<QPointF> LossChart::nonNumberPoints(double top) const {
  QList<QPointF> marks;
  for (const HistoryPoint& point : m_history) {
    if (!std::isfinite(point.loss) || !std::isfinite(point.min) || !std::isfinite(point.max))
      marks.append(QPointF(static_cast<double>(point.epoch) / m_epochUnit, top));
  }
  return marks;
}

QList<QPointF> LossChart::testPlotPoints() const {
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(m_testHistory.size()));
  for (const TestLossPoint& point : m_testHistory) {  // finite: the history keeps no others
    if (m_logScale && !(point.loss > 0.0)) continue;  // a log axis cannot show them
    const double y = m_logScale ? std::max(point.loss, kLogFloor) : point.loss;
    points.append(QPointF(static_cast<double>(point.epoch) / m_epochUnit, y));
  }
  return points;
}

QList<QPointF> LossChart::plotPoints() const {
  // At most about two points per pixel column: the min and the max of each bucket, so
  // spikes and dips stay visible while replace() stays cheap.
  const int buckets = std::max(100, static_cast<int>(chart()->plotArea().width()));
  const size_t count = m_history.size();
  const size_t perBucket = std::max<size_t>(1, (count + buckets - 1) / buckets);
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(2 * buckets + 2));
  struct Extreme {
    double loss;
    size_t index;  // which history point holds it, to keep the two in epoch order
  };
  // A log axis cannot show zero: a loss that reaches exactly 0 is drawn at the smallest
  // positive loss there is, so the curve stays on the chart.
  double smallest = std::numeric_limits<double>::infinity();
  if (m_logScale) {
    for (const HistoryPoint& point : m_history)
      for (double v : {point.min, point.max})
        if (std::isfinite(v) && v > 0.0) smallest = std::min(smallest, v);
    if (!std::isfinite(smallest)) smallest = 1e-12;
  }
  const auto shown = [&](double v) {
    return m_logScale ? std::max(v <= 0.0 ? smallest : v, kLogFloor) : v;
  };
  for (size_t begin = 0; begin < count; begin += perBucket) {
    const size_t end = std::min(count, begin + perBucket);
    std::optional<Extreme> lowest, highest;
    for (size_t i = begin; i < end; ++i) {
      // Each history point already merges many epochs: its min and max keep their spikes.
      const HistoryPoint& point = m_history[i];
      const double low = shown(point.min);
      const double high = shown(point.max);
      if (std::isfinite(low) && (!lowest || low < lowest->loss)) lowest = Extreme{low, i};
      if (std::isfinite(high) && (!highest || high > highest->loss)) highest = Extreme{high, i};
    }
    if (!lowest || !highest) continue;
    const auto add = [&](const Extreme& extreme) {
      const double epoch = static_cast<double>(m_history[extreme.index].epoch);
      points.append(QPointF(epoch / m_epochUnit, extreme.loss));
    };
    // Within one history point the max is taken to come first: losses mostly fall.
    const bool maxFirst = highest->index <= lowest->index;
    add(maxFirst ? *highest : *lowest);
    if (lowest->loss != highest->loss || lowest->index != highest->index) {
      add(maxFirst ? *lowest : *highest);
    }
  }
  return points;
}

// 0 (log-x): whole epochs, the log axis labels them itself.
void LossChart::setEpochUnit(double lastEpoch) {
  const double unit = lastEpoch < 1e4 ? 1.0 : lastEpoch < 1e7 ? 1e3 : 1e6;
  if (unit == m_epochUnit) return;
  m_epochUnit = unit;
  m_xAxis->setTitleText(unit == 1.0   ? tr("epoch")
                        : unit == 1e3 ? tr("epoch ×1000")
                                      : tr("epoch ×10⁶"));
}

double LossChart::niceCeil(double value) {
  if (!(value > 0) || !std::isfinite(value)) return 1.0;
  const double decade = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 5.0, 10.0})
    if (step * decade >= value * (1 - 1e-12)) return step * decade;
  return 10.0 * decade;
}

void LossChart::setRangeIfChanged(QAbstractAxis* axis, double low, double high) {
  if (auto* linear = qobject_cast<QValueAxis*>(axis)) {
    if (linear->min() != low || linear->max() != high) linear->setRange(low, high);
  } else if (auto* log = qobject_cast<QLogValueAxis*>(axis)) {
    if (log->min() != low || log->max() != high) log->setRange(low, high);
  }
}

}  // namespace nnlab
