#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/types.h"

namespace nnlab {

/// The function a layer applies to z = x·W + b. All are elementwise except Softmax, which
/// normalises each row: a_k = e^{z_k} / Σ_j e^{z_j} (output layers only).
enum class Activation { Sigmoid, Tanh, Relu, Linear, Step, Softmax };

/// Lower-case name as used in files and on the command line ("sigmoid", …).
std::string_view activationName(Activation activation);
/// Parses a name written by activationName(); nullopt for anything else.
std::optional<Activation> parseActivation(std::string_view name);
/// All names, comma-separated, for error messages.
std::string activationNames();

/// False for Softmax, whose units depend on each other (it is allowed on output layers only).
bool isElementwise(Activation activation);

/// a = f(z), elementwise (Softmax: row by row, max-subtracted so that e^z cannot overflow).
/// `a` must already have z's shape; it may be z itself.
void applyActivation(Activation activation, const Matrix& z, Matrix& a);
/// delta ⊙= f'(z), written in terms of a = f(z) (every activation here allows it), so the
/// trainer need not keep z. Step's derivative is taken as 0. For Softmax this is the
/// Jacobian-vector product of each row: δ = a ⊙ (δ − Σ_k δ_k a_k).
void multiplyByDerivative(Activation activation, const Matrix& a, Matrix& delta);

/// The elementwise activations, written once for arrays of any size, fixed or not: the Matrix
/// functions above and the fixed-size loop (kernels/fixed_loop.h) both run these. applyElementwise
/// does a = f(z) and returns true, or returns false without touching `a` for Tanh (whose kernel
/// is its own, in activation.cpp) and Softmax. multiplyByDerivativeElementwise does δ ⊙= f'(z)
/// and returns false for Softmax. `a` and `delta` are taken by forwarding reference so that a
/// temporary view (`matrix.array()`) can be written through.
/// Whether applyElementwise and multiplyByDerivativeElementwise both compute `activation` (the
/// fixed-size loop runs only those).
constexpr bool hasElementwiseExpression(Activation activation) {
  return activation == Activation::Sigmoid || activation == Activation::Relu ||
         activation == Activation::Linear || activation == Activation::Step;
}

template <typename Z, typename A>
bool applyElementwise(Activation activation, const Eigen::ArrayBase<Z>& z, A&& a) {
  switch (activation) {
    case Activation::Sigmoid:
      // σ(z) = 1 / (1 + e^−z)
      a = (1.0 + (-z).exp()).inverse();
      return true;
    case Activation::Relu:
      a = z.max(0.0);
      return true;
    case Activation::Linear:
      a = z;
      return true;
    case Activation::Step:
      // The M-P neuron fires when its weighted sum reaches the threshold (z = Σw·x − T ≥ 0).
      a = (z >= 0.0).template cast<double>();
      return true;
    case Activation::Tanh:
    case Activation::Softmax:
      break;
  }
  return false;
}

template <typename A, typename D>
bool multiplyByDerivativeElementwise(Activation activation, const Eigen::ArrayBase<A>& a,
                                     D&& delta) {
  switch (activation) {
    case Activation::Sigmoid:
      // σ'(z) = σ(z)·(1 − σ(z)) = a·(1 − a)
      delta *= a * (1.0 - a);
      return true;
    case Activation::Tanh:
      // tanh'(z) = 1 − tanh²(z) = 1 − a²
      delta *= 1.0 - a.square();
      return true;
    case Activation::Relu:
      // relu'(z) = 1 where z > 0, which is exactly where a > 0
      delta *= (a > 0.0).template cast<double>();
      return true;
    case Activation::Linear:
      return true;
    case Activation::Step:
      // The step is flat everywhere it is differentiable: no gradient flows through it.
      delta.setZero();
      return true;
    case Activation::Softmax:
      break;
  }
  return false;
}

}  // namespace nnlab
