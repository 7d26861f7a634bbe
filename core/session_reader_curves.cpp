// Reading a session's curves along the run: the loss history, the test-loss history and the
// run's events (the rest of the session is read in session_reader.cpp).
#include <string>

#include "core/session_reader_parts.h"

namespace nnlab::session_reader {

LossHistory::State readHistory(const Json& value, const Reader& outer) {
  const Reader reader = outer.inside("history");
  reader.object(value);
  reader.onlyKeys(value, {"epochs_per_point", "epochs_in_last", "points"});
  LossHistory::State history;
  history.epochsPerPoint =
      reader.integer(reader.member(value, "epochs_per_point"), "epochs_per_point", 1, kMaxCount);
  history.epochsInLast =
      reader.integer(reader.member(value, "epochs_in_last"), "epochs_in_last", 0, kMaxCount);
  const Json& points = reader.member(value, "points");
  if (!points.is_array()) reader.fail("points must be an array of [epoch, loss, min, max]");
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string name = "point " + std::to_string(i + 1);
    reader.array(points[i], name, 4, "number", "a point is [epoch, loss, min, max]");
    history.points.push_back({reader.integer(points[i][0], name, 0, kMaxCount),
                              reader.number(points[i][1], name), reader.number(points[i][2], name),
                              reader.number(points[i][3], name)});
  }
  return history;
}

TestLossHistory::State readTestHistory(const Json& value, const Reader& outer) {
  const Reader reader = outer.inside("test_history");
  reader.object(value);
  reader.onlyKeys(value, {"spacing", "points"});
  TestLossHistory::State history;
  history.spacing = reader.integer(reader.member(value, "spacing"), "spacing", 1, kMaxCount);
  const Json& points = reader.member(value, "points");
  if (!points.is_array()) reader.fail("points must be an array of [epoch, loss]");
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string name = "point " + std::to_string(i + 1);
    reader.array(points[i], name, 2, "number", "a point is [epoch, test loss]");
    history.points.push_back(
        {reader.integer(points[i][0], name, 0, kMaxCount), reader.number(points[i][1], name)});
  }
  return history;
}

std::vector<RunEvent> readEvents(const Json& value, const Reader& outer) {
  const Reader reader = outer.inside("events");
  if (!value.is_array()) reader.fail("must be an array of [epoch, kind, before, after]");
  std::vector<RunEvent> events;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string name = "event " + std::to_string(i + 1);
    reader.array(value[i], name, 4, "value", "an event is [epoch, kind, before, after]");
    const auto kind = value[i][1].is_string() ? kRunEventKinds.parse(value[i][1].get<std::string>())
                                              : std::nullopt;
    if (!kind) reader.fail(name + ": the kind must be one of " + kRunEventKinds.names());
    const long long epoch = reader.integer(value[i][0], name, 0, kMaxCount);
    if (!events.empty() && epoch < events.back().epoch)
      reader.fail(name + ": its epoch is before the one before");
    events.push_back(
        {epoch, *kind, reader.number(value[i][2], name), reader.number(value[i][3], name)});
  }
  return events;
}

}  // namespace nnlab::session_reader
