#include "ui/output/decision_map_view.h"

#include <QElapsedTimer>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/training_runner.h"
#include "ui/output/colour_scale.h"

namespace nnlab {

namespace {

constexpr int kMinResolution = 16;
constexpr int kMaxResolution = 96;
constexpr double kBudgetMs = 4.0;         // one map computation at most
constexpr double kPickDistancePx = 24.0;  // how near a Ctrl-click must be to a sample
constexpr double kMapOpacity = 0.6;       // of the map over the scale's grey

bool sameParameters(const Network& a, const Network& b) {
  if (a.inputs() != b.inputs() || !a.sameShape(b)) return false;
  for (int l = 0; l < a.layerCount(); ++l) {
    if (a.layer(l).weights != b.layer(l).weights || a.layer(l).bias != b.layer(l).bias)
      return false;
  }
  return true;
}

/// A round step that divides `span` into about `count` parts: 1, 2 or 5 times a power of ten.
double tickStep(double span, int count) {
  const double raw = span / std::max(count, 1);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0})
    if (raw <= factor * power) return factor * power;
  return 10.0 * power;
}

}  // namespace

DecisionMapView::DecisionMapView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(false);
  setToolTip(
      tr("The network's output for every point of the plane: blue where it answers high, "
         "orange where low. Dots are training rows, rings test rows. Click to add a point of "
         "the chosen class, Shift+click for the other class, Ctrl+click to remove a point."));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

bool DecisionMapView::applies(const TrainingSnapshot& snapshot) {
  return snapshot.network.inputs() == 2 && snapshot.network.layerCount() > 0;
}

void DecisionMapView::showSnapshot(const TrainingSnapshot& snapshot) {
  if (!applies(snapshot)) return;
  const bool sameData = snapshot.dataset == m_dataset;
  const bool sameScaling = snapshot.scaling.kind() == m_scaling.kind() &&
                           snapshot.scaling.offset() == m_scaling.offset() &&
                           snapshot.scaling.scale() == m_scaling.scale();
  if (sameData && sameScaling && sameParameters(snapshot.network, m_network)) return;
  const int classes = classCount();
  m_network = snapshot.network;
  m_scaling = snapshot.scaling;
  if (!sameData) {
    m_dataset = snapshot.dataset;
    m_samples = QPixmap();  // drawn again from the new rows
    updateDomain();
  }
  if (classCount() != classes || !sameData) {  // the classes' names follow the targets
    m_selectedClass = std::min(m_selectedClass, classCount() - 1);
    emit classesChanged();
  }
  rerender();
}

int DecisionMapView::classCount() const {
  const int outputs = m_network.layerCount() > 0 ? m_network.outputs() : 1;
  return outputs == 1 ? 2 : outputs;
}

QString DecisionMapView::className(int index) const {
  if (classCount() == 2 && m_network.outputs() <= 1) {
    const Matrix targets = targetsOf(index);
    return targets.size() > 0 ? QString::number(targets(0, 0), 'g', 4) : QString::number(index);
  }
  if (m_dataset && index < static_cast<int>(m_dataset->targetNames.size()))
    return QString::fromStdString(m_dataset->targetNames[static_cast<std::size_t>(index)]);
  return QString::number(index);
}

void DecisionMapView::setDiscretize(bool on) {
  if (on == m_discretize) return;
  m_discretize = on;
  rerender();
}

void DecisionMapView::setClassification(bool classes) {
  if (classes == m_classes) return;
  m_classes = classes;
  setToolTip(classes ? tr("The network's output for every point of the plane: blue where it "
                          "answers high, orange where low. Dots are training rows, rings test "
                          "rows. Click to add a point of the chosen class, Shift+click for the "
                          "other class, Ctrl+click to remove a point.")
                     : tr("The network's answer for every point of the plane: blue high, orange "
                          "low. Dots are training rows, rings test rows, coloured by their "
                          "targets. Ctrl+click removes a point."));
}

void DecisionMapView::setShownNeuron(std::optional<std::pair<int, int>> neuron,
                                     const QString& name) {
  if (neuron == m_neuron) return;
  m_neuron = neuron;
  m_neuronName = name;
  rerender();
}

void DecisionMapView::setSelectedClass(int index) {
  m_selectedClass = std::clamp(index, 0, classCount() - 1);
}

void DecisionMapView::updateDomain() { m_domain = DecisionMapRenderer::domainFor(m_dataset.get()); }

void DecisionMapView::rerender() {
  if (m_network.inputs() != 2) return;
  QElapsedTimer clock;
  clock.start();
  m_image = m_neuron
                ? m_renderer.renderNeuron(m_network, m_scaling, m_domain, m_resolution,
                                          m_neuron->first, m_neuron->second)
                : m_renderer.render(m_network, m_scaling, m_domain, m_resolution, m_discretize);
  ++m_renders;
  // Adapt the grid to the network's cost, so that big networks keep the frame rate. The cost
  // grows with the cells, resolution²: when over budget, go straight to what fits it.
  const double ms = std::max(static_cast<double>(clock.nsecsElapsed()) / 1e6, 1e-3);
  if (ms > kBudgetMs) {
    const int fits = static_cast<int>(m_resolution * std::sqrt(0.8 * kBudgetMs / ms) / 8.0) * 8;
    m_resolution = std::clamp(fits, kMinResolution, m_resolution);
  } else if (ms < kBudgetMs / 3.0) {
    m_resolution = std::min(kMaxResolution, m_resolution + 16);  // grow back gently
  }
  update();
}

