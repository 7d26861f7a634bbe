#pragma once

#include <string>

#include "core/explained_update.h"

namespace nnlab::cli {

/// Which weight's chain rule to write out, and for which batch row (all from 0).
struct WeightChoice {
  int layer = 0;
  int from = 0;
  int to = 0;
  int sample = 0;
};

/// The explained update laid out like the article: the labelled matrices of the forward pass,
/// the loss, the backward pass and the update, then the chain rule for one weight with the
/// numbers substituted. Throws std::out_of_range when `choice` names no weight or row.
std::string explainText(const ExplainedUpdate& update, const WeightChoice& choice);

}  // namespace nnlab::cli
