// NetworkView's colours: what the edges and neurons show (weights and outputs, or the last
// update's gradients, changes and δ), saturation marks, and a backprop step's focus.
#include <algorithm>
#include <cmath>

#include "core/training_runner.h"
#include "ui/network/edge_layer_item.h"
#include "ui/network/network_view.h"
#include "ui/network/neuron_item.h"

namespace nnlab {
namespace {

double maxAbs(const Network& network) {
  double range = 0.0;
  for (const DenseLayer& layer : network.layers()) {
    if (layer.weights.size() > 0) range = std::max(range, layer.weights.cwiseAbs().maxCoeff());
    if (layer.hasBias()) range = std::max(range, layer.bias.cwiseAbs().maxCoeff());
  }
  return std::isfinite(range) && range > 0 ? range : 1.0;
}

// The largest |∂L/∂w| of the last update (1 when there is none yet).
double maxAbs(const Gradients& gradients) {
  double range = 0.0;
  for (const Matrix& g : gradients.weights)
    if (g.size() > 0) range = std::max(range, g.cwiseAbs().maxCoeff());
  return std::isfinite(range) && range > 0 ? range : 1.0;
}

}  // namespace

void NetworkView::recolour() {
  const Network& network = m_snapshot->network;
  m_weightRange = maxAbs(network);
  const Gradients& shown =
      m_measure == EdgeMeasure::Change ? m_snapshot->lastChange : m_snapshot->gradients;
  const bool byUpdate = m_measure != EdgeMeasure::Weight &&
                        static_cast<int>(shown.weights.size()) == network.layerCount();
  m_edgeRange = byUpdate ? maxAbs(shown) : m_weightRange;
  for (int l = 0; l < network.layerCount(); ++l)
    m_edges[l]->setWeights(byUpdate ? shown.weights[l] : network.layer(l).weights, m_edgeRange);
  // δ of the selected row, on a scale of its own, where the edges show the update.
  const bool deltas = byUpdate && m_values.deltas.size() + 1 == m_neurons.size();
  double deltaRange = 0.0;
  for (const RowVector& d : m_values.deltas)
    if (d.size() > 0) deltaRange = std::max(deltaRange, d.cwiseAbs().maxCoeff());
  if (!(deltaRange > 0) || !std::isfinite(deltaRange)) deltaRange = 1.0;
  for (int c = 0; c < static_cast<int>(m_neurons.size()); ++c) {
    const DenseLayer* layer = c > 0 ? &network.layer(c - 1) : nullptr;
    for (int u = 0; u < static_cast<int>(m_neurons[c].size()); ++u) {
      const double a = m_values.empty() ? 0.0 : m_values.activations[c](u);
      std::optional<double> bias;
      if (layer && layer->hasBias()) bias = layer->bias(u);
      if (deltas && c > 0)
        m_neurons[c][u]->setValues(m_values.deltas[c - 1](u), deltaRange, bias, m_weightRange);
      else
        m_neurons[c][u]->setValues(a, 1.0, bias, m_weightRange);
      m_neurons[c][u]->setSaturated(layer && !m_values.empty() &&
                                    ForwardValues::slope(layer->activation, a) <
                                        ForwardValues::kSaturated);
      // The M-P neuron fires when Σ w·x reaches its threshold T: the article's −b.
      const bool threshold = bias && layer->activation == Activation::Step;
      m_neurons[c][u]->setCaption(threshold ? tr("T = %1").arg(-*bias, 0, 'g', 3) : QString());
    }
  }
}

void NetworkView::setEdgeMeasure(EdgeMeasure measure) {
  if (measure == m_measure) return;
  m_measure = measure;
  if (m_snapshot && !m_edges.empty()) showSnapshot(m_snapshot, m_sample);
}

bool NetworkView::neuronSaturated(int column, int unit) const {
  if (column < 0 || column >= static_cast<int>(m_neurons.size())) return false;
  const auto& items = m_neurons[static_cast<std::size_t>(column)];
  return unit >= 0 && unit < static_cast<int>(items.size()) &&
         items[static_cast<std::size_t>(unit)]->saturated();
}

void NetworkView::setStepFocus(std::vector<int> columns, std::vector<int> edgeLayers) {
  m_focusColumns = std::move(columns);
  m_focusEdges = std::move(edgeLayers);
  applyStepFocus();
}

// What a backprop step does not involve fades; with no step shown everything is drawn in full.
void NetworkView::applyStepFocus() {
  const bool all = m_focusColumns.empty() && m_focusEdges.empty();
  const auto in = [](const std::vector<int>& list, int value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  for (int c = 0; c < static_cast<int>(m_neurons.size()); ++c)
    for (NeuronItem* item : m_neurons[c])
      item->setOpacity(all || in(m_focusColumns, c) ? 1.0 : 0.25);
  for (int l = 0; l < static_cast<int>(m_edges.size()); ++l)
    m_edges[l]->setOpacity(all || in(m_focusEdges, l) ? 1.0 : 0.15);
}

}  // namespace nnlab
