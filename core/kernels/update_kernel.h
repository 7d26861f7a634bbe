#pragma once

#include "core/optimizer.h"

namespace nnlab {

// The parameter updates, written once: Optimizer::update applies them, Optimizer::lastChange and
// the explained update (explained_update.cpp) show them. Templates over Eigen expressions so that
// a weight matrix and a bias row take the same code; include them only from core/ .cpp files
// (each build of the core compiles them for its own instruction set).

/// Gradient descent (gd, sgd, and the perceptron rule stored as a gradient):
///   θ ← θ − lr·g
template <typename Param, typename Grad>
void gradientStep(Param& theta, const Grad& g, double lr) {
  theta.noalias() -= lr * g;
}

/// Classical momentum (Polyak 1964, in the form of Sutskever et al. 2013):
///   v ← μ·v − lr·g;  θ ← θ + v
template <typename Param, typename Grad, typename State>
void momentumStep(Param& theta, const Grad& g, State& v, double mu, double lr) {
  v = mu * v - lr * g;
  theta += v;
}

/// Adam's bias corrections 1 − β1ᵗ and 1 − β2ᵗ after t = `steps` updates.
struct AdamCorrections {
  double first = 1.0;
  double second = 1.0;
};
AdamCorrections adamCorrections(const OptimizerSettings& s, long long steps);

/// Adam's step from its moments, lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ) — what
/// adamStep subtracts from θ, as an array expression.
template <typename State>
auto adamChange(const State& m, const State& v, const OptimizerSettings& s, AdamCorrections c) {
  return s.learningRate * (m.array() / c.first) / ((v.array() / c.second).sqrt() + s.epsilon);
}

/// Adam (Kingma & Ba 2015), bias-corrected:
///   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²
///   θ ← θ − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
template <typename Param, typename Grad, typename State>
void adamStep(Param& theta, const Grad& g, State& m, State& v, const OptimizerSettings& s,
              AdamCorrections c) {
  m = s.beta1 * m + (1.0 - s.beta1) * g;
  v.array() = s.beta2 * v.array() + (1.0 - s.beta2) * g.array().square();
  theta.array() -= adamChange(m, v, s, c);
}

}  // namespace nnlab
