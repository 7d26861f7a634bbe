#pragma once

#include <QString>
#include <vector>

#include "core/explained_update.h"

namespace nnlab {

/// One step of the backprop walk-through: the forward pass layer by layer, the loss, the
/// backward pass layer by layer (from the output), the update.
struct BackpropStep {
  enum class Kind { Forward, Loss, Backward, Update };
  Kind kind = Kind::Forward;
  int layer = 0;  ///< the network layer the step computes (Forward, Backward); unused otherwise

  bool operator==(const BackpropStep&) const = default;
};

/// The steps of one update of a network with `layers` layers, in order.
std::vector<BackpropStep> backpropSteps(int layers);
/// The index of the first backward step in backpropSteps(layers).
int firstBackwardStep(int layers);

/// A short title for the step list ("Forward: layer 1 (hidden)").
QString backpropStepTitle(const BackpropStep& step, int layers);
/// What the step computes, as rich text: the formula, then its numbers for batch row `row` and,
/// where the step sums over the batch, the batch's result. A wide layer shows its first units;
/// `selectedUnit` of the step's layer (the neuron the inspector shows) is always written out.
QString backpropStepHtml(const ExplainedUpdate& update, const BackpropStep& step, int row,
                         int selectedUnit = -1);

/// One weight's gradient row by row — each batch row's chain-rule factors ∂L/∂a · f'(z) · a_in
/// with its numbers and a bar (rows pulling the weight opposite ways show opposite bars), then
/// their sum, the batch gradient, and the change the update makes.
QString weightSharesHtml(const ExplainedUpdate& update, int layer, int from, int to);

}  // namespace nnlab
