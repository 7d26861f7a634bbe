#pragma once

#include <vector>

#include "core/activation.h"
#include "core/loss.h"
#include "core/trainer.h"
#include "core/training_runner.h"
#include "core/update_trace.h"

namespace nnlab {

/// How one layer's parameters moved in the explained update, as the optimizer computed it.
///   gd, sgd, perceptron: step = lr·g,                        θ_after = θ − step
///   momentum:            v_after = μ·v − lr·g,               θ_after = θ + v_after
///   adam:                m, v updated; step = lr·m̂/(√v̂ + ε),  θ_after = θ − step
struct OptimizerLayerStep {
  Matrix step;         ///< what was subtracted from W (momentum: −v_after, for symmetry)
  RowVector biasStep;  ///< the same for b (empty without bias)
  Matrix firstBefore;  ///< momentum's velocity or Adam's m, before and after (empty for gd)
  Matrix firstAfter;
  Matrix secondBefore;  ///< Adam's v, before and after
  Matrix secondAfter;
  RowVector biasFirstBefore, biasFirstAfter, biasSecondBefore, biasSecondAfter;
};

/// One layer of the explained update: the trace's matrices plus the factors a learner reads.
struct ExplainedLayer {
  Activation activation = Activation::Sigmoid;
  /// f'(z) exactly as training multiplies ∂L/∂a by it (δ = ∂L/∂a ⊙ f'(z), bit for bit); empty
  /// where it is not an elementwise factor (softmax, or a fused output δ).
  Matrix derivative;
  Matrix l1Term;  ///< l1·sign(W); empty when l1 = 0
  Matrix l2Term;  ///< l2·W; empty when l2 = 0
  OptimizerLayerStep update;
};

/// One update of a trainer, every number of it: the forward pass, the loss, the backward pass
/// and the optimizer's step. Built from Trainer::traceNextUpdate, so the parameters after it are
/// bit-identical to what the trainer's own step gives.
struct ExplainedUpdate {
  UpdateTrace trace;
  Loss loss = Loss::Sse;
  double l1 = 0.0;
  double l2 = 0.0;
  std::vector<double> perSampleLoss;  ///< each batch row's loss sum, over the trace's divisor
  double total = 0.0;                 ///< trace.lossSum / trace.divisor, as training reports it
  long long adamStep = 0;             ///< Adam's t for this update (0 for other optimizers)
  double correction1 = 1.0;           ///< Adam's 1 − β1ᵗ
  double correction2 = 1.0;           ///< Adam's 1 − β2ᵗ
  std::vector<ExplainedLayer> layers;
};

/// Explains the update `trainer` would make next, without changing it.
ExplainedUpdate explainNextUpdate(const Trainer& trainer);
/// Explains the update a runner whose state is `state` (TrainingRunner::captureState) makes
/// next: on the data as its network reads it (input scaling fitted as the runner fits it), from
/// its optimizer state and shuffle order. Throws std::invalid_argument when the state's parts do
/// not fit together.
ExplainedUpdate explainNextUpdate(const RunnerState& state);

/// The loss over the training rows (as training reports it) before and after the next update,
/// were it made with `learningRate`: what a learner sees coming as the learning rate moves.
struct LookAhead {
  double learningRate = 0.0;
  double before = 0.0;
  double after = 0.0;  ///< NaN or ∞ where the update would diverge
};
LookAhead lookAhead(const RunnerState& state, double learningRate);

/// δ = ∂L/∂z of every layer (1 × units each) for one sample — its row of the δ that a batch of
/// `batchRows` rows computes with `loss` (whose divisor counts the batch's rows), by training's
/// own code. Empty when the sizes do not fit.
std::vector<RowVector> sampleDeltas(const Network& network, Loss loss, const RowVector& input,
                                    const RowVector& target, int batchRows);

/// One batch row's share of ∂L/∂w for a single weight w = W_l(i, j):
///   ∂L/∂w (this row) = ∂L/∂a_j · f'(z_j) · a_in,i = δ_j · a_in,i
struct WeightRowShare {
  int row = 0;              ///< the dataset row
  double lossGradient = 0;  ///< ∂L/∂a_j (NaN where training takes δ in one piece)
  double derivative = 0;    ///< f'(z_j) (NaN where it is not an elementwise factor)
  double delta = 0;         ///< δ_j = ∂L/∂z_j, as training computed it
  double input = 0;         ///< a_in,i: the input the weight multiplies
  double share = 0;         ///< δ_j · a_in,i
};

/// The chain rule for one weight, over the batch, with the optimizer's change of it.
struct WeightExplanation {
  int layer = 0, from = 0, to = 0;  ///< from 0
  std::vector<WeightRowShare> rows;
  double dataGradient = 0;  ///< Σ of the shares, as training's product computed it
  double l1Term = 0;
  double l2Term = 0;
  double gradient = 0;  ///< what the optimizer received
  double step = 0;      ///< subtracted from w by the update
  double before = 0;
  double after = 0;
};

/// Throws std::out_of_range when (layer, from, to) is not a weight of the explained network.
WeightExplanation explainWeight(const ExplainedUpdate& update, int layer, int from, int to);

}  // namespace nnlab
