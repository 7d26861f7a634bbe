#include "core/trainer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/kernels/fixed_loop.h"
#include "core/kernels/forward_kernel.h"
#include "core/small_product.h"

namespace nnlab {

void Trainer::Workspace::resize(const Network& network, int rows, int inputColumns,
                                int targetColumns) {
  pass.resize(network, rows);
  inputs.resize(rows, inputColumns);
  targets.resize(rows, targetColumns);
}

Trainer::Trainer(Network network, Dataset dataset, TrainingSettings settings)
    : m_network(std::move(network)),
      m_dataset(std::move(dataset)),
      m_settings(settings),
      m_optimizer(settings.optimizer) {
  if (auto problem = incompatibility(m_network, m_dataset, m_settings)) {
    throw std::invalid_argument(*problem);
  }
  m_optimizer.reset(m_network);
  m_random = Random(m_settings.shuffleSeed);
  splitRows();
  configure();
}

// The training and test rows as matrices of their own, so that epochs run on contiguous rows.
void Trainer::splitRows() {
  if (m_dataset.testRowCount() == 0) {
    m_trainInputs = m_dataset.inputs;
    m_trainTargets = m_dataset.targets;
    m_testInputs.resize(0, m_dataset.inputColumns());
    m_testTargets.resize(0, m_dataset.targetColumns());
    return;
  }
  Dataset train = selectRows(m_dataset, false);
  Dataset test = selectRows(m_dataset, true);
  m_trainInputs = std::move(train.inputs);
  m_trainTargets = std::move(train.targets);
  m_testInputs = std::move(test.inputs);
  m_testTargets = std::move(test.targets);
}

void Trainer::configure() {
  const int n = static_cast<int>(m_trainInputs.rows());
  const int batch = effectiveBatchSize();
  m_full.resize(m_network, n, 0, 0);
  const int tests = static_cast<int>(m_testInputs.rows());
  m_all.resize(m_network, tests > 0 ? m_dataset.rows() : 0, 0, 0);
  m_test.resize(m_network, tests, 0, 0);
  m_batch.resize(m_network, batch, m_dataset.inputColumns(), m_dataset.targetColumns());
  const int remainder = n % batch;
  m_remainder.resize(m_network, remainder, m_dataset.inputColumns(), m_dataset.targetColumns());
  m_order.resize(n);
  for (int i = 0; i < n; ++i) m_order[i] = i;
  m_gradients = Gradients::zerosLike(m_network);
  m_gradientsKnown = false;
}

int Trainer::effectiveBatchSize() const {
  const int n = static_cast<int>(m_trainInputs.rows());
  switch (m_settings.optimizer.kind) {
    case OptimizerKind::Gd:
      return n;
    case OptimizerKind::Perceptron:
      return 1;
    case OptimizerKind::Sgd:
    case OptimizerKind::Momentum:
    case OptimizerKind::Adam:
      break;
  }
  return m_settings.batchSize <= 0 ? n : std::min(m_settings.batchSize, n);
}

void Trainer::setSettings(const TrainingSettings& settings) {
  if (auto problem = incompatibility(m_network, m_dataset, settings)) {
    throw std::invalid_argument(*problem);
  }
  const TrainingSettings old = m_settings;
  const int oldBatch = effectiveBatchSize();
  m_settings = settings;
  m_optimizer.setSettings(settings.optimizer, m_network);
  if (settings.shuffleSeed != old.shuffleSeed) m_random = Random(settings.shuffleSeed);
  // Buffers follow the batch size alone: a new learning rate (a slider being dragged) costs
  // no allocation and keeps the minibatch order going.
  if (effectiveBatchSize() != oldBatch) configure();
}

void Trainer::setDataset(Dataset dataset) {
  if (auto problem = incompatibility(m_network, dataset, m_settings)) {
    throw std::invalid_argument(*problem);
  }
  m_dataset = std::move(dataset);
  splitRows();
  configure();
}

void Trainer::setNetwork(Network network) {
  if (auto problem = incompatibility(network, m_dataset, m_settings)) {
    throw std::invalid_argument(*problem);
  }
  m_network = std::move(network);
  m_optimizer.reset(m_network);
  m_epoch = 0;
  configure();
}

const Matrix& Trainer::forward(const Matrix& inputs, Workspace& workspace) {
  return forwardPass(m_network, inputs, workspace.pass.a);
}

// One batch's gradient by the kernels (kernels/backward_kernel.h has the derivation), then the
// regularisation terms. A trace keeps every intermediate of the same pass.
template <bool Traced>
double Trainer::backward(const Matrix& inputs, const Matrix& targets, Workspace& workspace) {
  const Loss loss = m_settings.loss;
  const double divisor =
      lossDivisor(loss, static_cast<double>(inputs.rows()), static_cast<double>(targets.cols()));
  workspace.pass.keep = Traced;
  const double sum =
      gradientPass(m_network, loss, inputs, targets, divisor, workspace.pass, m_gradients);
  if constexpr (Traced) {
    const bool fused = fusedOutputDelta(loss, m_network.layers().back().activation);
    recordBackward(inputs, targets, workspace, sum, divisor, fused);
  }
  addRegularisation(m_network, m_settings.l1, m_settings.l2, m_gradients);
  return sum;
}

template <bool Traced>
bool Trainer::fullBatchEpoch(double& lossSum) {
  if constexpr (Traced) recordBatch(nullptr, static_cast<int>(m_trainInputs.rows()));
  lossSum = backward<Traced>(m_trainInputs, m_trainTargets, m_full);
  if (!std::isfinite(lossSum)) {
    if constexpr (Traced) recordUpdate(true);
    return false;
  }
  m_optimizer.update(m_gradients, m_network);
  if constexpr (Traced) recordUpdate(false);
  return true;
}

template <bool Traced>
bool Trainer::minibatchEpoch(double& lossSum) {
  const int n = static_cast<int>(m_trainInputs.rows());
  // Fisher–Yates with our own generator, so the order is the same on every platform.
  for (int i = n - 1; i > 0; --i) {
    std::swap(m_order[i], m_order[m_random.below(static_cast<std::uint64_t>(i) + 1)]);
  }
  lossSum = 0.0;
  for (int start = 0; start < n;) {
    Workspace& ws = n - start >= m_batch.rows() ? m_batch : m_remainder;
    for (int r = 0; r < ws.rows(); ++r) {
      ws.inputs.row(r) = m_trainInputs.row(m_order[start + r]);
      ws.targets.row(r) = m_trainTargets.row(m_order[start + r]);
    }
    if constexpr (Traced) recordBatch(m_order.data() + start, ws.rows());
    const double batchSum = backward<Traced>(ws.inputs, ws.targets, ws);
    if (!std::isfinite(batchSum)) {
      lossSum = batchSum;
      if constexpr (Traced) recordUpdate(true);
      return false;
    }
    lossSum += batchSum;
    m_optimizer.update(m_gradients, m_network);
    if constexpr (Traced) {
      recordUpdate(false);
      return true;  // the trace is of one update; its trainer is a copy, thrown away after
    }
    start += ws.rows();
  }
  return true;
}

// Rosenblatt's perceptron rule, one sample at a time in table order: w ← w + lr·(y − ŷ)·x and
// b ← b + lr·(y − ŷ). Stored as the "gradient" −(y − ŷ)·x so that the plain update applies it.
// The epoch's loss is that of the weights it starts from, over every row (as for gd): the
// mistakes made along the way, while the weights change after each sample, would count a row
// the end weights get right, and disagree with evaluate().
template <bool Traced>
bool Trainer::perceptronEpoch(double& lossSum) {
  lossSum = nnlab::lossSum(m_settings.loss, forward(m_trainInputs, m_full), m_trainTargets);
  if (!std::isfinite(lossSum)) return false;
  Workspace& ws = m_batch;  // one row
  const DenseLayer& layer = m_network.layer(0);
  for (Eigen::Index i = 0; i < m_trainInputs.rows(); ++i) {
    ws.inputs.row(0) = m_trainInputs.row(i);
    ws.targets.row(0) = m_trainTargets.row(i);
    // A trace keeps z too (the same bits: z is computed either way, then overwritten by f(z)).
    const Matrix& output =
        forwardPass(m_network, ws.inputs, ws.pass.a, Traced ? &ws.pass.z : nullptr);
    Matrix& error = ws.pass.delta[0];
    error.noalias() = output - ws.targets;  // ŷ − y
    multiplyTransposedLeft(ws.inputs, error, m_gradients.weights[0]);
    if (layer.hasBias()) m_gradients.bias[0] = error;
    if constexpr (Traced) {
      const int row = static_cast<int>(i);
      recordBatch(&row, 1);
      recordBackward(ws.inputs, ws.targets, ws, nnlab::lossSum(m_settings.loss, output, ws.targets),
                     lossDivisor(m_settings.loss, 1.0, static_cast<double>(output.cols())), true);
    }
    m_optimizer.update(m_gradients, m_network);
    if constexpr (Traced) {
      recordUpdate(false);
      return true;
    }
  }
  return true;
}

StepResult Trainer::step(long long epochs) { return run<false>(epochs); }

StepResult Trainer::step(long long epochs, const EpochObserver& afterEpoch) {
  return run<false>(epochs, &afterEpoch);
}

// The fixed-size loop (kernels/fixed_loop.h) takes the seed's sizes: 4 rows, 3 → 4 → 1.
bool Trainer::fixedLoopFits() const {
  if (m_settings.optimizer.kind != OptimizerKind::Gd || m_settings.l1 != 0.0 ||
      m_settings.l2 != 0.0 || (m_settings.loss != Loss::Sse && m_settings.loss != Loss::Mse) ||
      m_network.layerCount() != 2 || m_trainInputs.rows() != 4) {
    return false;
  }
  const DenseLayer& hidden = m_network.layer(0);
  const DenseLayer& output = m_network.layer(1);
  return !hidden.hasBias() && !output.hasBias() && hasElementwiseExpression(hidden.activation) &&
         hasElementwiseExpression(output.activation) && hidden.weights.rows() == 3 &&
         hidden.units() == 4 && output.units() == 1;
}

// Trains as run<false> does (the same bits), with the weights in fixed-size matrices.
template <int Rows, int In, int Hidden, int Out>
StepResult Trainer::runFixed(long long epochs, const EpochObserver* afterEpoch) {
  StepResult result;
  const double divisor = lossDivisor(m_settings.loss, static_cast<double>(m_trainTargets.rows()),
                                     static_cast<double>(m_trainTargets.cols()));
  FixedTwoLayerLoop<Rows, In, Hidden, Out> loop(m_network, m_trainInputs, m_trainTargets, divisor,
                                                m_settings.optimizer.learningRate);
  // Written back however the loop ends, an observer's exception included: the epochs it was
  // told of have happened.
  struct WriteBack {
    Trainer& trainer;
    const FixedTwoLayerLoop<Rows, In, Hidden, Out>& loop;
    const StepResult& result;
    ~WriteBack() {
      if (result.epochs > 0 || result.diverged) loop.store(trainer.m_network, trainer.m_gradients);
      trainer.m_optimizer.countPlainSteps(result.epochs);
      trainer.m_epoch += result.epochs;
      if (result.epochs > 0) trainer.m_gradientsKnown = true;
    }
  } writeBack{*this, loop, result};
  for (long long e = 0; e < epochs; ++e) {
    const double sum = loop.epoch();
    result.loss = sum / divisor;
    if (!std::isfinite(sum)) {
      result.diverged = true;
      break;
    }
    ++result.epochs;
    if (afterEpoch && !(*afterEpoch)(result.loss)) break;
  }
  return result;
}

template <bool Traced>
StepResult Trainer::run(long long epochs, const EpochObserver* afterEpoch) {
  if constexpr (!Traced) {
    if (fixedLoopFits()) return runFixed<4, 3, 4, 1>(epochs, afterEpoch);
  }
  StepResult result;
  const double divisor = lossDivisor(m_settings.loss, static_cast<double>(m_trainTargets.rows()),
                                     static_cast<double>(m_trainTargets.cols()));
  for (long long e = 0; e < epochs; ++e) {
    double sum = 0.0;
    bool finite = true;
    switch (m_settings.optimizer.kind) {
      case OptimizerKind::Gd:
        finite = fullBatchEpoch<Traced>(sum);
        break;
      case OptimizerKind::Perceptron:
        finite = perceptronEpoch<Traced>(sum);
        break;
      case OptimizerKind::Sgd:
      case OptimizerKind::Momentum:
      case OptimizerKind::Adam:
        finite = m_batch.rows() == m_trainInputs.rows() ? fullBatchEpoch<Traced>(sum)
                                                        : minibatchEpoch<Traced>(sum);
        break;
    }
    result.loss = sum / divisor;
    if (!finite) {
      result.diverged = true;
      return result;
    }
    ++result.epochs;
    ++m_epoch;
    m_gradientsKnown = true;
    if (afterEpoch && !(*afterEpoch)(result.loss)) break;
  }
  return result;
}

TrainerState Trainer::state() const {
  return {m_epoch, m_optimizer.state(), m_random.state(), m_order};
}

void Trainer::copyStateTo(TrainerState& into) const {
  into.epoch = m_epoch;
  m_optimizer.copyStateTo(into.optimizer);
  into.shuffleRandom = m_random.state();
  into.shuffleOrder = m_order;
}

void Trainer::restoreState(TrainerState state) {
  if (state.epoch < 0) throw std::invalid_argument("the epoch count is negative");
  // A permutation of the training rows, or (a run that never shuffled) none at all.
  std::vector<int> sorted = state.shuffleOrder;
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (sorted.size() != m_order.size() || sorted[i] != static_cast<int>(i)) {
      throw std::invalid_argument("the shuffle order is not an order of the " +
                                  std::to_string(m_order.size()) + " training rows");
    }
  }
  Optimizer optimizer = m_optimizer;
  optimizer.setState(std::move(state.optimizer), m_network);  // throws before anything changed
  m_optimizer = std::move(optimizer);
  if (!state.shuffleOrder.empty()) m_order = std::move(state.shuffleOrder);
  m_random = Random(state.shuffleRandom);
  m_epoch = state.epoch;
}

const Matrix& Trainer::predictAll() {
  if (m_testInputs.rows() == 0) return forward(m_dataset.inputs, m_full);
  return forward(m_dataset.inputs, m_all);
}

double Trainer::evaluate() {
  return lossValue(m_settings.loss, forward(m_trainInputs, m_full), m_trainTargets);
}

std::optional<double> Trainer::evaluateTest() {
  if (m_testInputs.rows() == 0) return std::nullopt;
  return lossValue(m_settings.loss, forward(m_testInputs, m_test), m_testTargets);
}

Evaluation Trainer::evaluateAll() {
  return evaluatePredictions(m_settings.loss, predictAll(), m_dataset);
}

double Trainer::computeGradients(Gradients& out) {
  const double sum = backward<false>(m_trainInputs, m_trainTargets, m_full);
  out = m_gradients;
  return sum / lossDivisor(m_settings.loss, static_cast<double>(m_trainTargets.rows()),
                           static_cast<double>(m_trainTargets.cols()));
}

// traceNextUpdate (trainer_trace.cpp) runs the traced loop.
template StepResult Trainer::run<true>(long long epochs, const EpochObserver* afterEpoch);

}  // namespace nnlab
