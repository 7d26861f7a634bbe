#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/evaluation.h"
#include "core/kernels/backward_kernel.h"
#include "core/loss.h"
#include "core/network.h"
#include "core/optimizer.h"
#include "core/random.h"
#include "core/update_trace.h"

namespace nnlab {

/// Everything about training that can change without re-initialising the weights.
struct TrainingSettings {
  Loss loss = Loss::Sse;
  OptimizerSettings optimizer;
  /// Rows per update for sgd, momentum and adam (0 or ≥ N: the whole batch). gd always uses the
  /// whole batch; perceptron updates after every sample.
  int batchSize = 32;
  double l1 = 0.0;                ///< adds l1·Σ|w| to the loss (weights only, not biases)
  double l2 = 0.0;                ///< adds (l2/2)·Σw² to the loss (weights only, not biases)
  std::uint64_t shuffleSeed = 1;  ///< minibatch order; reshuffled every epoch

  bool operator==(const TrainingSettings&) const = default;
};

/// Where a trainer is, beyond its weights and settings: what it takes to go on with a saved run
/// exactly as it would have gone on.
struct TrainerState {
  long long epoch = 0;
  OptimizerState optimizer;
  std::uint64_t shuffleRandom = 1;  ///< the minibatch shuffle's generator (Random::state())
  std::vector<int> shuffleOrder;    ///< the training rows' order of the last epoch
};

/// What a call to Trainer::step() did.
struct StepResult {
  long long epochs = 0;  ///< epochs completed by this call
  /// Loss of the last epoch, measured on its forward passes (before that epoch's update).
  double loss = std::numeric_limits<double>::quiet_NaN();
  /// The loss became NaN or infinite; the step stopped before applying that update.
  bool diverged = false;
};

/// Trains a Network on a Dataset. One epoch is one pass over every training row; rows flagged as
/// test rows (Dataset::testRows) are never trained on. All buffers are sized when the trainer is
/// configured, so step() does not touch the heap.
class Trainer {
 public:
  /// Throws std::invalid_argument when network, data and settings do not fit together.
  Trainer(Network network, Dataset dataset, TrainingSettings settings = {});

  /// Runs up to `epochs` epochs; stops early if the loss diverges.
  StepResult step(long long epochs);
  /// Told each completed epoch's loss (that of the weights it started from); returning false
  /// ends the step there. It must not look at the trainer, whose weights and epoch count may be
  /// written back only when the step returns.
  using EpochObserver = std::function<bool(double loss)>;
  /// As step(), telling `afterEpoch` every epoch's loss: many epochs in one call, each still
  /// seen (the runner's loss history and stopping rules).
  StepResult step(long long epochs, const EpochObserver& afterEpoch);

  /// Changes hyperparameters at the next epoch, keeping weights (and optimizer state unless the
  /// optimizer kind changes). Throws std::invalid_argument for unusable values.
  /// Whether step() runs the fixed-size loop of kernels/fixed_loop.h (the seed's kind of
  /// network) rather than the general kernels; the bits are the same either way.
  bool usesFixedLoop() const { return fixedLoopFits(); }

  void setSettings(const TrainingSettings& settings);
  /// Replaces the data; its column counts must match the network's inputs and outputs.
  void setDataset(Dataset dataset);
  /// Replaces the weights (and possibly the architecture); resets the optimizer state.
  void setNetwork(Network network);

  const Network& network() const { return m_network; }
  const Dataset& dataset() const { return m_dataset; }
  const TrainingSettings& settings() const { return m_settings; }
  const Optimizer& optimizer() const { return m_optimizer; }
  /// Gradients of the last update (zero before the first).
  const Gradients& gradients() const { return m_gradients; }
  /// Whether gradients() come from an update: false until the first step after construction,
  /// setNetwork(), a new dataset or settings (each of which zeroes them).
  bool gradientsKnown() const { return m_gradientsKnown; }
  /// Epochs trained since construction or setNetwork().
  long long epoch() const { return m_epoch; }
  void setEpoch(long long epoch) { m_epoch = epoch; }

  /// The epoch count, optimizer state and shuffle order, to save.
  TrainerState state() const;
  /// The same into `into`, reusing its storage when its shapes match (a run's records do).
  void copyStateTo(TrainerState& into) const;
  /// Takes saved state back (for the same network shape, settings and data). Throws
  /// std::invalid_argument, changing nothing, when it does not fit them.
  void restoreState(TrainerState state);

