// Trainer::traceNextUpdate and the recording it switches on. The training loop is compiled twice
// from one source (Trainer::run<Traced>): step() runs it without a line of recording in it, and
// traceNextUpdate() runs the traced one on a copy of the trainer, which it then throws away.
#include <cmath>

#include "small_product.h"
#include "trainer.h"

namespace nnlab {

UpdateTrace Trainer::traceNextUpdate() const {
  UpdateTrace trace;
  Trainer copy(*this);
  copy.m_trace = &trace;
  trace.epoch = m_epoch;
  trace.optimizer = m_settings.optimizer;
  copy.run<true>(1);
  return trace;
}

void Trainer::recordBatch(const int* trainingRows, int count) {
  UpdateTrace& trace = *m_trace;
  // Training rows are the dataset's rows without a test flag, in order.
  std::vector<int> datasetRows;
  datasetRows.reserve(m_trainInputs.rows());
  for (int row = 0; row < m_dataset.rows(); ++row) {
    if (!m_dataset.isTestRow(row)) datasetRows.push_back(row);
  }
  trace.rows.clear();
  trace.trainingRows = static_cast<int>(m_trainInputs.rows());
  for (int i = 0; i < count; ++i)
    trace.rows.push_back(datasetRows[trainingRows ? trainingRows[i] : i]);
  trace.layers.assign(m_network.layerCount(), LayerTrace{});
  for (int l = 0; l < m_network.layerCount(); ++l) {
    trace.layers[l].weightsBefore = m_network.layer(l).weights;
    trace.layers[l].biasBefore = m_network.layer(l).bias;
  }
  trace.optimizerBefore = m_optimizer.state();
}

void Trainer::recordBackward(const Matrix& inputs, const Matrix& targets,
                             const Workspace& workspace, double sum, double divisor, bool fused) {
  UpdateTrace& trace = *m_trace;
  trace.inputs = inputs;
  trace.targets = targets;
  trace.lossSum = sum;
  trace.divisor = divisor;
  trace.fused = fused;
  for (int l = 0; l < m_network.layerCount(); ++l) {
    const DenseLayer& layer = m_network.layer(l);
    LayerTrace& out = trace.layers[l];
    const Matrix& in = l == 0 ? inputs : workspace.activations[l - 1];
    // forward() computes z in the activations' buffer and overwrites it with f(z); the same
    // product and bias add, in the same order, give z's bits again.
    out.z.resize(in.rows(), layer.units());
    multiply(in, layer.weights, out.z);
    if (layer.hasBias()) out.z.rowwise() += layer.bias;
    out.a = workspace.activations[l];
    out.delta = workspace.deltas[l];
    out.dataGradient = m_gradients.weights[l];
  }
}

void Trainer::recordUpdate(bool diverged) {
  UpdateTrace& trace = *m_trace;
  trace.diverged = diverged;
  for (int l = 0; l < m_network.layerCount(); ++l) {
    LayerTrace& out = trace.layers[l];
    out.gradWeights = m_gradients.weights[l];
    out.gradBias = m_gradients.bias[l];
    out.weightsAfter = m_network.layer(l).weights;
    out.biasAfter = m_network.layer(l).bias;
  }
  trace.optimizerAfter = m_optimizer.state();
}

}  // namespace nnlab