QRectF DecisionMapView::plotRect() const {
  // Room on the left and below for the tick labels; the rest is the largest square.
  const QFontMetrics metrics = fontMetrics();
  const double left = metrics.horizontalAdvance(QStringLiteral("−0.00")) + 8.0;
  const double bottom = metrics.height() + 6.0;
  const double side = std::max(10.0, std::min(width() - left - 4.0, height() - bottom - 4.0));
  const double x = left + (width() - left - 4.0 - side) / 2.0;
  return {x, 4.0, side, side};
}

QPointF DecisionMapView::toWidget(const QPointF& input) const {
  const QRectF plot = plotRect();
  return {plot.left() + (input.x() - m_domain.left()) / m_domain.width() * plot.width(),
          plot.bottom() - (input.y() - m_domain.top()) / m_domain.height() * plot.height()};
}

QPointF DecisionMapView::toInput(const QPointF& position) const {
  const QRectF plot = plotRect();
  return {m_domain.left() + (position.x() - plot.left()) / plot.width() * m_domain.width(),
          m_domain.top() + (plot.bottom() - position.y()) / plot.height() * m_domain.height()};
}

Matrix DecisionMapView::targetsOf(int index) const {
  // As many targets as the data has (it may be ahead of the network after an edit).
  const int outputs = m_dataset ? m_dataset->targetColumns()
                                : (m_network.layerCount() > 0 ? m_network.outputs() : 1);
  if (outputs > 1) {
    Matrix onehot = Matrix::Zero(1, outputs);
    onehot(0, std::clamp(index, 0, outputs - 1)) = 1.0;
    return onehot;
  }
  // One output: the data's own lowest and highest targets (0/1, −1/1…) as the two classes.
  const Activation activation =
      m_network.layerCount() > 0 ? m_network.layers().back().activation : Activation::Sigmoid;
  const bool unit = activation == Activation::Sigmoid || activation == Activation::Step;
  double low = unit ? 0.0 : -1.0, high = 1.0;
  if (m_dataset && m_dataset->rows() > 0 && m_dataset->targetColumns() == 1) {
    const double min = m_dataset->targets.minCoeff(), max = m_dataset->targets.maxCoeff();
    if (max > min) low = min, high = max;
  }
  return Matrix::Constant(1, 1, index == 0 ? low : high);
}

QColor DecisionMapView::sampleColour(int row) const {
  const Dataset& data = *m_dataset;
  if (data.targetColumns() == 1) {
    const Activation activation = m_network.layers().back().activation;
    return divergingColour(DecisionMapRenderer::signedValue(activation, data.targets(row, 0)), 1.0);
  }
  Eigen::Index best = 0;
  data.targets.row(row).maxCoeff(&best);
  return DecisionMapRenderer::classColour(static_cast<int>(best));
}

int DecisionMapView::nearestRow(const QPointF& position, double maxDistance) const {
  if (!m_dataset || m_dataset->inputColumns() != 2) return -1;
  int nearest = -1;
  double best = maxDistance * maxDistance;
  for (int row = 0; row < m_dataset->rows(); ++row) {
    const QPointF d = toWidget({m_dataset->inputs(row, 0), m_dataset->inputs(row, 1)}) - position;
    const double distance = QPointF::dotProduct(d, d);
    if (distance <= best) best = distance, nearest = row;
  }
  return nearest;
}

void DecisionMapView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QRectF plot = plotRect();
  painter.fillRect(plot, zeroColour());
  if (!m_image.isNull()) {
    // Paler than the samples, so that a sample in a region of its own colour still stands out.
    painter.setOpacity(kMapOpacity);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, !m_discretize);
    painter.drawImage(plot, m_image);
    painter.setOpacity(1.0);
  }
  painter.setRenderHint(QPainter::Antialiasing);
  painter.drawPixmap(layerOrigin(plot), samplesLayer(plot));
  paintAxes(painter, plot);
  if (m_neuron) {
    // Say whose map this is: it is not the output's.
    const QString caption = tr("neuron %1").arg(m_neuronName);
    const QFontMetrics metrics = fontMetrics();
    const QRectF box(plot.left() + 4, plot.top() + 4, metrics.horizontalAdvance(caption) + 10,
                     metrics.height() + 4);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 210));
    painter.drawRoundedRect(box, 3, 3);
    painter.setPen(QColor(20, 20, 20));
    painter.drawText(box, Qt::AlignCenter, caption);
  }
}

int DecisionMapView::drawnStride() const {
  constexpr int kMaxDrawn = 4000;
  const int rows = m_dataset ? m_dataset->rows() : 0;
  return std::max(1, (rows + kMaxDrawn - 1) / kMaxDrawn);
}

