#pragma once

#include <iosfwd>

#include "app/cli/cli_options.h"

namespace nnlab::cli {

/// Most lines (after the header) a --history file gets; longer runs write every k-th epoch.
inline constexpr long long kMaxHistoryLines = 1'000'000;
/// Tables of up to this many rows are printed after training.
inline constexpr int kMaxTableRows = 20;

/// Every how many epochs --history records the loss: 1, or ⌈epochs / kMaxHistoryLines⌉.
long long historyStride(long long epochs);
/// Every how many epochs the progress line is printed: 100, or for runs over 2000 epochs the
/// first of 200, 500, 1000, 2000, 5000, … that gives at most 20 lines.
long long progressInterval(long long epochs);

/// Runs `train`: builds the experiment, trains, prints progress, the final loss and the
/// table of predictions to `out`, then writes --model-out and --history atomically.
/// Returns the exit code: 0, or 1 when training diverged (messages go to `err`; nothing is
/// written). Throws UsageError, CsvError, ModelError or std::runtime_error for bad input.
int runTrain(const TrainOptions& options, std::ostream& out, std::ostream& err);

}  // namespace nnlab::cli
