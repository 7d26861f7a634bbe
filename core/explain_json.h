#pragma once

#include <string>

#include "core/explained_update.h"

namespace nnlab {

/// The explained update as JSON (docs/explain-format.md): matrices as arrays of rows, weights
/// fan_in × units as in the model file, every number written so that it reads back to the
/// identical double (non-finite ones as null).
std::string explainedUpdateToJson(const ExplainedUpdate& update);

}  // namespace nnlab
