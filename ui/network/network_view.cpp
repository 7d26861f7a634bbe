#include "ui/network/network_view.h"

#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "core/training_runner.h"
#include "ui/network/edge_layer_item.h"
#include "ui/network/neuron_item.h"

namespace nnlab {

namespace {

constexpr double kColumnGap = 200.0;
// Connections drawn at most, network-wide. Past this the graph is a solid mass anyway, and
// drawing it all (33k edges for 64 inputs and 8 × 64 hidden units) takes ~25 ms a frame alone, ~4
// ms with this budget.
constexpr int kEdgeBudget = 3000;
constexpr int kMinEdgesPerPair = 256;

struct Metrics {
  double spacing;
  double radius;
  bool text;
};

// `maps`: neurons that show a map of their own get more room for it.
Metrics metricsFor(int maxUnits, bool maps = false) {
  if (maxUnits <= 8) return maps ? Metrics{68.0, 28.0, true} : Metrics{60.0, 20.0, true};
  if (maxUnits <= 16) return maps ? Metrics{44.0, 18.0, true} : Metrics{40.0, 14.0, true};
  return {22.0, 8.0, false};
}

}  // namespace

NetworkView::NetworkView(QWidget* parent)
    : QGraphicsView(parent), m_scene(new QGraphicsScene(this)) {
  setScene(m_scene);
  setRenderHint(QPainter::Antialiasing);
  setDragMode(QGraphicsView::ScrollHandDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  // Training changes every edge and neuron each frame: one full repaint is cheaper than
  // hundreds of small dirty rectangles clipping the edge items again and again.
  setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
  setOptimizationFlags(QGraphicsView::DontAdjustForAntialiasing);
  setMouseTracking(true);
  viewport()->setMouseTracking(true);
  setMinimumSize(240, 200);
}

NetworkView::~NetworkView() = default;

int NetworkView::neuronCount() const {
  int count = 0;
  for (const auto& column : m_neurons) count += static_cast<int>(column.size());
  return count;
}

QString NetworkView::neuronName(int column, int unit) const {
  const int columns = static_cast<int>(m_shape.size());
  if (column == 0) {
    if (m_snapshot && m_snapshot->dataset &&
        unit < static_cast<int>(m_snapshot->dataset->inputNames.size()))
      return QString::fromStdString(m_snapshot->dataset->inputNames[unit]);
    return QStringLiteral("x%1").arg(unit + 1);
  }
  if (column == columns - 1)
    return m_shape.back() == 1 ? QStringLiteral("ŷ") : QStringLiteral("ŷ%1").arg(unit + 1);
  // Unit u of hidden layer l is "hl.u", even with one hidden layer: a bare "h1" would name a
  // unit here and a layer in the Layers box ("hidden 1").
  return QStringLiteral("h%1.%2").arg(column).arg(unit + 1);
}

QPoint NetworkView::neuronViewPosition(int column, int unit) const {
  return mapFromScene(m_neurons.at(column).at(unit)->pos());
}

QPoint NetworkView::edgeViewPosition(int layer, int from, int to) const {
  const QPointF a = m_neurons.at(layer).at(from)->pos();
  const QPointF b = m_neurons.at(layer + 1).at(to)->pos();
  return mapFromScene((a + b) / 2.0);
}

std::pair<int, int> NetworkView::drawnEdges() const {
  std::pair<int, int> counts{0, 0};
  for (const EdgeLayerItem* edges : m_edges) {
    counts.first += edges->drawnCount();
    counts.second += edges->edgeCount();
  }
  return counts;
}

QString NetworkView::crowdingNote() const {
  const auto [drawn, total] = drawnEdges();
  if (drawn >= total) return {};
  return tr("Showing the strongest %1 of %2 connections.").arg(drawn).arg(total);
}

void NetworkView::showSnapshot(std::shared_ptr<const TrainingSnapshot> snapshot, int sample) {
  if (!snapshot) return;
  m_snapshot = std::move(snapshot);
  const auto& dataset = m_snapshot->dataset;
  m_sample = dataset && dataset->rows() > 0 ? std::clamp(sample, 0, dataset->rows() - 1) : -1;
  m_values = ForwardValues::forSample(*m_snapshot, m_sample);
  if (m_measure != EdgeMeasure::Weight) m_values.addDeltas(*m_snapshot, m_sample);
  if (needsRebuild(*m_snapshot)) rebuild(*m_snapshot);
  recolour();
  drawThumbnails();
  refreshInfo();
}

void NetworkView::drawThumbnails() {
  constexpr int kThumbnailCells = 20;  // per side: enough for a neuron a few dozen pixels wide
  const Network& network = m_snapshot->network;
  const bool show = m_thumbnails && network.inputs() == 2;
  std::vector<std::vector<QImage>> images;
  QRectF domain;
  if (show) {
    domain = DecisionMapRenderer::domainFor(m_snapshot->dataset.get());
    images =
        m_thumbnailRenderer.renderNeurons(network, m_snapshot->scaling, domain, kThumbnailCells);
  }
  // Where the selected row lies on the maps (rows run from the top, the largest x₂).
  std::optional<QPointF> marker;
  if (show && !m_values.empty() && m_values.rawInputs.size() == 2) {
    const RowVector& x = m_values.rawInputs;
    marker = QPointF((x(0) - domain.left()) / domain.width(),
                     (domain.bottom() - x(1)) / domain.height());
  }
  for (int c = 1; c < static_cast<int>(m_neurons.size()); ++c) {
    for (int u = 0; u < static_cast<int>(m_neurons[c].size()); ++u) {
      const bool has = show && c - 1 < static_cast<int>(images.size()) &&
                       u < static_cast<int>(images[c - 1].size());
      m_neurons[c][u]->setThumbnail(has ? images[c - 1][u] : QImage(), marker);
    }
  }
}

bool NetworkView::needsRebuild(const TrainingSnapshot& snapshot) const {
  const Network& network = snapshot.network;
  if (m_shape.size() != static_cast<size_t>(network.layerCount() + 1)) return true;
  if (m_shape[0] != network.inputs()) return true;
  for (int l = 0; l < network.layerCount(); ++l)
    if (m_shape[l + 1] != network.layer(l).units()) return true;
  return m_bias != network.spec().bias;
}

void NetworkView::rebuild(const TrainingSnapshot& snapshot) {
  setHover({});
  m_inspected = nullptr;
  m_scene->clear();
  m_neurons.clear();
  m_edges.clear();
  const Network& network = snapshot.network;
  m_shape = {network.inputs()};
  for (const DenseLayer& layer : network.layers()) m_shape.push_back(layer.units());
  m_bias = network.spec().bias;

  const int maxUnits = *std::max_element(m_shape.begin(), m_shape.end());
  const bool planar = network.inputs() == 2;
  const Metrics metrics = metricsFor(maxUnits, planar);
  m_thumbnails = planar && metrics.text;  // the neurons are circles, not dots
  std::vector<std::vector<QPointF>> centres;
  for (int c = 0; c < static_cast<int>(m_shape.size()); ++c) {
    std::vector<QPointF> column;
    const double top = -(m_shape[c] - 1) * metrics.spacing / 2.0;
    for (int u = 0; u < m_shape[c]; ++u)
      column.emplace_back(c * kColumnGap, top + u * metrics.spacing);
    centres.push_back(std::move(column));
  }
  const long edges = network.parameterCount();
  const double maxWidth = edges <= 200 ? 10.0 : edges <= 2000 ? 5.0 : edges <= 8000 ? 2.5 : 1.0;
  for (int l = 0; l < network.layerCount(); ++l) {
    const int pairs = network.layerCount();
    auto* item = new EdgeLayerItem(l, centres[l], centres[l + 1], maxWidth,
                                   std::max(kMinEdgesPerPair, kEdgeBudget / pairs));
    m_scene->addItem(item);
    m_edges.push_back(item);
  }
  const int last = static_cast<int>(m_shape.size()) - 1;
  for (int c = 0; c <= last; ++c) {
    const auto side = c == 0      ? NeuronItem::LabelSide::Left
                      : c == last ? NeuronItem::LabelSide::Right
                                  : NeuronItem::LabelSide::None;
    m_neurons.emplace_back();
    for (int u = 0; u < m_shape[c]; ++u) {
      auto* item = new NeuronItem(c, u, metrics.radius, neuronName(c, u), side);
      item->setPos(centres[c][u]);
      item->setShowText(metrics.text);
      m_scene->addItem(item);
      m_neurons.back().push_back(item);
    }
  }
  m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20));
  ++m_rebuilds;
  applyStepFocus();
  fitGraph();
}

