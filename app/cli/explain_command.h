#pragma once

#include <iosfwd>

#include "app/cli/cli_options.h"

namespace nnlab::cli {

/// Runs `explain`: builds the experiment as `train` does, trains --epochs-before epochs, then
/// explains the next update — printed like the article, and as JSON to --json. Returns 0, or 1
/// when training diverged before the update (message on `err`). Throws like runTrain, and
/// UsageError when --weight or --sample name nothing in the network or batch.
int runExplain(const ExplainOptions& options, std::ostream& out, std::ostream& err);

}  // namespace nnlab::cli
