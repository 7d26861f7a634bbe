#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activation.h"
#include "core/types.h"

namespace nnlab {

/// One dense layer's shape, before it has weights.
struct LayerSpec {
  int units = 1;
  Activation activation = Activation::Sigmoid;
};

/// A multilayer perceptron's architecture: `inputs` features feeding `layers` in order.
/// The input layer is not a layer here ("two layers" in the seed article = hidden + output).
struct NetworkSpec {
  int inputs = 1;
  std::vector<LayerSpec> layers;
  bool bias = true;  ///< Biases on every layer, or on none (the seed has none).

  /// Describes the first problem (e.g. "layer 2 has 0 units"), or nullopt when usable.
  std::optional<std::string> validate() const;
  /// "3-4-1" style: inputs then each layer's units.
  std::string shapeText() const;
};

/// Why `layers`, in this order, place a whole-layer activation (softmax) anywhere but on the
/// output layer, where only it may be; nullopt when they do not. The one check of it, for
/// specs, networks read from files and networks handed to a trainer alike.
std::optional<std::string> softmaxPlacementProblem(const std::vector<LayerSpec>& layers);

/// How the first weights are drawn. All are uniform, from an explicit seed, and bit-identical on
/// every platform (they use no std:: distribution).
enum class Init {
  Uniform01,  ///< U[0, 1): the seed article's np.random.random
  Uniform,    ///< U[−0.5, 0.5)
  Xavier,     ///< Glorot & Bengio 2010, uniform: U[−√(6/(fan_in+fan_out)), +…)
  He,         ///< He et al. 2015, uniform: U[−√(6/fan_in), +…)
  Zeros,
};

std::string_view initName(Init init);
std::optional<Init> parseInit(std::string_view name);
std::string initNames();

/// One dense layer: z = x·W + b, a = f(z).
struct DenseLayer {
  Matrix weights;  ///< fan_in × units; weights(i, j) joins input i to unit j
  RowVector bias;  ///< 1 × units, or empty when the layer has no bias
  Activation activation = Activation::Sigmoid;

  int fanIn() const { return static_cast<int>(weights.rows()); }
  int units() const { return static_cast<int>(weights.cols()); }
  bool hasBias() const { return bias.size() > 0; }
};

/// A multilayer perceptron's parameters. A plain value: copying it copies every weight.
class Network {
 public:
  Network() = default;
  /// Shapes from `spec`, every parameter zero. Throws std::invalid_argument if spec is invalid.
  explicit Network(const NetworkSpec& spec);

  /// Draws every weight and bias afresh; the same (init, seed) always gives the same bits.
  void initialize(Init init, std::uint64_t seed);

  int inputs() const { return m_inputs; }
  int outputs() const { return m_layers.empty() ? m_inputs : m_layers.back().units(); }
  int layerCount() const { return static_cast<int>(m_layers.size()); }
  /// Number of weights and biases.
  long parameterCount() const;

  const DenseLayer& layer(int index) const { return m_layers[index]; }
  DenseLayer& layer(int index) { return m_layers[index]; }
  const std::vector<DenseLayer>& layers() const { return m_layers; }

  /// The architecture this network has (bias is true when any layer has biases).
  NetworkSpec spec() const;
  /// Same layer count, shapes, activations and bias presence.
  bool sameShape(const Network& other) const;
  /// True when every weight and bias is a finite number.
  bool allFinite() const;

  /// Outputs for a batch (one sample per row). Allocates; for training use the Trainer.
  Matrix predict(const Matrix& inputs) const;

  /// Builds a network from existing layers (e.g. read from a file). Throws std::invalid_argument
  /// when consecutive layers do not fit together.
  static Network fromLayers(int inputs, std::vector<DenseLayer> layers);

 private:
  int m_inputs = 0;
  std::vector<DenseLayer> m_layers;
};

}  // namespace nnlab
