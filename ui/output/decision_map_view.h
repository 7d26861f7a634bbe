#pragma once

#include <QImage>
#include <QPixmap>
#include <QRectF>
#include <QWidget>
#include <memory>
#include <optional>
#include <utility>

#include "core/dataset.h"
#include "core/network.h"
#include "ui/output/decision_map_renderer.h"

namespace nnlab {

struct TrainingSnapshot;

/// What the network answers over the whole input plane, for data with 2 inputs: the output as a
/// heatmap with the samples on top (training rows filled, test rows as rings), axes with values.
/// The map is recomputed only when the weights or the data change. Clicking asks for a sample of
/// the chosen class there (Shift: the other class); Ctrl-clicking asks to remove the nearest.
class DecisionMapView : public QWidget {
  Q_OBJECT

 public:
  explicit DecisionMapView(QWidget* parent = nullptr);

  /// Shows the snapshot's network over its data; ignored unless the network has 2 inputs.
  void showSnapshot(const TrainingSnapshot& snapshot);
  /// True when `snapshot` can be drawn as a map (its network has exactly 2 inputs).
  static bool applies(const TrainingSnapshot& snapshot);

  bool discretize() const { return m_discretize; }
  /// Classes a click can add: 2 for one output column, else one per output.
  int classCount() const;
  int selectedClass() const { return m_selectedClass; }
  /// The class's name for menus: its target value, or its target column's name.
  QString className(int index) const;

  /// The map as last computed, one pixel per grid cell (tests read it).
  const QImage& image() const { return m_image; }
  /// How many times the map was computed.
  int renderCount() const { return m_renders; }
  /// Every how many rows a point is drawn: 1 up to a few thousand rows, more beyond.
  int drawnStride() const;
  /// Grid cells per side, adapted so that one computation stays within a few milliseconds.
  int resolution() const { return m_resolution; }
  /// The input plane shown: x₁ from left to right, x₂ from top() (smallest) to bottom().
  QRectF domain() const { return m_domain; }
  /// A point of the input plane in widget coordinates, and back.
  QPointF toWidget(const QPointF& input) const;
  QPointF toInput(const QPointF& position) const;

  QSize minimumSizeHint() const override { return {160, 160}; }
  QSize sizeHint() const override { return {280, 280}; }

 public slots:
  void setDiscretize(bool on);
  void setSelectedClass(int index);
  /// Shows one neuron's activation instead of the output (layer from 0, unit), e.g. while it
  /// is hovered in the graph; nullopt goes back to the output.
  void setShownNeuron(std::optional<std::pair<int, int>> neuron, const QString& name = {});
  std::optional<std::pair<int, int>> shownNeuron() const { return m_neuron; }
  /// Class targets (clicks add points) or regression targets (clicks add nothing).
  void setClassification(bool classes);
  /// The square the map is drawn in, in widget coordinates (the axes' labels are outside it).
  QRectF plotArea() const { return plotRect(); }

 signals:
  /// Add this sample (1 × fields: the two inputs, then the targets) to the data.
  void sampleRequested(const nnlab::Matrix& sample);
  /// Remove data row `row`.
  void removalRequested(int row);
  /// The number of classes changed (a different output layer).
  void classesChanged();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  void rerender();
  QRectF plotRect() const;
  void updateDomain();
  /// The targets of a new sample of class `index`.
  Matrix targetsOf(int index) const;
  /// Colour of a sample from its targets (the same scale as the map).
  QColor sampleColour(int row) const;
  int nearestRow(const QPointF& position, double maxDistance) const;
  void paintAxes(QPainter& painter, const QRectF& plot) const;
  void paintSamples(QPainter& painter, const QRectF& plot) const;
  /// The samples drawn over a transparent plot, kept until the data or the plot changes.
  const QPixmap& samplesLayer(const QRectF& plot) const;
  /// Where that layer is drawn: the whole device pixel at or before the plot's top left.
  QPointF layerOrigin(const QRectF& plot) const;

  struct SamplesKey {
    QRectF plot;
    qreal ratio = 1.0;
    Activation output = Activation::Linear;  ///< a regression's colours follow its scale
    bool operator==(const SamplesKey&) const = default;
  };

  DecisionMapRenderer m_renderer;
  Network m_network;
  InputScaling m_scaling;  ///< raw inputs → what m_network reads
  std::shared_ptr<const Dataset> m_dataset;
  QRectF m_domain{-1.0, -1.0, 2.0, 2.0};
  QImage m_image;
  bool m_discretize = false;
  int m_selectedClass = 1;
  bool m_classes = true;
  std::optional<std::pair<int, int>> m_neuron;  ///< shown instead of the output
  QString m_neuronName;
  int m_resolution = 64;
  int m_renders = 0;
  mutable QPixmap m_samples;  ///< see samplesLayer()
  mutable SamplesKey m_samplesKey;
};

}  // namespace nnlab
