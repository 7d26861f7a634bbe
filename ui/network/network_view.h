#pragma once

#include <QGraphicsView>
#include <memory>
#include <optional>
#include <vector>

#include "ui/network/forward_values.h"
#include "ui/output/decision_map_renderer.h"

namespace nnlab {

struct TrainingSnapshot;
class NeuronItem;
class EdgeLayerItem;

/// The network as a graph: columns of neurons left to right, every connection drawn, coloured
/// and sized by its weight. Owns its scene. Items are rebuilt only when the architecture
/// changes; each frame just recolours them. Hovering reports live values through infoChanged().
class NetworkView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit NetworkView(QWidget* parent = nullptr);
  ~NetworkView() override;

  /// Shows `snapshot`'s weights and the activations of dataset row `sample` (clamped).
  void showSnapshot(std::shared_ptr<const TrainingSnapshot> snapshot, int sample);
  /// Outlines the neuron the inspector shows (column 0 = inputs); nullopt for none.
  void setInspectedNeuron(std::optional<std::pair<int, int>> neuron);

  /// Draws the neuron columns (0 = inputs) and the layers' edges a backprop step computes in
  /// full and fades the rest; both empty: nothing fades.
  void setStepFocus(std::vector<int> columns, std::vector<int> edgeLayers);
  /// The columns and edge layers setStepFocus() left in full (tests read them).
  const std::vector<int>& focusColumns() const { return m_focusColumns; }
  const std::vector<int>& focusEdges() const { return m_focusEdges; }

  /// The dataset row whose activations the neurons show (−1 without data).
  int sample() const { return m_sample; }
  /// Largest |w| of the shown network.
  double weightRange() const { return m_weightRange; }
  /// What the edges are coloured and sized by: the weights, the last update's gradient ∂L/∂w,
  /// or the change Δw it made. With either of the last two the neurons show δ = ∂L/∂z of the
  /// selected row instead of their output (live).
  enum class EdgeMeasure { Weight, Gradient, Change };
  void setEdgeMeasure(EdgeMeasure measure);
  EdgeMeasure edgeMeasure() const { return m_measure; }
  /// Whether the neuron is marked as saturated for the selected row (tests read it).
  bool neuronSaturated(int column, int unit) const;
  /// The range the edges are drawn against: the largest |w|, or the largest |∂L/∂w| when
  /// they show gradients (the legend's range).
  double edgeRange() const { return m_edgeRange; }
  /// How many times the architecture has been laid out (tests use it).
  int rebuildCount() const { return m_rebuilds; }
  /// Whether hidden and output neurons show small maps of their activation (2 inputs).
  bool showsThumbnails() const { return m_thumbnails; }
  /// Columns of neurons (inputs, then each layer), and the units of one.
  int layerColumns() const { return static_cast<int>(m_shape.size()); }
  int unitsIn(int column) const {
    return column >= 0 && column < layerColumns() ? m_shape[static_cast<std::size_t>(column)] : 0;
  }
  /// Neurons drawn, inputs included.
  int neuronCount() const;
  /// A display name: "X1", "h3", "h2.3", "ŷ".
  QString neuronName(int column, int unit) const;
  /// Where the centre of a neuron is, in viewport coordinates (for tests and popups).
  QPoint neuronViewPosition(int column, int unit) const;
  /// The middle of the edge feeding `layer`'s unit `to` from input `from`, in viewport
  /// coordinates.
  QPoint edgeViewPosition(int layer, int from, int to) const;
  /// Connections drawn and connections in the network: a crowded network shows only the
  /// strongest connections of each layer pair.
  std::pair<int, int> drawnEdges() const;
  /// Says how many connections are hidden, or nothing when all are drawn.
  QString crowdingNote() const;

 public slots:
  /// Scales the graph to fit the view and forgets any wheel zoom.
  void fitGraph();

 signals:
  /// Text describing what is under the cursor, refreshed every frame while training.
  void infoChanged(const QString& text);
  void neuronClicked(int column, int unit);
  /// The mouse moved onto a hidden or output neuron (column ≥ 1), or off one (−1, −1).
  void neuronHovered(int column, int unit);
  /// An edge was clicked: `layer` is the network layer it feeds, `from` its input, `to` its unit.
  void edgeClicked(int layer, int from, int to);
  /// `layer` is the network layer the edge feeds; `from` its input index, `to` its unit.
  void edgeDoubleClicked(int layer, int from, int to, const QPoint& globalPosition);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  struct Hover {
    NeuronItem* neuron = nullptr;
    EdgeLayerItem* edges = nullptr;
    std::pair<int, int> edge{0, 0};
  };

  bool needsRebuild(const TrainingSnapshot& snapshot) const;
  void rebuild(const TrainingSnapshot& snapshot);
  void recolour();
  /// Each neuron's small map over the input plane, for data with 2 inputs.
  void drawThumbnails();
  Hover hoverAt(const QPoint& viewPosition) const;
  void setHover(const Hover& hover);
  void refreshInfo();
  void applyStepFocus();
  QString neuronInfo(const NeuronItem& neuron) const;
  QString edgeInfo(int layer, int from, int to) const;

  QGraphicsScene* m_scene;
  std::shared_ptr<const TrainingSnapshot> m_snapshot;
  ForwardValues m_values;
  int m_sample = 0;
  std::vector<int> m_shape;  // units per column, inputs first
  bool m_bias = false;
  std::vector<std::vector<NeuronItem*>> m_neurons;  // [column][unit]
  std::vector<EdgeLayerItem*> m_edges;              // [network layer]
  Hover m_hover;
  NeuronItem* m_inspected = nullptr;
  double m_weightRange = 1.0;
  double m_edgeRange = 1.0;
  EdgeMeasure m_measure = EdgeMeasure::Weight;
  bool m_userZoomed = false;
  bool m_thumbnails = false;  ///< neurons large enough for a map of their own
  DecisionMapRenderer m_thumbnailRenderer;
  int m_rebuilds = 0;
  std::vector<int> m_focusColumns;  // what a backprop step computes; empty: everything
  std::vector<int> m_focusEdges;
};

}  // namespace nnlab