void NetworkView::setInspectedNeuron(std::optional<std::pair<int, int>> neuron) {
  if (m_inspected) m_inspected->setHighlighted(false);
  m_inspected = nullptr;
  if (!neuron || neuron->first >= static_cast<int>(m_neurons.size())) return;
  const auto& column = m_neurons[neuron->first];
  if (neuron->second >= static_cast<int>(column.size())) return;
  m_inspected = column[neuron->second];
  m_inspected->setHighlighted(true);
}

void NetworkView::fitGraph() {
  m_userZoomed = false;
  if (!m_scene->items().isEmpty()) fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
}

void NetworkView::wheelEvent(QWheelEvent* event) {
  const double factor = std::pow(1.15, event->angleDelta().y() / 120.0);
  scale(factor, factor);
  m_userZoomed = true;
  event->accept();
}

void NetworkView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  if (!m_userZoomed) fitGraph();
}

NetworkView::Hover NetworkView::hoverAt(const QPoint& viewPosition) const {
  Hover hover;
  const QPointF scenePoint = mapToScene(viewPosition);
  const double tolerance = 5.0 / std::max(1e-6, transform().m11());
  for (QGraphicsItem* item : items(viewPosition)) {
    if (item->type() == NeuronItem::Type) {
      auto* neuron = static_cast<NeuronItem*>(item);
      const QPointF d = scenePoint - neuron->pos();
      if (std::hypot(d.x(), d.y()) <= metricsFor(1).radius * 2) {
        hover.neuron = neuron;
        return hover;
      }
    }
  }
  for (EdgeLayerItem* edges : m_edges) {
    if (!edges->boundingRect()
             .adjusted(-tolerance, -tolerance, tolerance, tolerance)
             .contains(scenePoint))
      continue;
    if (auto edge = edges->edgeAt(scenePoint, tolerance)) {
      hover.edges = edges;
      hover.edge = *edge;
      return hover;
    }
  }
  return hover;
}

