#pragma once

#include <iosfwd>

#include "cli_options.h"

namespace nnlab::cli {

/// Runs `predict`: reads the model and the CSV and writes CSV to `out` — the input columns, then
/// one prediction column per output, named after the data's target columns plus "_pred" when
/// the data has them ("y_pred", or "y1_pred", "y2_pred", … otherwise). Without --targets the
/// data may hold just the inputs, or the inputs then the targets. Returns 0; throws UsageError,
/// CsvError, ModelError or std::runtime_error (column counts that do not fit the model).
int runPredict(const PredictOptions& options, std::ostream& out);

}  // namespace nnlab::cli
