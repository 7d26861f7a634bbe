#pragma once

#include <string>

#include "core/export/export_model.h"

namespace nnlab {

/// The model as one standalone Python 3 script in the seed article's style: the weights as
/// numpy arrays, its `sigmoid` (and whatever other activations the layers use) and an `np.dot`
/// feed-forward, plus the training data when the model has it. Run as
///   python3 model.py [data.csv]
/// it prints the predictions for every row of data.csv (the inputs, optionally followed by the
/// targets; nnlab's CSV: a header row, then numbers) or, without an argument, of the embedded
/// data, as a table: a header line, then per row its inputs, " | " and its predictions, each
/// number as Python's repr (exact). Bad input: one line on stderr, exit status 1 (2 for usage).
/// Throws ModelError when a weight is not finite.
std::string modelToNumpy(const ExportModel& model);

}  // namespace nnlab
