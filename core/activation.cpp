#include "core/activation.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/name_table.h"

namespace nnlab {
namespace {

constexpr NameTable<Activation, 6> kActivations{{{
    {Activation::Sigmoid, "sigmoid"},
    {Activation::Tanh, "tanh"},
    {Activation::Relu, "relu"},
    {Activation::Linear, "linear"},
    {Activation::Step, "step"},
    {Activation::Softmax, "softmax"},
}}};

// a_k = e^{z_k − m} / Σ_j e^{z_j − m} per row, m = max_j z_j: the same value, and no overflow.
// Loops rather than partial reductions, so nothing is allocated (the trainer's hot path).
void softmaxRows(const Matrix& z, Matrix& a) {
  for (Eigen::Index r = 0; r < z.rows(); ++r) {
    const double m = z.row(r).maxCoeff();
    double sum = 0.0;
    for (Eigen::Index k = 0; k < z.cols(); ++k) {
      a(r, k) = std::exp(z(r, k) - m);
      sum += a(r, k);
    }
    a.row(r) /= sum;
  }
}

// ∂a_k/∂z_j = a_k(1[k = j] − a_j), so (Jᵀδ)_j = a_j(δ_j − Σ_k δ_k a_k) (J is symmetric).
void softmaxJacobianProduct(const Matrix& a, Matrix& delta) {
  for (Eigen::Index r = 0; r < a.rows(); ++r) {
    const double dot = a.row(r).dot(delta.row(r));
    for (Eigen::Index k = 0; k < a.cols(); ++k) delta(r, k) = a(r, k) * (delta(r, k) - dot);
  }
}

// Eigen 3.4's tanh for doubles is scalar, and so is every expression holding a select(); this
// one runs on its vectorised exp, in passes that each vectorise:
//   tanh z = (t − 1)/(t + 1) with t = e^{2z}, |z| clamped to 20 (tanh 20 is 1 in double),
// then, where that would cancel (|z| < 0.01), the series z − z³/3 + 2z⁵/15 − 17z⁷/315.
// Blocks of z are copied to the stack first, so `a` may be `z` itself.
void tanhInPlace(const Matrix& z, Matrix& a) {
  constexpr Eigen::Index kBlock = 256;
  alignas(64) double block[kBlock];
  for (Eigen::Index start = 0; start < z.size(); start += kBlock) {
    const Eigen::Index length = std::min(kBlock, z.size() - start);
    std::copy_n(z.data() + start, length, block);
    const Eigen::Map<const Eigen::ArrayXd> in(block, length);
    Eigen::Map<Eigen::ArrayXd> out(a.data() + start, length);
    out = (2.0 * in.max(-20.0).min(20.0)).exp();
    out = (out - 1.0) / (out + 1.0);
    for (Eigen::Index i = 0; i < length; ++i) {
      const double x = block[i];
      if (std::abs(x) < 0.01) {
        const double x2 = x * x;
        out[i] = x * (1.0 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315))));
      }
    }
  }
}

}  // namespace

std::string_view activationName(Activation activation) { return kActivations.name(activation); }

std::optional<Activation> parseActivation(std::string_view name) {
  return kActivations.parse(name);
}

std::string activationNames() { return kActivations.names(); }

bool isElementwise(Activation activation) { return activation != Activation::Softmax; }

void applyActivation(Activation activation, const Matrix& z, Matrix& a) {
  if (applyElementwise(activation, z.array(), a.array())) return;
  if (activation == Activation::Tanh) {
    tanhInPlace(z, a);
  } else {
    softmaxRows(z, a);
  }
}

void multiplyByDerivative(Activation activation, const Matrix& a, Matrix& delta) {
  if (multiplyByDerivativeElementwise(activation, a.array(), delta.array())) return;
  softmaxJacobianProduct(a, delta);  // δ = a ⊙ (δ − Σ_k δ_k a_k), row by row
}

}  // namespace nnlab