void NetworkView::setHover(const Hover& hover) {
  if (m_hover.edges && (m_hover.edges != hover.edges || m_hover.edge != hover.edge))
    m_hover.edges->setHighlightedEdge(std::nullopt);
  const auto hoveredNeuron = [](const Hover& h) {
    return h.neuron && h.neuron->column() > 0 ? std::make_pair(h.neuron->column(), h.neuron->unit())
                                              : std::make_pair(-1, -1);
  };
  const bool neuronChanged = hoveredNeuron(hover) != hoveredNeuron(m_hover);
  m_hover = hover;
  if (neuronChanged) {
    const auto [column, unit] = hoveredNeuron(m_hover);
    emit neuronHovered(column, unit);
  }
  if (m_hover.edges) m_hover.edges->setHighlightedEdge(m_hover.edge);
}

void NetworkView::mouseMoveEvent(QMouseEvent* event) {
  QGraphicsView::mouseMoveEvent(event);
  if (event->buttons() != Qt::NoButton) return;
  setHover(hoverAt(event->position().toPoint()));
  refreshInfo();
}

void NetworkView::leaveEvent(QEvent* event) {
  QGraphicsView::leaveEvent(event);
  setHover({});
  refreshInfo();
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
  const Hover hover = hoverAt(event->position().toPoint());
  if (event->button() == Qt::LeftButton && hover.neuron) {
    emit neuronClicked(hover.neuron->column(), hover.neuron->unit());
    event->accept();
    return;
  }
  if (event->button() == Qt::LeftButton && hover.edges) {
    emit edgeClicked(hover.edges->layer(), hover.edge.first, hover.edge.second);
    event->accept();
    return;
  }
  QGraphicsView::mousePressEvent(event);
}

void NetworkView::mouseDoubleClickEvent(QMouseEvent* event) {
  const Hover hover = hoverAt(event->position().toPoint());
  if (event->button() == Qt::LeftButton && hover.edges) {
    emit edgeDoubleClicked(hover.edges->layer(), hover.edge.first, hover.edge.second,
                           event->globalPosition().toPoint());
    event->accept();
    return;
  }
  QGraphicsView::mouseDoubleClickEvent(event);
}

void NetworkView::refreshInfo() {
  QString text;
  if (m_snapshot && m_hover.neuron)
    text = neuronInfo(*m_hover.neuron);
  else if (m_snapshot && m_hover.edges)
    text = edgeInfo(m_hover.edges->layer(), m_hover.edge.first, m_hover.edge.second);
  emit infoChanged(text);
}

QString NetworkView::neuronInfo(const NeuronItem& neuron) const {
  const int c = neuron.column();
  const int u = neuron.unit();
  if (m_values.empty()) return neuron.name();
  if (c == 0) {
    const double raw = m_values.rawInputs(u);
    const double read = m_values.activations[0](u);
    if (raw != read)
      return tr("%1 = %2, scaled to %3 for the network (input of sample %4)")
          .arg(neuron.name())
          .arg(raw, 0, 'g', 4)
          .arg(read, 0, 'g', 4)
          .arg(m_sample + 1);
    return tr("%1 = %2 (input of sample %3)")
        .arg(neuron.name())
        .arg(read, 0, 'g', 4)
        .arg(m_sample + 1);
  }
  const DenseLayer& layer = m_snapshot->network.layer(c - 1);
  QString text = tr("%1: z = %2, a = %3")
                     .arg(neuron.name())
                     .arg(m_values.preActivations[c - 1](u), 0, 'g', 4)
                     .arg(m_values.activations[c](u), 0, 'g', 4);
  if (layer.hasBias()) text += tr(", bias b = %1").arg(layer.bias(u), 0, 'g', 4);
  return text + tr("  (sample %1; click to inspect)").arg(m_sample + 1);
}

QString NetworkView::edgeInfo(int layer, int from, int to) const {
  const double weight = m_snapshot->network.layer(layer).weights(from, to);
  const auto& gradients = m_snapshot->gradients.weights;
  QString text = tr("w %1 → %2 = %3")
                     .arg(neuronName(layer, from), neuronName(layer + 1, to))
                     .arg(weight, 0, 'g', 5);
  // Zeros before the first update are not a gradient of 0: say it is not known yet.
  if (!m_snapshot->gradientsKnown)
    text += tr(", gradient ∂L/∂w not known until the next training step");
  else if (layer < static_cast<int>(gradients.size()) && from < gradients[layer].rows() &&
           to < gradients[layer].cols())
    text += tr(", last gradient ∂L/∂w = %1").arg(gradients[layer](from, to), 0, 'g', 4);
  return text + tr("  (double-click to edit while paused)");
}

}  // namespace nnlab
