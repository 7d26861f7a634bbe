#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/activation.h"
#include "core/export/model_export.h"
#include "core/input_scaling.h"
#include "core/loss.h"
#include "core/network.h"
#include "core/optimizer.h"

namespace nnlab::cli {

/// A command line that cannot be run as given; nnlab-cli prints it with the usage, exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// `train`'s options. Empty optionals were not given (a preset or the defaults decide).
struct TrainOptions {
  std::optional<std::string> preset;
  std::optional<std::string> dataPath;
  std::optional<int> targets;
  std::optional<std::string> modelIn;
  std::vector<int> layers;  ///< inputs, then each layer's units; empty when not given
  std::optional<Activation> activation;
  std::optional<Activation> outputActivation;
  bool noBias = false;
  std::optional<Init> init;
  std::optional<std::uint64_t> seed;
  std::optional<Loss> loss;
  std::optional<OptimizerKind> optimizer;
  std::optional<double> learningRate;
  std::optional<int> batchSize;
  std::optional<double> l1;
  std::optional<double> l2;
  std::optional<long long> epochs;
  std::optional<double> testSplit;     ///< percent of rows held out for testing
  std::optional<long long> earlyStop;  ///< patience in epochs without a new lowest test loss
  std::optional<double> lossGoal;      ///< stop once the training loss is ≤ this
  std::optional<ScalingKind> scaling;  ///< fitted on the training rows, saved with the model
  std::optional<std::string> modelOut;
  std::optional<std::string> historyPath;
  bool quiet = false;
};

/// `predict`'s options.
struct PredictOptions {
  std::string modelPath;
  std::string dataPath;
  std::optional<int> targets;  ///< target columns in the data; inferred when not given
};

/// `explain`'s options: `train`'s (those that say how long to train or where to write aside),
/// then which update to explain and how.
struct ExplainOptions {
  TrainOptions train;
  long long epochsBefore = 0;           ///< epochs trained before the explained update
  std::optional<std::string> jsonPath;  ///< --json FILE
  int sample = 1;                       ///< the batch row whose chain rule is written out, from 1
  std::optional<std::array<int, 3>> weight;  ///< --weight L,I,J, each from 1
};

/// `export`'s options.
struct ExportOptions {
  std::string modelPath;                     ///< --model: nnlab JSON, or ONNX (.onnx)
  ExportFormat format = ExportFormat::Onnx;  ///< --format onnx|numpy|c
  std::string outPath;                       ///< --out
  bool float32 = false;                      ///< --float32: ONNX tensors as float, not double
};

/// What the command line asks for.
struct CommandLine {
  enum class Kind {
    Help,
    TrainHelp,
    PredictHelp,
    ExplainHelp,
    ExportHelp,
    Train,
    Predict,
    Explain,
    Export,
    Version,
  };
  Kind kind = Kind::Help;
  TrainOptions train;
  PredictOptions predict;
  ExplainOptions explain;
  ExportOptions exportModel{};
};

/// Most epochs `train` accepts.
inline constexpr long long kMaxEpochs = 1'000'000'000'000LL;

/// Parses the arguments after the program name. Throws UsageError for unknown options, missing
/// or malformed values and values out of range.
CommandLine parseCommandLine(const std::vector<std::string>& args);

}  // namespace nnlab::cli
