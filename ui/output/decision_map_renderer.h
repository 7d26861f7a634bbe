#pragma once

#include <QColor>
#include <QImage>
#include <QRectF>
#include <vector>

#include "core/activation.h"
#include "core/dataset.h"
#include "core/input_scaling.h"
#include "core/network.h"
#include "core/types.h"

namespace nnlab {

/// Paints a 2-input network's output over a rectangle of the input plane, one pixel per grid
/// cell. The whole grid goes through the network as one batch (cells × 2), in buffers kept from
/// one frame to the next, so a 96 × 96 map of a small network costs about a millisecond.
///
/// Colours: one output is a signed value on the diverging scale: a sigmoid or step output
/// y ∈ [0, 1] as (y − 0.5)·2, any other activation as y itself. Several outputs (softmax) show
/// the most probable class in its colour, paler the less sure the network is.
class DecisionMapRenderer {
 public:
  /// `resolution` × `resolution` pixels; row 0 is the top of `domain` (its largest x₂).
  /// `discretize`: only the decision (the side of 0.5, or the class), at full strength.
  /// The network must have 2 inputs.
  /// `domain` is in raw input units; `scaling` maps them to what the network reads.
  QImage render(const Network& network, const InputScaling& scaling, const QRectF& domain,
                int resolution, bool discretize);

  /// One neuron's activation over the plane instead of the output: layer `layer` (from 0),
  /// unit `unit`, on the diverging scale (see neuronValue).
  QImage renderNeuron(const Network& network, const InputScaling& scaling, const QRectF& domain,
                      int resolution, int layer, int unit);
  /// Small maps of every neuron at once, [layer][unit], from one pass of the grid.
  std::vector<std::vector<QImage>> renderNeurons(const Network& network,
                                                 const InputScaling& scaling, const QRectF& domain,
                                                 int resolution);

  /// The square of the input plane a map shows for `dataset` (2 inputs): its points' bounding
  /// square plus a margin, the same scale on both axes; [−1, 1]² without such data.
  static QRectF domainFor(const Dataset* dataset);
  /// Where one output's value lies on the diverging scale, in [−1, 1] before clamping.
  static double signedValue(Activation output, double y);
  /// The colour of class `index` (0, 1, …): orange and blue first, as the diverging scale's ends.
  static QColor classColour(int index);

 private:
  void fillGrid(const QRectF& domain, int resolution);
  /// Colours column `unit` of `values` (cells × units) as one neuron's map.
  static QImage neuronImage(const Matrix& values, int unit, Activation activation, int resolution);
  const Matrix& forward(const Network& network, const InputScaling& scaling);

  Matrix m_grid;  ///< cells × 2, row-major over the image: cell = row · resolution + column
  QRectF m_gridDomain;
  Matrix m_scaledGrid;                ///< m_grid as the network reads it (input scaling applied)
  std::vector<Matrix> m_activations;  ///< per layer: cells × units, reused between frames
};

}  // namespace nnlab
