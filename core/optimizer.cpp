#include "optimizer.h"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace nnlab {
namespace {

struct NamedOptimizer {
  OptimizerKind kind;
  std::string_view name;
};

constexpr std::array<NamedOptimizer, 5> kOptimizers{{
    {OptimizerKind::Gd, "gd"},
    {OptimizerKind::Sgd, "sgd"},
    {OptimizerKind::Momentum, "momentum"},
    {OptimizerKind::Adam, "adam"},
    {OptimizerKind::Perceptron, "perceptron"},
}};

// Classical momentum (Polyak 1964, in the form of Sutskever et al. 2013):
//   v ← μ·v − lr·g;  θ ← θ + v
template <typename Param, typename Grad, typename State>
void momentumUpdate(Param& theta, const Grad& g, State& v, double mu, double lr) {
  v = mu * v - lr * g;
  theta += v;
}

// Adam (Kingma & Ba 2015), bias-corrected:
//   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²
//   θ ← θ − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
template <typename Param, typename Grad, typename State>
void adamUpdate(Param& theta, const Grad& g, State& m, State& v, const OptimizerSettings& s,
                double correction1, double correction2) {
  m = s.beta1 * m + (1.0 - s.beta1) * g;
  v.array() = s.beta2 * v.array() + (1.0 - s.beta2) * g.array().square();
  theta.array() -=
      s.learningRate * (m.array() / correction1) / ((v.array() / correction2).sqrt() + s.epsilon);
}

}  // namespace

std::string_view optimizerName(OptimizerKind kind) {
  for (const auto& entry : kOptimizers) {
    if (entry.kind == kind) return entry.name;
  }
  return "?";
}

std::optional<OptimizerKind> parseOptimizer(std::string_view name) {
  for (const auto& entry : kOptimizers) {
    if (entry.name == name) return entry.kind;
  }
  return std::nullopt;
}

std::string optimizerNames() {
  std::string names;
  for (const auto& entry : kOptimizers) {
    if (!names.empty()) names += ", ";
    names += entry.name;
  }
  return names;
}

Gradients Gradients::zerosLike(const Network& network) {
  Gradients gradients;
  for (const auto& layer : network.layers()) {
    gradients.weights.push_back(Matrix::Zero(layer.fanIn(), layer.units()));
    gradients.bias.push_back(RowVector::Zero(layer.bias.size()));
  }
  return gradients;
}

void Optimizer::reset(const Network& network) {
  const bool needsFirst =
      m_settings.kind == OptimizerKind::Momentum || m_settings.kind == OptimizerKind::Adam;
  m_first = needsFirst ? Gradients::zerosLike(network) : Gradients{};
  m_second = m_settings.kind == OptimizerKind::Adam ? Gradients::zerosLike(network) : Gradients{};
  m_steps = 0;
}

namespace {

/// Why `moments` cannot be an optimizer's state for `network`, or empty.
std::string momentProblem(const Gradients& moments, const Network& network, bool wanted,
                          const char* name) {
  if (!wanted) return moments.weights.empty() ? "" : std::string(name) + " is not used";
  const Gradients shape = Gradients::zerosLike(network);
  if (moments.weights.size() != shape.weights.size() || moments.bias.size() != shape.bias.size())
    return std::string(name) + " has " + std::to_string(moments.weights.size()) +
           " layers but the network has " + std::to_string(shape.weights.size());
  for (std::size_t l = 0; l < shape.weights.size(); ++l) {
    const std::string layer = std::string(name) + " of layer " + std::to_string(l + 1);
    if (moments.weights[l].rows() != shape.weights[l].rows() ||
        moments.weights[l].cols() != shape.weights[l].cols() ||
        moments.bias[l].size() != shape.bias[l].size())
      return layer + " does not have the layer's shape";
    if (!moments.weights[l].allFinite() || !moments.bias[l].allFinite())
      return layer + " holds a value that is not a finite number";
  }
  return "";
}

}  // namespace

