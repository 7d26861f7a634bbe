#include "core/explained_update.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/kernels/update_kernel.h"

namespace nnlab {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The parameter change of one layer, recomputed with the optimizer's own expressions (see
// optimizer.cpp) from the state before and after, so θ_after = θ_before − step holds bit for bit.
OptimizerLayerStep layerStep(const UpdateTrace& trace, int l, const ExplainedUpdate& e) {
  const OptimizerSettings& s = trace.optimizer;
  const LayerTrace& layer = trace.layers[l];
  const bool bias = layer.biasBefore.size() > 0;
  OptimizerLayerStep out;
  switch (s.kind) {
    case OptimizerKind::Gd:
    case OptimizerKind::Sgd:
    case OptimizerKind::Perceptron:
      out.step = s.learningRate * layer.gradWeights;
      if (bias) out.biasStep = s.learningRate * layer.gradBias;
      break;
    case OptimizerKind::Momentum:
      out.firstBefore = trace.optimizerBefore.first.weights[l];
      out.firstAfter = trace.optimizerAfter.first.weights[l];
      out.step = -out.firstAfter;
      if (bias) {
        out.biasFirstBefore = trace.optimizerBefore.first.bias[l];
        out.biasFirstAfter = trace.optimizerAfter.first.bias[l];
        out.biasStep = -out.biasFirstAfter;
      }
      break;
    case OptimizerKind::Adam: {
      const AdamCorrections c{e.correction1, e.correction2};
      const auto changeOf = [&](const auto& m, const auto& v) {
        return adamChange(m, v, s, c).matrix().eval();
      };
      out.firstBefore = trace.optimizerBefore.first.weights[l];
      out.firstAfter = trace.optimizerAfter.first.weights[l];
      out.secondBefore = trace.optimizerBefore.second.weights[l];
      out.secondAfter = trace.optimizerAfter.second.weights[l];
      out.step = changeOf(out.firstAfter, out.secondAfter);
      if (bias) {
        out.biasFirstBefore = trace.optimizerBefore.first.bias[l];
        out.biasFirstAfter = trace.optimizerAfter.first.bias[l];
        out.biasSecondBefore = trace.optimizerBefore.second.bias[l];
        out.biasSecondAfter = trace.optimizerAfter.second.bias[l];
        out.biasStep = changeOf(out.biasFirstAfter, out.biasSecondAfter);
      }
      break;
    }
  }
  return out;
}

// f'(z) as multiplyByDerivative applies it: the product with ones gives the factor's bits.
Matrix derivativeFactor(Activation activation, const Matrix& a) {
  Matrix factor = Matrix::Ones(a.rows(), a.cols());
  multiplyByDerivative(activation, a, factor);
  return factor;
}

}  // namespace

ExplainedUpdate explainNextUpdate(const Trainer& trainer) {
  ExplainedUpdate e;
  e.trace = trainer.traceNextUpdate();
  const UpdateTrace& trace = e.trace;
  const TrainingSettings& settings = trainer.settings();
  e.loss = settings.loss;
  e.l1 = settings.l1;
  e.l2 = settings.l2;
  e.total = trace.lossSum / trace.divisor;
  const Matrix& output = trace.layers.back().a;
  for (Eigen::Index r = 0; r < output.rows(); ++r) {
    e.perSampleLoss.push_back(lossSum(e.loss, output.row(r), trace.targets.row(r)) / trace.divisor);
  }
  if (trace.optimizer.kind == OptimizerKind::Adam) {
    e.adamStep = trace.optimizerAfter.steps;
    const AdamCorrections c = adamCorrections(trace.optimizer, e.adamStep);
    e.correction1 = c.first;
    e.correction2 = c.second;
  }
  const int last = static_cast<int>(trace.layers.size()) - 1;
  for (int l = 0; l <= last; ++l) {
    const LayerTrace& layer = trace.layers[l];
    ExplainedLayer out;
    out.activation = trainer.network().layer(l).activation;
    const bool fusedOutput = l == last && trace.fused;
    if (isElementwise(out.activation) && !fusedOutput) {
      out.derivative = derivativeFactor(out.activation, layer.a);
    }
    if (e.l1 != 0.0) out.l1Term = e.l1 * layer.weightsBefore.array().sign().matrix();
    if (e.l2 != 0.0) out.l2Term = e.l2 * layer.weightsBefore;
    if (!trace.diverged) out.update = layerStep(trace, l, e);
    e.layers.push_back(std::move(out));
  }
  return e;
}

