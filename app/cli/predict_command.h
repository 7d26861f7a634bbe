#pragma once

#include <iosfwd>

#include "app/cli/cli_options.h"

namespace nnlab::cli {

/// Runs `predict`: reads the model and the CSV and writes CSV to `out` — the input columns, then
/// one prediction column per output, named after the data's target columns plus "_pred" when
/// the data has them ("y_pred", "class=0_pred" for class labels, or "y1_pred", "y2_pred", …
/// otherwise). The data is read as `train` reads it: the inputs, then nothing, one column per
/// output, or (for several outputs) one column of class labels; --targets N says how many.
/// Writes to `err` which columns were taken as inputs and targets and, with targets, the
/// loss (ce over a softmax output, else SSE) and the accuracy where the targets are classes.
/// Returns 0; throws UsageError, CsvError, ModelError or std::runtime_error (column counts that
/// do not fit the model, class labels out of range).
int runPredict(const PredictOptions& options, std::ostream& out, std::ostream& err);

}  // namespace nnlab::cli