void Optimizer::setState(OptimizerState state, const Network& network) {
  const OptimizerKind kind = m_settings.kind;
  const bool first = kind == OptimizerKind::Momentum || kind == OptimizerKind::Adam;
  const bool second = kind == OptimizerKind::Adam;
  std::string problem = momentProblem(state.first, network, first, "the first moment");
  if (problem.empty()) problem = momentProblem(state.second, network, second, "the second moment");
  if (problem.empty() && state.steps < 0) problem = "the step count is negative";
  if (!problem.empty()) throw std::invalid_argument("optimizer state: " + problem);
  m_first = std::move(state.first);
  m_second = std::move(state.second);
  m_steps = state.steps;
}

void Optimizer::setSettings(const OptimizerSettings& settings, const Network& network) {
  const bool kindChanged = settings.kind != m_settings.kind;
  m_settings = settings;
  if (kindChanged) reset(network);
}

void Optimizer::update(const Gradients& gradients, Network& network) {
  const double lr = m_settings.learningRate;
  ++m_steps;
  switch (m_settings.kind) {
    case OptimizerKind::Gd:
    case OptimizerKind::Sgd:
    case OptimizerKind::Perceptron:
      for (int l = 0; l < network.layerCount(); ++l) {
        auto& layer = network.layer(l);
        layer.weights.noalias() -= lr * gradients.weights[l];
        if (layer.hasBias()) layer.bias.noalias() -= lr * gradients.bias[l];
      }
      break;
    case OptimizerKind::Momentum:
      for (int l = 0; l < network.layerCount(); ++l) {
        auto& layer = network.layer(l);
        momentumUpdate(layer.weights, gradients.weights[l], m_first.weights[l], m_settings.momentum,
                       lr);
        if (layer.hasBias()) {
          momentumUpdate(layer.bias, gradients.bias[l], m_first.bias[l], m_settings.momentum, lr);
        }
      }
      break;
    case OptimizerKind::Adam: {
      const double t = static_cast<double>(m_steps);
      const double correction1 = 1.0 - std::pow(m_settings.beta1, t);
      const double correction2 = 1.0 - std::pow(m_settings.beta2, t);
      for (int l = 0; l < network.layerCount(); ++l) {
        auto& layer = network.layer(l);
        adamUpdate(layer.weights, gradients.weights[l], m_first.weights[l], m_second.weights[l],
                   m_settings, correction1, correction2);
        if (layer.hasBias()) {
          adamUpdate(layer.bias, gradients.bias[l], m_first.bias[l], m_second.bias[l], m_settings,
                     correction1, correction2);
        }
      }
      break;
    }
  }
}

Gradients Optimizer::lastChange(const Gradients& gradients) const {
  Gradients change = gradients;
  const double lr = m_settings.learningRate;
  for (std::size_t l = 0; l < change.weights.size(); ++l) {
    Matrix& w = change.weights[l];
    RowVector& b = change.bias[l];
    if (m_steps == 0) {
      w.setZero();
      b.setZero();
      continue;
    }
    switch (m_settings.kind) {
      case OptimizerKind::Gd:
      case OptimizerKind::Sgd:
      case OptimizerKind::Perceptron:
        w = -(lr * gradients.weights[l]);
        b = -(lr * gradients.bias[l]);
        break;
      case OptimizerKind::Momentum:
        w = m_first.weights[l];
        b = m_first.bias[l];
        break;
      case OptimizerKind::Adam: {
        const double t = static_cast<double>(m_steps);
        const double c1 = 1.0 - std::pow(m_settings.beta1, t);
        const double c2 = 1.0 - std::pow(m_settings.beta2, t);
        const double eps = m_settings.epsilon;
        w.array() = -(lr * (m_first.weights[l].array() / c1) /
                      ((m_second.weights[l].array() / c2).sqrt() + eps));
        b.array() =
            -(lr * (m_first.bias[l].array() / c1) / ((m_second.bias[l].array() / c2).sqrt() + eps));
        break;
      }
    }
  }
  return change;
}

}  // namespace nnlab
