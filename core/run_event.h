#pragma once

#include <vector>

#include "core/name_table.h"

namespace nnlab {

/// What happened to a run at an epoch, for the loss chart's markers. (A stop is not an event: the
/// stop line shows where the run will stop.)
enum class RunEventKind {
  LearningRate,  ///< the learning rate changed from `before` to `after`
  Settings,      ///< other training settings changed (optimizer, batch, regularisation, …)
  Data,          ///< the data or the input scaling changed
  Diverged,      ///< the loss became NaN or infinite at epoch `before`; the weights of `epoch` came
                 ///< back
  RestoredBest,  ///< the weights with the lowest test loss (of `epoch`) came back
};

/// The kinds' names in session files.
inline constexpr NameTable<RunEventKind, 5> kRunEventKinds{{{
    {RunEventKind::LearningRate, "learning_rate"},
    {RunEventKind::Settings, "settings"},
    {RunEventKind::Data, "data"},
    {RunEventKind::Diverged, "diverged"},
    {RunEventKind::RestoredBest, "restored_best"},
}}};

struct RunEvent {
  long long epoch = 0;
  RunEventKind kind = RunEventKind::Settings;
  double before = 0.0;
  double after = 0.0;

  friend bool operator==(const RunEvent&, const RunEvent&) = default;
};

/// Forgets the events after `epoch` (the run went back to it).
inline void truncateEvents(std::vector<RunEvent>& events, long long epoch) {
  while (!events.empty() && events.back().epoch > epoch) events.pop_back();
}

}  // namespace nnlab
