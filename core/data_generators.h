#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"

namespace nnlab {

/// Synthetic data sets. The 2-D classification ones have inputs in about [−1, 1]² and one 0/1
/// target column, except Blobs3 (three one-hot target columns).
enum class Generator {
  Circle,  ///< class 1 inside radius 0.5, class 0 on a ring from 0.7 to 1
  Xor2d,   ///< points in [−1, 1]²; class 1 where x₁ and x₂ have different signs
  Gauss,   ///< two Gaussian clouds around (0.5, 0.5) (class 1) and (−0.5, −0.5) (class 0)
  Spiral,  ///< two interleaved spirals, 1.75 turns each
  Moons,   ///< two interleaving half circles (as scikit-learn's make_moons, centred)
  Sine,    ///< regression: y = sin(πx) on x ∈ [−1, 1]
  Plane,   ///< regression: y = 0.5·x₁ − 0.3·x₂ + 0.2 on [−1, 1]²
  Blobs3,  ///< three Gaussian clouds, three classes (one-hot targets, for softmax + ce)
};

std::string_view generatorName(Generator generator);
std::optional<Generator> parseGenerator(std::string_view name);
/// Every generator, in menu order.
std::vector<Generator> allGenerators();

/// What to generate. Everything is drawn from `seed` with Random (no std:: distribution), so a
/// seed gives the same data on every platform.
struct GeneratorSettings {
  int samples = 200;
  /// Gaussian noise: the standard deviation added to each input (classification) or to the
  /// target (regression), in units of the data's extent (about 1).
  double noise = 0.1;
  double testPercent = 20.0;  ///< rows flagged as test rows (Dataset::testRows)
  std::uint64_t seed = 1;
};

/// The data `generator` draws with `settings`, test rows flagged. Throws std::invalid_argument
/// for fewer than 4 samples, negative noise or a test share outside [0, 100).
Dataset generateData(Generator generator, const GeneratorSettings& settings);

}  // namespace nnlab
