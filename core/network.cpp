#include "core/network.h"

#include <array>
#include <cmath>
#include <stdexcept>

#include "core/kernels/forward_kernel.h"
#include "core/name_table.h"
#include "core/random.h"

namespace nnlab {
namespace {

constexpr NameTable<Init, 5> kInits{{{
    {Init::Uniform01, "uniform01"},
    {Init::Uniform, "uniform"},
    {Init::Xavier, "xavier"},
    {Init::He, "he"},
    {Init::Zeros, "zeros"},
}}};

// Half-width of the symmetric uniform range, or 0 for the ranges that are not symmetric.
double halfWidth(Init init, int fanIn, int fanOut) {
  switch (init) {
    case Init::Uniform:
      return 0.5;
    case Init::Xavier:
      return std::sqrt(6.0 / (fanIn + fanOut));
    case Init::He:
      return std::sqrt(6.0 / fanIn);
    case Init::Uniform01:
    case Init::Zeros:
      break;
  }
  return 0.0;
}

double draw(Init init, Random& random, double width) {
  switch (init) {
    case Init::Uniform01:
      return random.uniform01();
    case Init::Zeros:
      return 0.0;
    case Init::Uniform:
    case Init::Xavier:
    case Init::He:
      break;
  }
  // Two separate roundings (no fused multiply-add), so every build gives the same bits.
  const double unit = random.uniform01() * 2.0;
  return (unit - 1.0) * width;
}

}  // namespace

std::optional<std::string> softmaxPlacementProblem(const std::vector<LayerSpec>& layers) {
  for (std::size_t i = 0; i + 1 < layers.size(); ++i) {
    if (isElementwise(layers[i].activation)) continue;
    return "softmax normalises a whole layer into class probabilities, so only the output layer "
           "may use it (layer " +
           std::to_string(i + 1) + " of " + std::to_string(layers.size()) + " does)";
  }
  return std::nullopt;
}

std::optional<std::string> NetworkSpec::validate() const {
  if (inputs < 1) return "the network needs at least 1 input (got " + std::to_string(inputs) + ")";
  if (layers.empty()) return "the network needs at least one layer";
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (layers[i].units < 1) {
      return "layer " + std::to_string(i + 1) + " has " + std::to_string(layers[i].units) +
             " units; every layer needs at least 1";
    }
  }
  return softmaxPlacementProblem(layers);
}

std::string NetworkSpec::shapeText() const {
  std::string text = std::to_string(inputs);
  for (const auto& layer : layers) text.append("-").append(std::to_string(layer.units));
  return text;
}

std::string_view initName(Init init) { return kInits.name(init); }

std::optional<Init> parseInit(std::string_view name) { return kInits.parse(name); }

std::string initNames() { return kInits.names(); }

Network::Network(const NetworkSpec& spec) : m_inputs(spec.inputs) {
  if (auto problem = spec.validate()) throw std::invalid_argument(*problem);
  int fanIn = spec.inputs;
  for (const auto& layerSpec : spec.layers) {
    DenseLayer layer;
    layer.weights = Matrix::Zero(fanIn, layerSpec.units);
    if (spec.bias) layer.bias = RowVector::Zero(layerSpec.units);
    layer.activation = layerSpec.activation;
    m_layers.push_back(std::move(layer));
    fanIn = layerSpec.units;
  }
}

void Network::initialize(Init init, std::uint64_t seed) {
  Random random(seed);
  // Row by row (input i, then unit j), the order in which numpy fills a fan_in × units array.
  for (auto& layer : m_layers) {
    const double width = halfWidth(init, layer.fanIn(), layer.units());
    for (int i = 0; i < layer.fanIn(); ++i) {
      for (int j = 0; j < layer.units(); ++j) layer.weights(i, j) = draw(init, random, width);
    }
    // Biases start at zero except for the seed's uniform01, which treats them like weights.
    for (int j = 0; j < layer.bias.size(); ++j) {
      layer.bias(j) = init == Init::Uniform01 ? random.uniform01() : 0.0;
    }
  }
}

long Network::parameterCount() const {
  long count = 0;
  for (const auto& layer : m_layers) count += layer.weights.size() + layer.bias.size();
  return count;
}

NetworkSpec Network::spec() const {
  NetworkSpec spec;
  spec.inputs = m_inputs;
  spec.bias = false;
  for (const auto& layer : m_layers) {
    spec.layers.push_back({layer.units(), layer.activation});
    spec.bias = spec.bias || layer.hasBias();
  }
  return spec;
}

bool Network::sameShape(const Network& other) const {
  if (m_inputs != other.m_inputs || m_layers.size() != other.m_layers.size()) return false;
  for (std::size_t i = 0; i < m_layers.size(); ++i) {
    const auto& a = m_layers[i];
    const auto& b = other.m_layers[i];
    if (a.units() != b.units() || a.fanIn() != b.fanIn() || a.activation != b.activation ||
        a.bias.size() != b.bias.size()) {
      return false;
    }
  }
  return true;
}

bool Network::allFinite() const {
  for (const auto& layer : m_layers) {
    if (!layer.weights.allFinite() || !layer.bias.allFinite()) return false;
  }
  return true;
}

Matrix Network::predict(const Matrix& inputs) const {
  if (inputs.cols() != m_inputs) {
    throw std::invalid_argument("the data has " + std::to_string(inputs.cols()) +
                                " input columns but the network expects " +
                                std::to_string(m_inputs));
  }
  std::vector<Matrix> activations;
  return forwardPass(*this, inputs, activations);
}

Network Network::fromLayers(int inputs, std::vector<DenseLayer> layers) {
  if (inputs < 1) throw std::invalid_argument("the network needs at least 1 input");
  if (layers.empty()) throw std::invalid_argument("the network needs at least one layer");
  int fanIn = inputs;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto& layer = layers[i];
    const std::string name = "layer " + std::to_string(i + 1);
    if (layer.units() < 1) throw std::invalid_argument(name + " has no units");
    if (layer.fanIn() != fanIn) {
      throw std::invalid_argument(name + " has " + std::to_string(layer.fanIn()) +
                                  " weight rows but its input has " + std::to_string(fanIn) +
                                  " units");
    }
    if (layer.hasBias() && layer.bias.size() != layer.units()) {
      throw std::invalid_argument(name + " has " + std::to_string(layer.bias.size()) +
                                  " biases for " + std::to_string(layer.units()) + " units");
    }
    fanIn = layer.units();
  }
  Network network;
  network.m_inputs = inputs;
  network.m_layers = std::move(layers);
  if (auto problem = softmaxPlacementProblem(network.spec().layers)) {
    throw std::invalid_argument(*problem);
  }
  return network;
}

}  // namespace nnlab
