#include "ui/network/forward_values.h"

#include <algorithm>

#include "core/explained_update.h"
#include "core/kernels/forward_kernel.h"
#include "core/training_runner.h"

namespace nnlab {

ForwardValues ForwardValues::compute(const Network& network, const RowVector& inputs) {
  ForwardValues values;
  if (inputs.size() != network.inputs()) return values;
  values.rawInputs = inputs;
  values.activations.push_back(inputs);
  // The core's forward pass on a batch of one row, keeping z.
  std::vector<Matrix> a, z;
  forwardPass(network, Matrix(inputs), a, &z);
  for (int l = 0; l < network.layerCount(); ++l) {
    values.preActivations.push_back(z[l].row(0));
    values.activations.push_back(a[l].row(0));
  }
  return values;
}

ForwardValues ForwardValues::forSample(const TrainingSnapshot& snapshot, int sample) {
  const auto& dataset = snapshot.dataset;
  if (!dataset || sample < 0 || sample >= dataset->rows()) return {};
  const RowVector raw = dataset->inputs.row(sample);
  if (snapshot.scaling.isIdentity() || snapshot.scaling.offset().size() != raw.size())
    return compute(snapshot.network, raw);
  ForwardValues values = compute(snapshot.network, snapshot.scaling.apply(Matrix(raw)).row(0));
  values.rawInputs = raw;
  return values;
}

void ForwardValues::addDeltas(const TrainingSnapshot& snapshot, int sample) {
  deltas.clear();
  const auto& dataset = snapshot.dataset;
  if (empty() || !dataset || sample < 0 || sample >= dataset->rows()) return;
  const int rows = dataset->trainingRowCount();
  const TrainingSettings& settings = snapshot.settings;
  int batch = rows;
  if (settings.optimizer.kind == OptimizerKind::Perceptron)
    batch = 1;
  else if (settings.optimizer.kind != OptimizerKind::Gd && settings.batchSize > 0)
    batch = std::min(settings.batchSize, rows);
  deltas = sampleDeltas(snapshot.network, settings.loss, activations.front(),
                        dataset->targets.row(sample), std::max(batch, 1));
}

double ForwardValues::slope(Activation activation, double a) {
  switch (activation) {
    case Activation::Sigmoid:
      return a * (1.0 - a);
    case Activation::Tanh:
      return 1.0 - a * a;
    default:
      return 1.0;
  }
}

}  // namespace nnlab