namespace {

// The trainer a runner with `state` trains with: on its data as the network reads it.
Trainer trainerFor(const RunnerState& state, const TrainingSettings& settings) {
  const InputScaling scaling = InputScaling::fit(state.scaling, state.dataset);
  Trainer trainer(state.network, scaling.apply(state.dataset), settings);
  trainer.restoreState(state.trainer);
  return trainer;
}

}  // namespace

ExplainedUpdate explainNextUpdate(const RunnerState& state) {
  return explainNextUpdate(trainerFor(state, state.settings));
}

LookAhead lookAhead(const RunnerState& state, double learningRate) {
  TrainingSettings settings = state.settings;
  settings.optimizer.learningRate = learningRate;
  Trainer trainer = trainerFor(state, settings);
  LookAhead result{learningRate, trainer.evaluate(), 0.0};
  const UpdateTrace trace = trainer.traceNextUpdate();
  if (trace.diverged) {
    result.after = std::numeric_limits<double>::infinity();
    return result;
  }
  Network after = trainer.network();
  for (int l = 0; l < after.layerCount(); ++l) {
    after.layer(l).weights = trace.layers[l].weightsAfter;
    after.layer(l).bias = trace.layers[l].biasAfter;
  }
  if (!after.allFinite()) {
    result.after = std::numeric_limits<double>::infinity();
    return result;
  }
  trainer.setNetwork(std::move(after));
  result.after = trainer.evaluate();
  return result;
}

std::vector<RowVector> sampleDeltas(const Network& network, Loss loss, const RowVector& input,
                                    const RowVector& target, int batchRows) {
  if (network.layerCount() == 0 || input.size() != network.inputs() ||
      target.size() != network.outputs() || batchRows < 1) {
    return {};
  }
  TrainingSettings settings;
  settings.loss = loss;
  if (Trainer::incompatibility(network, Dataset::fromMatrices(input, target), settings)) return {};
  const UpdateTrace trace =
      Trainer(network, Dataset::fromMatrices(input, target), settings).traceNextUpdate();
  // δ carries 1/divisor; the batch's divisor counts its rows.
  const double scale = trace.divisor / lossDivisor(loss, static_cast<double>(batchRows),
                                                   static_cast<double>(target.size()));
  std::vector<RowVector> deltas;
  for (const LayerTrace& layer : trace.layers) deltas.push_back(layer.delta.row(0) * scale);
  return deltas;
}

WeightExplanation explainWeight(const ExplainedUpdate& update, int layer, int from, int to) {
  const UpdateTrace& trace = update.trace;
  if (layer < 0 || layer >= static_cast<int>(trace.layers.size())) {
    throw std::out_of_range("layer " + std::to_string(layer + 1) +
                            " does not exist (the network has " +
                            std::to_string(trace.layers.size()) + " layers)");
  }
  const LayerTrace& t = trace.layers[layer];
  if (from < 0 || from >= t.weightsBefore.rows() || to < 0 || to >= t.weightsBefore.cols()) {
    throw std::out_of_range("layer " + std::to_string(layer + 1) + " has weights 1…" +
                            std::to_string(t.weightsBefore.rows()) + " × 1…" +
                            std::to_string(t.weightsBefore.cols()));
  }
  const ExplainedLayer& x = update.layers[layer];
  const Matrix& in = layer == 0 ? trace.inputs : trace.layers[layer - 1].a;
  WeightExplanation w;
  w.layer = layer;
  w.from = from;
  w.to = to;
  for (Eigen::Index r = 0; r < t.delta.rows(); ++r) {
    WeightRowShare share;
    share.row = trace.rows[r];
    share.lossGradient = t.lossGradient.size() ? t.lossGradient(r, to) : kNaN;
    share.derivative = x.derivative.size() ? x.derivative(r, to) : kNaN;
    share.delta = t.delta(r, to);
    share.input = in(r, from);
    share.share = share.delta * share.input;
    w.rows.push_back(share);
  }
  w.dataGradient = t.dataGradient(from, to);
  w.l1Term = x.l1Term.size() ? x.l1Term(from, to) : 0.0;
  w.l2Term = x.l2Term.size() ? x.l2Term(from, to) : 0.0;
  w.gradient = t.gradWeights(from, to);
  w.step = x.update.step.size() ? x.update.step(from, to) : 0.0;
  w.before = t.weightsBefore(from, to);
  w.after = t.weightsAfter(from, to);
  return w;
}

}  // namespace nnlab
