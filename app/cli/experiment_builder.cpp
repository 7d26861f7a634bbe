#include "app/cli/experiment_builder.h"

#include <stdexcept>

#include "core/csv_reader.h"
#include "core/export/model_export.h"
#include "core/model_json.h"
#include "core/presets.h"

namespace nnlab::cli {
namespace {

std::string plural(long long count, const char* noun) {
  return std::to_string(count).append(" ").append(noun).append(count == 1 ? "" : "s");
}

void checkOptions(const TrainOptions& o, bool preset) {
  if (!preset && !o.dataPath) throw UsageError("train needs --data FILE.csv (or --preset NAME)");
  if (o.targets && !o.dataPath) throw UsageError("--targets describes --data; give both");
  if (o.modelIn) {
    const char* conflict = !o.layers.empty()    ? "--layers"
                           : o.activation       ? "--activation"
                           : o.outputActivation ? "--output-activation"
                           : o.noBias           ? "--no-bias"
                           : o.init             ? "--init"
                                                : nullptr;
    if (conflict) {
      throw UsageError(
          std::string("--model-in gives the architecture and weights; drop ").append(conflict));
    }
  } else if (!preset && o.layers.empty()) {
    throw UsageError("train needs --layers (e.g. 3,4,1), --model-in FILE.json or --preset NAME");
  }
}

// --layers' first number must be the data's input columns and its last the target columns.
void checkLayerCounts(const std::vector<int>& layers, const Experiment& e) {
  if (layers.front() != e.dataset.inputColumns()) {
    throw std::runtime_error(std::string("--layers starts with ")
                                 .append(plural(layers.front(), "input"))
                                 .append(" but ")
                                 .append(e.dataName)
                                 .append(" has ")
                                 .append(plural(e.dataset.inputColumns(), "input column")));
  }
  if (layers.back() != e.dataset.targetColumns()) {
    throw std::runtime_error(std::string("--layers ends with ")
                                 .append(plural(layers.back(), "output"))
                                 .append(" but ")
                                 .append(e.dataName)
                                 .append(" has ")
                                 .append(plural(e.dataset.targetColumns(), "target column"))
                                 .append(" (set their number with --targets)"));
  }
}

NetworkSpec makeSpec(const TrainOptions& o, const std::optional<Preset>& preset) {
  NetworkSpec spec = preset ? preset->spec : NetworkSpec{};
  if (!o.layers.empty()) {
    const Activation hidden =
        spec.layers.empty() ? Activation::Sigmoid : spec.layers.front().activation;
    const Activation output = spec.layers.empty() ? hidden : spec.layers.back().activation;
    spec.inputs = o.layers.front();
    spec.layers.clear();
    for (std::size_t i = 1; i < o.layers.size(); ++i) {
      spec.layers.push_back({o.layers[i], i + 1 == o.layers.size() ? output : hidden});
    }
  }
  for (std::size_t i = 0; i + 1 < spec.layers.size(); ++i) {
    spec.layers[i].activation = o.activation.value_or(spec.layers[i].activation);
  }
  LayerSpec& last = spec.layers.back();
  last.activation = o.outputActivation.value_or(o.activation.value_or(last.activation));
  if (o.noBias) spec.bias = false;
  return spec;
}

void checkModelCounts(const Network& network, const std::string& path, const Experiment& e) {
  if (network.inputs() != e.dataset.inputColumns() ||
      network.outputs() != e.dataset.targetColumns()) {
    throw std::runtime_error(std::string(path)
                                 .append(" has ")
                                 .append(plural(network.inputs(), "input"))
                                 .append(" and ")
                                 .append(plural(network.outputs(), "output"))
                                 .append(" but ")
                                 .append(e.dataName)
                                 .append(" has ")
                                 .append(plural(e.dataset.inputColumns(), "input column"))
                                 .append(" and ")
                                 .append(plural(e.dataset.targetColumns(), "target column")));
  }
}

Network makeNetwork(const TrainOptions& o, const std::optional<Preset>& preset,
                    const Experiment& e) {
  if (o.modelIn) {
    Network network = readAnyModelFile(*o.modelIn).network;
    checkModelCounts(network, *o.modelIn, e);
    return network;
  }
  if (!o.layers.empty()) checkLayerCounts(o.layers, e);
  Network network(makeSpec(o, preset));
  const Init fallbackInit = preset ? preset->init : Init::Xavier;
  network.initialize(o.init.value_or(fallbackInit), o.seed.value_or(preset ? preset->seed : 1));
  return network;
}

TrainingSettings makeSettings(const TrainOptions& o, const std::optional<Preset>& preset) {
  TrainingSettings settings = preset ? preset->settings : TrainingSettings{};
  settings.loss = o.loss.value_or(settings.loss);
  settings.optimizer.kind = o.optimizer.value_or(settings.optimizer.kind);
  settings.optimizer.learningRate = o.learningRate.value_or(settings.optimizer.learningRate);
  settings.batchSize = o.batchSize.value_or(settings.batchSize);
  settings.l1 = o.l1.value_or(settings.l1);
  settings.l2 = o.l2.value_or(settings.l2);
  settings.shuffleSeed = o.seed.value_or(settings.shuffleSeed);
  return settings;
}

// The output units the network will have, before it is built: from --layers, the model file or
// the preset. 0 when none says.
int plannedOutputs(const TrainOptions& o, const std::optional<Preset>& preset) {
  if (!o.layers.empty()) return o.layers.back();
  if (o.modelIn) return readAnyModelFile(*o.modelIn).network.outputs();
  return preset ? preset->spec.layers.back().units : 0;
}

// With ce, a single target column of class labels feeds K output units as K one-hot columns.
void expandLabelsForCe(const TrainOptions& o, const std::optional<Preset>& preset, Experiment& e) {
  const Loss loss = o.loss.value_or(preset ? preset->settings.loss : Loss::Sse);
  if (loss != Loss::Ce || e.dataset.targetColumns() != 1) return;
  e.dataset =
      withClassLabelsExpanded(std::move(e.dataset), loss, plannedOutputs(o, preset), e.dataName);
}

}  // namespace

Dataset withClassLabelsExpanded(Dataset dataset, Loss loss, int outputs,
                                const std::string& dataName) {
  if (loss != Loss::Ce || dataset.targetColumns() != 1 || outputs < 2) return dataset;
  try {
    return expandClassLabels(dataset, outputs);
  } catch (const std::invalid_argument& error) {
    throw std::runtime_error(std::string(dataName).append(": ").append(error.what()));
  }
}

Experiment buildExperiment(const TrainOptions& options) {
  const std::optional<Preset> preset = options.preset ? findPreset(*options.preset) : std::nullopt;
  if (options.preset && !preset) {
    throw UsageError(std::string("unknown preset '").append(*options.preset).append("'"));
  }
  checkOptions(options, preset.has_value());
  Experiment e;
  if (options.dataPath) {
    e.dataset = readCsvFile(*options.dataPath, options.targets.value_or(1));
    e.dataName = *options.dataPath;
  } else {
    e.dataset = preset->dataset;
    e.dataName = std::string("the ").append(preset->name).append(" preset's data");
  }
  expandLabelsForCe(options, preset, e);
  if (options.testSplit) {
    splitTestRows(e.dataset, *options.testSplit, options.seed.value_or(preset ? preset->seed : 1));
  }
  if (options.scaling) {
    e.scaling = InputScaling::fit(*options.scaling, e.dataset);
  } else if (options.modelIn) {
    e.scaling = readAnyModelFile(*options.modelIn).scaling;
  } else if (preset) {
    e.scaling = InputScaling::fit(preset->scaling, e.dataset);
  }
  e.rawInputs = e.dataset.inputs;
  e.dataset = e.scaling.apply(std::move(e.dataset));
  if (options.earlyStop && e.dataset.testRowCount() == 0) {
    throw UsageError(
        "--early-stop watches the test loss: give --test-split P (or a preset with "
        "test rows)");
  }
  e.network = makeNetwork(options, preset, e);
  e.settings = makeSettings(options, preset);
  e.epochs = options.epochs.value_or(preset ? preset->epochs : 1000);
  if (auto problem = Trainer::incompatibility(e.network, e.dataset, e.settings)) {
    throw std::runtime_error(*problem);
  }
  return e;
}

}  // namespace nnlab::cli
