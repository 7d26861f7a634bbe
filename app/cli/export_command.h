#pragma once

#include <iosfwd>

#include "app/cli/cli_options.h"

namespace nnlab::cli {

/// Runs `export`: reads the model (nnlab JSON, or ONNX for an .onnx path) and writes it to --out
/// in --format (onnx, numpy or c), atomically: a failure leaves what was at --out untouched.
/// Says on `out` what it wrote. Returns 0; throws UsageError (--float32 for a format other than
/// onnx), ModelError or std::runtime_error (a file that cannot be read or written).
int runExport(const ExportOptions& options, std::ostream& out);

}  // namespace nnlab::cli
