#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "core/data_generators.h"
#include "core/training_runner.h"

namespace nnlab {

/// A session file that cannot be read: the message names the file and what is wrong, e.g.
/// "run.nnlab: data: row 3 has 2 numbers but the data has 4 columns".
class SessionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The session file format's tag and the newest version this code reads and writes.
inline constexpr std::string_view kSessionFormat = "nnlab-session";
/// Version 2 added "best", version 3 "test_history" and "timeline"; older files (without them)
/// are still read.
inline constexpr int kSessionVersion = 3;
/// The most a session keeps of a run's timeline (see RunHistory::bytes), thinned as the runner
/// thins it: every epoch of the seed's 1500 (about 0.7 MB), fewer records of bigger networks
/// (whose replays then run longer), so that sessions stay small enough to autosave often.
inline constexpr std::size_t kSessionTimelineBytes = std::size_t{1} << 20;
/// Deepest nesting of arrays and objects accepted (a session needs 6).
inline constexpr int kSessionMaxDepth = 64;

/// What the window shows besides the training itself, so that a session reopens as it was.
struct SessionView {
  bool logScale = false;
  bool logX = false;       ///< the loss chart's epochs on a log axis
  double smoothing = 0.0;  ///< the loss chart's EMA weight, 0 … 0.99 (0: none)
  bool discretize = false;
  int selectedRow = -1;  ///< the data row the graph shows; −1 for none
  /// The neuron the inspector writes out (column 0 = inputs, unit), if any.
  std::optional<std::pair<int, int>> inspectedNeuron;
  int stepCount = 1;  ///< epochs per Step
};

/// Everything a person builds in nnlab: the data (with its test rows), the architecture and
/// hyperparameters, the current weights, the optimizer's state, the epoch, the loss history,
/// how the data was generated, and what the window shows.
struct Session {
  RunnerState training;
  std::optional<Generator> generator;  ///< the Generate panel's kind, when it was used
  GeneratorSettings generatorSettings;
  SessionView view;
};

/// The session as JSON:
///   {"format": "nnlab-session", "version": 3,
///    "data": {"inputs": [names], "targets": [names], "rows": [[x…, y…], …], "test_rows": […]},
///    "model": {an nnlab-model object, see model_json.h},
///    "training": {"init", "seed", "loss", "optimizer": {…}, "batch_size", "l1", "l2",
///                 "shuffle_seed", "input_scaling", "stop": {…}, "speed_limit"},
///    "state": {"epoch", "optimizer_steps", "first_moment", "second_moment", "shuffle_random",
///              "shuffle_order"},
///    "history": {"epochs_per_point", "epochs_in_last", "points": [[epoch, loss, min, max], …]},
///    "test_history": {"spacing", "points": [[epoch, test loss], …]},
///    "timeline": {"stride", "records": [{"state": {as "state"}, "weights": [{"weights",
///                 "bias"}, …]}, …]},
///    "best": {"epoch", "test_loss", "model": {…}} or null,
///    "generator": {…} (optional), "view": {…}}
/// Numbers read back bit-identical. Throws SessionError when a value is not finite.
std::string sessionToJson(const Session& session);
/// Reads JSON written by sessionToJson. Everything is checked, the parts against each other
/// too (as the runner would), so that a session that reads can be restored. Throws
/// SessionError naming `fileName` and the problem; a newer version is refused by name.
Session sessionFromJson(std::string_view text, const std::string& fileName);
/// Reads a session file; throws SessionError (also when it cannot be read).
Session readSessionFile(const std::string& path);
/// Writes a session file atomically; throws SessionError or std::runtime_error.
void writeSessionFile(const std::string& path, const Session& session);

}  // namespace nnlab
