#pragma once

#include <vector>

#include "core/loss.h"
#include "core/network.h"
#include "core/optimizer.h"

namespace nnlab {

// The loss's gradient and backpropagation, written once: training and the explained update
// (the trainer's traced pass) run them, and the per-sample δ of the neuron inspector comes from
// there too. `Rows` as in forward_kernel.h.

/// Per-layer buffers of one gradient pass (N × units each), kept apart from the parameters.
struct PassBuffers {
  std::vector<Matrix> a;      ///< a = f(z)
  std::vector<Matrix> delta;  ///< δ = ∂L/∂z
  /// Kept only when `keep` is set (to show a learner every number; training does not need them):
  /// z = a_in·W + b, and ∂L/∂a before it is multiplied by f'(z) (empty for an output layer whose
  /// δ is taken in one piece).
  std::vector<Matrix> z;
  std::vector<Matrix> lossGradient;
  bool keep = false;

  /// Sizes a and δ for `network` and batches of `rows` rows (z and ∂L/∂a are sized by the pass
  /// that keeps them).
  void resize(const Network& network, int rows);
};

/// Whether the output layer's δ = ∂L/∂z is taken in one piece, (ŷ − y)/divisor: softmax with ce
/// and sigmoid with bce (see outputGradient).
bool fusedOutputDelta(Loss loss, Activation output);

/// Where backpropagation starts. Returns the batch's loss sum (lossSum) and writes into `delta`
/// (ŷ's shape) δ_L = ∂L/∂z_L when `fused`, else ∂L/∂ŷ, with L = lossSum / divisor.
///
/// Softmax with ce: ∂L/∂z_k = Σ_j (−y_j/ŷ_j)·ŷ_j(1[j = k] − ŷ_k)/N = (ŷ_k·Σ_j y_j − y_k)/N, which
/// is (ŷ_k − y_k)/N for targets that sum to 1 per row. Sigmoid with bce likewise:
/// ∂L/∂z = (ŷ − y)/(ŷ(1 − ŷ))·ŷ(1 − ŷ)/(N·K) = (ŷ − y)/(N·K). Both are used directly: cheaper,
/// and right where ŷ has saturated — there the two factors, taken apart, would be clamped to a
/// zero gradient and a confidently wrong unit would never learn.
double outputGradient(Loss loss, bool fused, const Matrix& prediction, const Matrix& target,
                      double divisor, Matrix& delta);

/// Backpropagation through every layer of a batch x (N × inputs) whose forward pass is in
/// `buffers.a`, from buffers.delta's last entry as outputGradient left it:
///   δ_L = ∂L/∂ŷ ⊙ f_L'(z_L)                    (already δ_L when `fused`)
///   ∂L/∂W_l = a_{l−1}ᵀ · δ_l                    fan_in × units
///   ∂L/∂b_l = Σ_rows δ_l                        1 × units
///   δ_{l−1} = (δ_l · W_lᵀ) ⊙ f_{l−1}'(z_{l−1})  N × units of layer l−1
/// with a_{−1} = x. With sse that is the seed's layer1ᵀ · (2(ŷ − y) ⊙ σ'(z2)), with the
/// opposite sign. The data term's gradients go into `gradients` (shaped like the network).
template <int Rows>
void backwardPassRows(const Network& network, const Matrix& x, bool fused, PassBuffers& buffers,
                      Gradients& gradients);

/// The forward pass, the loss and backpropagation of one batch (x: N × inputs, y: N × outputs):
/// ∂L/∂θ of the data term into `gradients`, every intermediate into `buffers`. Returns the
/// batch's loss sum; L = sum / divisor.
template <int Rows>
double gradientPassRows(const Network& network, Loss loss, const Matrix& x, const Matrix& y,
                        double divisor, PassBuffers& buffers, Gradients& gradients);

/// gradientPassRows for a batch of any size.
double gradientPass(const Network& network, Loss loss, const Matrix& x, const Matrix& y,
                    double divisor, PassBuffers& buffers, Gradients& gradients);

/// Adds the regularisation terms to the data term's gradients, weights only:
///   ∂/∂w [l1·|w| + (l2/2)·w²] = l1·sign(w) + l2·w
void addRegularisation(const Network& network, double l1, double l2, Gradients& gradients);

}  // namespace nnlab
