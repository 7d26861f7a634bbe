#include "core/optimizer.h"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/kernels/update_kernel.h"
#include "core/name_table.h"

namespace nnlab {
namespace {

constexpr NameTable<OptimizerKind, 5> kOptimizers{{{
    {OptimizerKind::Gd, "gd"},
    {OptimizerKind::Sgd, "sgd"},
    {OptimizerKind::Momentum, "momentum"},
    {OptimizerKind::Adam, "adam"},
    {OptimizerKind::Perceptron, "perceptron"},
}}};

}  // namespace

std::string_view optimizerName(OptimizerKind kind) { return kOptimizers.name(kind); }

std::optional<OptimizerKind> parseOptimizer(std::string_view name) {
  return kOptimizers.parse(name);
}

std::string optimizerNames() { return kOptimizers.names(); }

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
        gradientStep(layer.weights, gradients.weights[l], lr);
        if (layer.hasBias()) gradientStep(layer.bias, gradients.bias[l], lr);
      }
      break;
    case OptimizerKind::Momentum:
      for (int l = 0; l < network.layerCount(); ++l) {
        auto& layer = network.layer(l);
        momentumStep(layer.weights, gradients.weights[l], m_first.weights[l], m_settings.momentum,
                     lr);
        if (layer.hasBias()) {
          momentumStep(layer.bias, gradients.bias[l], m_first.bias[l], m_settings.momentum, lr);
        }
      }
      break;
    case OptimizerKind::Adam: {
      const AdamCorrections corrections = adamCorrections(m_settings, m_steps);
      for (int l = 0; l < network.layerCount(); ++l) {
        auto& layer = network.layer(l);
        adamStep(layer.weights, gradients.weights[l], m_first.weights[l], m_second.weights[l],
                 m_settings, corrections);
        if (layer.hasBias()) {
          adamStep(layer.bias, gradients.bias[l], m_first.bias[l], m_second.bias[l], m_settings,
                   corrections);
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
        const AdamCorrections c = adamCorrections(m_settings, m_steps);
        w.array() = -adamChange(m_first.weights[l], m_second.weights[l], m_settings, c);
        b.array() = -adamChange(m_first.bias[l], m_second.bias[l], m_settings, c);
        break;
      }
    }
  }
  return change;
}

}  // namespace nnlab
