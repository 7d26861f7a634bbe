#include "presets.h"

namespace nnlab {

Network Preset::makeNetwork() const {
  Network network(spec);
  network.initialize(init, seed);
  return network;
}

Preset seedPreset() {
  Preset preset;
  preset.name = "seed";
  preset.description = "The article's experiment: XOR-like table, 3-4-1 sigmoid, SSE, lr 1";
  Matrix inputs(4, 3);
  inputs << 0, 0, 1,  //
      0, 1, 1,        //
      1, 0, 1,        //
      1, 1, 1;
  Matrix targets(4, 1);
  targets << 0, 1, 1, 0;
  preset.dataset = Dataset::fromMatrices(std::move(inputs), std::move(targets));
  preset.spec.inputs = 3;
  preset.spec.layers = {{4, Activation::Sigmoid}, {1, Activation::Sigmoid}};
  preset.spec.bias = false;
  preset.init = Init::Uniform01;
  preset.seed = 1;
  preset.settings.loss = Loss::Sse;
  preset.settings.optimizer.kind = OptimizerKind::Gd;
  preset.settings.optimizer.learningRate = 1.0;
  preset.epochs = 1500;
  return preset;
}

std::optional<Preset> findPreset(std::string_view name) {
  if (name == "seed") return seedPreset();
  return std::nullopt;
}

std::vector<std::string> presetNames() { return {"seed"}; }

}  // namespace nnlab