  /// Forward pass of every row (training and test) with the current weights; returns
  /// N × outputs. Reuses the trainer's buffers: the reference is valid until the next call that
  /// trains or evaluates.
  const Matrix& predictAll();
  /// The loss of the current weights over the training rows (every row without a test set).
  double evaluate();
  /// The loss of the current weights over the test rows; nullopt when there are none.
  std::optional<double> evaluateTest();
  /// Training and test losses and accuracies from one forward pass over every row (allocates).
  Evaluation evaluateAll();

  /// ∂L/∂θ over the training rows with the current weights, regularisation included, without
  /// changing them; returns the loss (for gradient checks and inspection).
  double computeGradients(Gradients& out);

  /// The next parameter update — the whole batch for gd, the first batch of the next epoch for
  /// minibatches, the first row for the perceptron — computed by this trainer's own code on a
  /// copy of it, with every intermediate recorded. The trainer itself does not change.
  UpdateTrace traceNextUpdate() const;

  /// Describes why `network`, `dataset` and `settings` cannot train together, or nullopt.
  static std::optional<std::string> incompatibility(const Network& network, const Dataset& dataset,
                                                    const TrainingSettings& settings);

 private:
  /// Buffers for one batch size: a, δ (and in a trace z, ∂L/∂a) per layer (rows × units).
  struct Workspace {
    PassBuffers pass;
    Matrix inputs;  // gathered minibatch rows (unused for the full batch)
    Matrix targets;
    void resize(const Network& network, int rows, int inputColumns, int targetColumns);
    int rows() const { return static_cast<int>(inputs.rows()); }
  };

  void configure();
  void splitRows();
  int effectiveBatchSize() const;
  const Matrix& forward(const Matrix& inputs, Workspace& workspace);
  /// Loss sum of the batch; fills m_gradients. Traced: also records into m_trace.
  template <bool Traced>
  double backward(const Matrix& inputs, const Matrix& targets, Workspace& workspace);
  /// Trace only: z, a, ∂L/∂a, δ and the data gradient of the batch backward() has just run on.
  void recordBackward(const Matrix& inputs, const Matrix& targets, const Workspace& workspace,
                      double sum, double divisor, bool fused);
  /// Trace only: the batch's rows (`count` training-row indices; nullptr: the first `count` in
  /// order) and the parameters before the update.
  void recordBatch(const int* trainingRows, int count);
  /// Trace only: the parameters and optimizer state after the update.
  void recordUpdate(bool diverged);
  /// Traced: records into m_trace, and the minibatch and perceptron epochs stop after their
  /// first update (only traceNextUpdate's throwaway copy runs them so).
  template <bool Traced>
  StepResult run(long long epochs, const EpochObserver* afterEpoch = nullptr);
  bool fixedLoopFits() const;
  template <int Rows, int In, int Hidden, int Out>
  StepResult runFixed(long long epochs, const EpochObserver* afterEpoch);
  template <bool Traced>
  bool fullBatchEpoch(double& lossSum);
  template <bool Traced>
  bool minibatchEpoch(double& lossSum);
  template <bool Traced>
  bool perceptronEpoch(double& lossSum);

  Network m_network;
  Dataset m_dataset;
  TrainingSettings m_settings;
  Optimizer m_optimizer;
  Gradients m_gradients;
  Matrix m_trainInputs;      // the training rows of m_dataset (N_train × inputs)
  Matrix m_trainTargets;     // N_train × outputs
  Matrix m_testInputs;       // the test rows (N_test × inputs; empty without a split)
  Matrix m_testTargets;      // N_test × outputs
  Workspace m_full;          // all N_train training rows
  Workspace m_all;           // every row, training and test (unused without a split)
  Workspace m_test;          // the N_test test rows (unused without a split)
  Workspace m_batch;         // batchSize rows
  Workspace m_remainder;     // N mod batchSize rows
  std::vector<int> m_order;  // row order of the current epoch
  Random m_random{1};        // shuffles m_order
  long long m_epoch = 0;
  UpdateTrace* m_trace = nullptr;  // set only on the copy traceNextUpdate() runs
  bool m_gradientsKnown = false;
};

}  // namespace nnlab
