// Trainer::traceNextUpdate and the recording it switches on. The training loop is compiled twice
// from one source (Trainer::run<Traced>): step() runs it without a line of recording in it, and
// traceNextUpdate() runs the traced one on a copy of the trainer, which it then throws away.
#include <cmath>

#include "core/trainer.h"

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
  const PassBuffers& pass = workspace.pass;
  for (int l = 0; l < m_network.layerCount(); ++l) {
    LayerTrace& out = trace.layers[l];
    out.z = pass.z[l];
    // Empty where δ was taken in one piece (and for the perceptron rule, which has no ∂L/∂a).
    if (pass.keep) out.lossGradient = pass.lossGradient[l];
    out.a = pass.a[l];
    out.delta = pass.delta[l];
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
