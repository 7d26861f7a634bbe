#pragma once

#include <cmath>
#include <stdexcept>

#include "core/activation.h"
#include "core/kernels/update_kernel.h"
#include "core/loss.h"
#include "core/network.h"

namespace nnlab {

// The fixed-size path of whole epochs, for the article's kind of network.
//
// A tiny network's epoch is a chain of small steps, each waiting for the one before:
// z = x·W₁ → e^−z → a₁ → a₁·W₂ → … → δ → the update → the next epoch's z. The general kernels
// keep every intermediate in a heap matrix between calls, and on the seed's 3-4-1 network the
// stores, loads and calls that adds to the chain cost about a fifth of an epoch. This loop keeps
// a two-layer network whose sizes are all known to the compiler (Rows rows of In inputs →
// Hidden units → Out units) in fixed-size matrices for as many epochs as asked, and runs on them
// the kernels' own expressions (applyElementwise, squaredErrorSumAndGradient,
// multiplyByDerivativeElementwise, gradientStep) in the kernels' order: the same bits as the
// general path, epoch after epoch (tests/core/fixed_loop_test.cpp).
//
// It serves what Trainer::fixedLoopFits() accepts: full-batch gd on sse or mse, no biases, no
// regularisation, and activations hasElementwiseExpression accepts (the constructor checks).
template <int Rows, int In, int Hidden, int Out>
class FixedTwoLayerLoop {
 public:
  FixedTwoLayerLoop(const Network& network, const Matrix& x, const Matrix& y, double divisor,
                    double learningRate)
      : m_x(x),
        m_y(y),
        m_w1(network.layer(0).weights),
        m_w2(network.layer(1).weights),
        m_f1(network.layer(0).activation),
        m_f2(network.layer(1).activation),
        m_divisor(divisor),
        m_learningRate(learningRate) {
    if (!hasElementwiseExpression(m_f1) || !hasElementwiseExpression(m_f2)) {
      throw std::logic_error("the fixed-size loop cannot run this activation");
    }
  }

  /// One epoch: the forward pass, the loss sum (returned, of the weights before the epoch), the
  /// gradients, and, when the sum is finite, the update. Not finite: the weights stay.
  double epoch() {
    // Forward (forward_kernel.h): z = a_in·W, then a = f(z) in z's place.
    m_a1.noalias() = m_x.lazyProduct(m_w1);
    applyElementwise(m_f1, m_a1.array(), m_a1.array());
    m_a2.noalias() = m_a1.lazyProduct(m_w2);
    applyElementwise(m_f2, m_a2.array(), m_a2.array());
    // Backward (backward_kernel.h): δ₂ = ∂L/∂ŷ ⊙ f₂'(z₂), ∂L/∂W₂ = a₁ᵀ·δ₂, δ₁ = δ₂·W₂ᵀ ⊙ f₁'(z₁),
    // ∂L/∂W₁ = xᵀ·δ₁.
    const double sum = squaredErrorSumAndGradient(m_a2, m_y, m_divisor, m_d2);
    multiplyByDerivativeElementwise(m_f2, m_a2.array(), m_d2.array());
    m_g2.noalias() = m_a1.transpose().lazyProduct(m_d2);
    m_d1.noalias() = m_d2.lazyProduct(m_w2.transpose());
    multiplyByDerivativeElementwise(m_f1, m_a1.array(), m_d1.array());
    m_g1.noalias() = m_x.transpose().lazyProduct(m_d1);
    if (!std::isfinite(sum)) return sum;
    // Update (update_kernel.h), layer by layer as Optimizer::update goes.
    gradientStep(m_w1, m_g1, m_learningRate);
    gradientStep(m_w2, m_g2, m_learningRate);
    return sum;
  }

  /// Writes the weights and the last epoch's gradients back.
  void store(Network& network, Gradients& gradients) const {
    network.layer(0).weights = m_w1;
    network.layer(1).weights = m_w2;
    gradients.weights[0] = m_g1;
    gradients.weights[1] = m_g2;
  }

 private:
  const Eigen::Matrix<double, Rows, In> m_x;
  const Eigen::Matrix<double, Rows, Out> m_y;
  Eigen::Matrix<double, In, Hidden> m_w1;
  Eigen::Matrix<double, Hidden, Out> m_w2;
  Eigen::Matrix<double, Rows, Hidden> m_a1, m_d1;
  Eigen::Matrix<double, Rows, Out> m_a2, m_d2;
  Eigen::Matrix<double, In, Hidden> m_g1;
  Eigen::Matrix<double, Hidden, Out> m_g2;
  const Activation m_f1, m_f2;
  const double m_divisor, m_learningRate;
};

}  // namespace nnlab
