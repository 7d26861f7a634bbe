#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/network.h"

namespace nnlab {

enum class OptimizerKind { Gd, Sgd, Momentum, Adam, Perceptron };

std::string_view optimizerName(OptimizerKind kind);
std::optional<OptimizerKind> parseOptimizer(std::string_view name);
std::string optimizerNames();

/// Hyperparameters of the update rule. None of them needs the weights re-initialised.
struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::Gd;
  double learningRate = 1.0;
  double momentum = 0.9;  ///< μ of `momentum`
  double beta1 = 0.9;     ///< Adam's first-moment decay
  double beta2 = 0.999;   ///< Adam's second-moment decay
  double epsilon = 1e-8;  ///< Adam's guard against division by zero

  bool operator==(const OptimizerSettings&) const = default;
};

/// ∂L/∂parameters, shaped like the network's layers.
struct Gradients {
  std::vector<Matrix> weights;  ///< per layer, fan_in × units
  std::vector<RowVector> bias;  ///< per layer, 1 × units (empty without bias)

  /// Zero gradients shaped like `network`.
  static Gradients zerosLike(const Network& network);
};

/// What an optimizer has accumulated, for saving a run and going on with it later: momentum's
/// velocity or Adam's first moment, Adam's second moment (each empty where the kind keeps
/// none), and the step count.
struct OptimizerState {
  Gradients first;
  Gradients second;
  long long steps = 0;
};

/// Applies gradients to parameters. State (velocities, moments) is keyed by layer index and
/// sized on reset(), so update() never allocates.
class Optimizer {
 public:
  explicit Optimizer(const OptimizerSettings& settings = {}) : m_settings(settings) {}

  /// Sizes and zeroes the state for `network`'s shape; the step count restarts.
  void reset(const Network& network);
  /// Changes hyperparameters, keeping accumulated state (so a learning-rate change mid-run does
  /// not restart Adam's moments). A different kind resets the state.
  void setSettings(const OptimizerSettings& settings, const Network& network);
  const OptimizerSettings& settings() const { return m_settings; }

  /// One update of `network` against `gradients`. For `gd` and `sgd`: θ ← θ − lr·g.
  void update(const Gradients& gradients, Network& network);

  /// The change the last update made to every parameter (Δθ), given the gradients it used:
  /// −lr·g for gd, sgd and the perceptron rule, the velocity for momentum, Adam's
  /// −lr·m̂/(√v̂ + ε); zero before the first update. Written as update() computes it (up to the
  /// rounding a fused multiply-add saves). For showing the update, not for training.
  Gradients lastChange(const Gradients& gradients) const;

  /// Counts `updates` plain θ ← θ − lr·g updates made outside update() (the fixed-size loop of
  /// kernels/fixed_loop.h, which keeps the weights itself); plain gd has no other state.
  void countPlainSteps(long long updates) { m_steps += updates; }

  /// Adam's step count t (for saving and inspecting state).
  long long steps() const { return m_steps; }
  /// The accumulated state, to save.
  OptimizerState state() const { return {m_first, m_second, m_steps}; }
  /// The same into `into`, reusing its storage when its shapes match (no allocation then).
  void copyStateTo(OptimizerState& into) const {
    into.first = m_first;
    into.second = m_second;
    into.steps = m_steps;
  }
  /// Takes saved state back. Throws std::invalid_argument, keeping the current state, when it
  /// does not fit this optimizer's kind and `network`'s shape or holds a non-finite value.
  void setState(OptimizerState state, const Network& network);

 private:
  OptimizerSettings m_settings;
  Gradients m_first;   // momentum: velocity v; Adam: first moment m
  Gradients m_second;  // Adam: second moment v
  long long m_steps = 0;
};

}  // namespace nnlab