QPointF DecisionMapView::layerOrigin(const QRectF& plot) const {
  // On a whole device pixel (with a ratio of 1.5 a whole logical one may not be).
  const qreal ratio = devicePixelRatioF();
  return {std::floor(plot.left() * ratio) / ratio, std::floor(plot.top() * ratio) / ratio};
}

const QPixmap& DecisionMapView::samplesLayer(const QRectF& plot) const {
  // The samples change only with the data, the plot's size or the output's scale, while the
  // map under them changes every frame of training: draw them once, then copy them (hundreds
  // of antialiased circles cost more than the rest of the view together).
  const Activation output =
      m_network.layerCount() > 0 ? m_network.layers().back().activation : Activation::Linear;
  const SamplesKey key{plot, devicePixelRatioF(), output};
  if (!m_samples.isNull() && key == m_samplesKey) return m_samples;
  m_samplesKey = key;
  const qreal ratio = devicePixelRatioF();
  // Placed at a whole pixel, with the plot's fraction of a pixel inside: the circles land
  // exactly where drawing them directly would put them.
  const QPointF origin = layerOrigin(plot);
  m_samples = QPixmap(((plot.size() + QSizeF(1, 1)) * ratio).toSize());
  m_samples.setDevicePixelRatio(ratio);
  m_samples.fill(Qt::transparent);
  QPainter painter(&m_samples);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.translate(-origin);
  paintSamples(painter, plot);
  return m_samples;
}

void DecisionMapView::paintSamples(QPainter& painter, const QRectF& plot) const {
  if (!m_dataset || m_dataset->inputColumns() != 2 || m_network.layerCount() == 0) return;
  painter.save();
  painter.setClipRect(plot);
  const double radius = std::clamp(plot.width() / 90.0, 2.5, 5.0);
  const QPen outline(QColor(0, 0, 0, 120), 1.0);
  // Past a few thousand points the plot is solid anyway, and each costs a circle: draw an even
  // sample of the rows (every k-th), so that a million rows paint as fast as a few thousand.
  const int stride = drawnStride();
  for (int row = 0; row < m_dataset->rows(); row += stride) {
    const QPointF centre = toWidget({m_dataset->inputs(row, 0), m_dataset->inputs(row, 1)});
    const QColor colour = sampleColour(row);
    if (m_dataset->isTestRow(row)) {
      // A ring: the class colour over a darker, wider one, visible on any background.
      painter.setBrush(Qt::NoBrush);
      painter.setPen(QPen(QColor(0, 0, 0, 120), 3.2));
      painter.drawEllipse(centre, radius, radius);
      painter.setPen(QPen(colour, 1.8));
      painter.drawEllipse(centre, radius, radius);
    } else {
      painter.setPen(outline);
      painter.setBrush(colour);
      painter.drawEllipse(centre, radius, radius);
    }
  }
  painter.restore();
}

void DecisionMapView::paintAxes(QPainter& painter, const QRectF& plot) const {
  painter.setPen(QPen(palette().color(QPalette::WindowText), 1.0));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(plot);
  const QFontMetrics metrics = fontMetrics();
  const double step = tickStep(m_domain.width(), 5);
  const auto label = [](double value) {
    return QString::number(std::abs(value) < 1e-12 ? 0.0 : value, 'g', 3);
  };
  for (double v = std::ceil(m_domain.left() / step) * step; v <= m_domain.right(); v += step) {
    const double x = toWidget({v, 0.0}).x();
    painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
    const QString text = label(v);
    const double w = metrics.horizontalAdvance(text);
    painter.drawText(QPointF(x - w / 2.0, plot.bottom() + 3 + metrics.ascent()), text);
  }
  for (double v = std::ceil(m_domain.top() / step) * step; v <= m_domain.bottom(); v += step) {
    const double y = toWidget({0.0, v}).y();
    painter.drawLine(QPointF(plot.left() - 3, y), QPointF(plot.left(), y));
    const QString text = label(v);
    const double w = metrics.horizontalAdvance(text);
    painter.drawText(QPointF(plot.left() - 5 - w, y + metrics.ascent() / 2.0 - 1), text);
  }
}

void DecisionMapView::mousePressEvent(QMouseEvent* event) {
  const QPointF position = event->position();
  if (event->button() != Qt::LeftButton || !plotRect().contains(position) ||
      m_network.inputs() != 2) {
    QWidget::mousePressEvent(event);
    return;
  }
  if (event->modifiers() & Qt::ControlModifier) {
    const int row = nearestRow(position, kPickDistancePx);
    if (row >= 0) emit removalRequested(row);
    return;
  }
  if (!m_classes) return;  // regression: a click has no class to add
  const int index = event->modifiers() & Qt::ShiftModifier ? (m_selectedClass + 1) % classCount()
                                                           : m_selectedClass;
  const QPointF input = toInput(position);
  const Matrix targets = targetsOf(index);
  Matrix sample(1, 2 + targets.cols());
  sample << input.x(), input.y(), targets;
  emit sampleRequested(sample);
}

}  // namespace nnlab
