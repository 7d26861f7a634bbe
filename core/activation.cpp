#include "activation.h"

#include <array>
#include <cmath>

namespace nnlab {
namespace {

struct NamedActivation {
  Activation activation;
  std::string_view name;
};

constexpr std::array<NamedActivation, 5> kActivations{{
    {Activation::Sigmoid, "sigmoid"},
    {Activation::Tanh, "tanh"},
    {Activation::Relu, "relu"},
    {Activation::Linear, "linear"},
    {Activation::Step, "step"},
}};

}  // namespace

std::string_view activationName(Activation activation) {
  for (const auto& entry : kActivations) {
    if (entry.activation == activation) return entry.name;
  }
  return "?";
}

std::optional<Activation> parseActivation(std::string_view name) {
  for (const auto& entry : kActivations) {
    if (entry.name == name) return entry.activation;
  }
  return std::nullopt;
}

std::string activationNames() {
  std::string names;
  for (const auto& entry : kActivations) {
    if (!names.empty()) names += ", ";
    names += entry.name;
  }
  return names;
}

void applyActivation(Activation activation, const Matrix& z, Matrix& a) {
  switch (activation) {
    case Activation::Sigmoid:
      // σ(z) = 1 / (1 + e^−z)
      a.array() = (1.0 + (-z.array()).exp()).inverse();
      break;
    case Activation::Tanh: {
      // Eigen's tanh for doubles is scalar; this one is built on its vectorised exp, several
      // times faster and within a few ulp: tanh z = (t − 1)/(t + 1) with t = e^{2z}, and, where
      // that would cancel (|z| < 0.01), the series z − z³/3 + 2z⁵/15 − 17z⁷/315.
      const auto zc = z.array().max(-20.0).min(20.0);  // tanh(±20) is ±1 in double
      const auto t = (2.0 * zc).exp();
      const auto z2 = zc.square();
      const auto series = zc * (1.0 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315))));
      a.array() = (zc.abs() < 0.01).select(series, (t - 1.0) / (t + 1.0));
      break;
    }
    case Activation::Relu:
      a.array() = z.array().max(0.0);
      break;
    case Activation::Linear:
      a = z;
      break;
    case Activation::Step:
      // The M-P neuron fires when its weighted sum reaches the threshold (z = Σw·x − T ≥ 0).
      a.array() = (z.array() >= 0.0).cast<double>();
      break;
  }
}

double applyActivation(Activation activation, double z) {
  switch (activation) {
    case Activation::Sigmoid:
      return 1.0 / (1.0 + std::exp(-z));
    case Activation::Tanh:
      return std::tanh(z);
    case Activation::Relu:
      return z > 0.0 ? z : 0.0;
    case Activation::Linear:
      return z;
    case Activation::Step:
      return z >= 0.0 ? 1.0 : 0.0;
  }
  return z;
}

void multiplyByDerivative(Activation activation, const Matrix& a, Matrix& delta) {
  switch (activation) {
    case Activation::Sigmoid:
      // σ'(z) = σ(z)·(1 − σ(z)) = a·(1 − a)
      delta.array() *= a.array() * (1.0 - a.array());
      break;
    case Activation::Tanh:
      // tanh'(z) = 1 − tanh²(z) = 1 − a²
      delta.array() *= 1.0 - a.array().square();
      break;
    case Activation::Relu:
      // relu'(z) = 1 where z > 0, which is exactly where a > 0
      delta.array() *= (a.array() > 0.0).cast<double>();
      break;
    case Activation::Linear:
      break;
    case Activation::Step:
      // The step is flat everywhere it is differentiable: no gradient flows through it.
      delta.setZero();
      break;
  }
}

}  // namespace nnlab
