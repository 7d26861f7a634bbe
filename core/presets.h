#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_generators.h"
#include "core/dataset.h"
#include "core/input_scaling.h"
#include "core/network.h"
#include "core/trainer.h"

namespace nnlab {

/// A ready-made experiment: data, architecture, initialisation and training settings.
struct Preset {
  std::string name;
  std::string description;
  Dataset dataset;
  NetworkSpec spec;
  Init init = Init::Uniform01;
  std::uint64_t seed = 1;  ///< weight initialisation seed
  TrainingSettings settings;
  /// How the inputs are rescaled for the network (fitted on the training rows).
  ScalingKind scaling = ScalingKind::None;
  long long epochs = 1000;  ///< how long the CLI trains by default
  /// Where the window stops training by itself (its "Stop at epoch"); 0: it trains on. The
  /// seed stops at the article's 1500 iterations, as the CLI does.
  long long stopAt = 0;
  /// The generator the data came from, and with which settings (nullopt for fixed tables).
  std::optional<Generator> generator;
  GeneratorSettings generatorSettings;

  /// A freshly initialised network for this preset.
  Network makeNetwork() const;
};

/// The seed article's experiment: the XOR-like 4-row table, 3-4-1 sigmoid without biases,
/// uniform [0, 1) weights, SSE, full-batch gradient descent at learning rate 1, 1500 epochs.
Preset seedPreset();

/// The experiment for a generated data set: its default architecture, activations, loss,
/// optimizer, learning rate and epochs, on data drawn with `settings`. The classification ones
/// reach ≥ 95% test accuracy with their defaults.
Preset generatedPreset(Generator generator, const GeneratorSettings& settings);
/// The samples, noise and test share the named preset of `generator` uses (seed 1).
GeneratorSettings defaultGeneratorSettings(Generator generator);

/// Looks a preset up by name; nullopt when there is none.
std::optional<Preset> findPreset(std::string_view name);
/// Names of every preset, in menu order.
std::vector<std::string> presetNames();

}  // namespace nnlab
