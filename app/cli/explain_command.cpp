#include "app/cli/explain_command.h"

#include <ostream>
#include <stdexcept>

#include "app/cli/experiment_builder.h"
#include "app/cli/explain_text.h"
#include "core/atomic_file.h"
#include "core/explain_json.h"
#include "core/explained_update.h"

namespace nnlab::cli {
namespace {

// --weight L,I,J and --sample K count from 1; the default is the first weight of the output
// layer and the first row of the batch.
WeightChoice choice(const ExplainOptions& options, const Network& network) {
  WeightChoice c;
  c.layer = network.layerCount() - 1;
  if (options.weight) {
    c.layer = (*options.weight)[0] - 1;
    c.from = (*options.weight)[1] - 1;
    c.to = (*options.weight)[2] - 1;
  }
  c.sample = options.sample - 1;
  if (c.layer >= network.layerCount()) {
    throw UsageError("--weight: layer " + std::to_string(c.layer + 1) + " does not exist (the " +
                     "network has " + std::to_string(network.layerCount()) + " layers)");
  }
  const DenseLayer& layer = network.layer(c.layer);
  if (c.from >= layer.fanIn() || c.to >= layer.units()) {
    throw UsageError("--weight: layer " + std::to_string(c.layer + 1) + " has weights from 1," +
                     "1 to " + std::to_string(layer.fanIn()) + "," + std::to_string(layer.units()));
  }
  return c;
}

}  // namespace

int runExplain(const ExplainOptions& options, std::ostream& out, std::ostream& err) {
  Experiment experiment = buildExperiment(options.train);
  if (options.jsonPath) checkWritable(*options.jsonPath);
  Trainer trainer(std::move(experiment.network), std::move(experiment.dataset),
                  experiment.settings);
  const WeightChoice weight = choice(options, trainer.network());
  if (options.epochsBefore > 0) {
    const StepResult result = trainer.step(options.epochsBefore);
    if (result.diverged) {
      err << "training diverged at epoch " << trainer.epoch() + 1 << " of the "
          << options.epochsBefore << " before the explained update (try a smaller --lr)\n";
      return 1;
    }
  }
  const ExplainedUpdate update = explainNextUpdate(trainer);
  if (weight.sample >= static_cast<int>(update.trace.rows.size())) {
    throw UsageError("--sample: the batch has " + std::to_string(update.trace.rows.size()) +
                     " rows (1 to " + std::to_string(update.trace.rows.size()) + ")");
  }
  out << explainText(update, weight);
  if (options.jsonPath) {
    writeFileAtomically(*options.jsonPath, explainedUpdateToJson(update));
    out << "the update written to " << *options.jsonPath << '\n';
  }
  return 0;
}

}  // namespace nnlab::cli
