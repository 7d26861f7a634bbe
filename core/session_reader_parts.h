#pragma once

// Parts of the session reader (session_reader.cpp) kept in files of their own: internal to the
// core library.
#include <limits>
#include <vector>

#include "core/json_reader.h"
#include "core/session.h"

namespace nnlab::session_reader {

using Json = json::Json;
using Reader = json::Reader<SessionError>;

/// The largest count or epoch a session may hold.
inline constexpr long long kMaxCount = std::numeric_limits<long long>::max() / 2;

/// The curves along the run (session_reader_curves.cpp): the loss history, the test-loss
/// history and the run's events, each checked value by value.
LossHistory::State readHistory(const Json& value, const Reader& outer);
TestLossHistory::State readTestHistory(const Json& value, const Reader& outer);
std::vector<RunEvent> readEvents(const Json& value, const Reader& outer);

}  // namespace nnlab::session_reader
