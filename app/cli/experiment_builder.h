#pragma once

#include <string>

#include "app/cli/cli_options.h"
#include "core/dataset.h"
#include "core/input_scaling.h"
#include "core/network.h"
#include "core/trainer.h"

namespace nnlab::cli {

/// Everything `train` needs to run: data, a ready network, settings and how long to train.
struct Experiment {
  Dataset dataset;       ///< inputs already scaled by `scaling`
  Matrix rawInputs;      ///< the inputs as read, for display
  InputScaling scaling;  ///< from --scale (fitted on the training rows) or --model-in's file
  std::string dataName;  ///< the CSV path, or "the preset's data"
  Network network;
  TrainingSettings settings;
  long long epochs = 1000;
};

/// With ce and an output layer of `outputs` ≥ 2 units, a single target column of class labels
/// 0…outputs−1 becomes `outputs` one-hot columns ("y=0", "y=1", …); any other data is returned
/// as it is. What `train` and `predict` both do with the data they read. Throws
/// std::runtime_error naming `dataName` and the first bad label.
Dataset withClassLabelsExpanded(Dataset dataset, Loss loss, int outputs,
                                const std::string& dataName);

/// Builds the experiment `options` describe: a preset (if any) with every given option laid over
/// it, or the data and architecture given on the command line. Throws UsageError when options
/// are missing or conflict, CsvError/ModelError for unreadable files, and std::runtime_error when
/// data, network and settings do not fit together (naming which counts differ).
Experiment buildExperiment(const TrainOptions& options);

}  // namespace nnlab::cli
