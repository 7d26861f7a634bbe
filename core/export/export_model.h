#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "core/input_scaling.h"
#include "core/model_json.h"
#include "core/network.h"
#include "core/training_runner.h"

namespace nnlab {

/// What an export writes: the network with the scaling its raw inputs need, the names that make
/// the file readable, how it was trained (for doc strings and comments) and, when there is one,
/// the data it learnt from (the numpy script embeds it). A plain value.
struct ExportModel {
  Network network;
  InputScaling scaling;
  std::string name = "model";            ///< a preset's or file's name, for titles
  std::vector<std::string> inputNames;   ///< one per input
  std::vector<std::string> outputNames;  ///< one per output
  std::vector<std::pair<std::string, std::string>> settings;  ///< "loss" → "sse", …
  std::optional<Dataset> data;  ///< raw inputs and targets, when known

  /// From a model file alone: default names (X1…, y / y1…), no settings, no data.
  static ExportModel fromModelFile(ModelFile model, std::string name);
  /// From a training run: its data's column names, its settings, its data, and the scaling
  /// training used (a model file's as stored, or the kind fitted to the data). Throws
  /// std::invalid_argument if the pieces do not fit.
  static ExportModel fromRunnerState(const RunnerState& state, std::string name);

  /// "3-4-1".
  std::string shapeText() const;
  /// One line: "loss sse, optimizer gd (learning rate 1), …", or "" without settings.
  std::string settingsText() const;
};

/// `text` with every control character (a line end, a tab) replaced by a space, so that it can
/// go into a one-line comment.
std::string oneLine(std::string text);

/// The training settings of a run, in the order a person reads them.
std::vector<std::pair<std::string, std::string>> describeTraining(const RunnerState& state);

}  // namespace nnlab
