#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <vector>

namespace nnlab {

/// What a runner command sets, for coalescing; Other: never merged (run, step, reset, …).
enum class CommandKind { Other, LearningRate, Settings, SpeedLimit, StopConditions, Dataset };

/// One command for the training thread: a closure, numbered in the order posted.
struct RunnerCommand {
  CommandKind kind = CommandKind::Other;
  std::function<void()> run;
  std::uint64_t sequence = 0;  ///< 1 for the first command posted, and so on
  /// Keeps the timeline: leaves the trained run as it was (run, pause, a query, …) or records
  /// its change in it (a new rate or data). The others clear it.
  bool keepsHistory = false;
};

/// The training runner's commands, from any thread to its training thread. Posting takes a
/// mutex; the training thread's hot loop pays only one atomic load (pending()) to stay
/// commandable, and sleeps in wait() when it has nothing to train.
///
/// A setter posted right after one of its own kind replaces it (a slider dragged faster than
/// the thread drains), so the queue cannot grow without bound; only neighbours merge, as the
/// order of other commands could change the outcome. Once closed (the runner stops), posts are
/// dropped.
class CommandQueue {
 public:
  using Clock = std::chrono::steady_clock;

  /// Any thread: queues `run` and wakes the training thread. Numbered even when merged.
  void post(std::function<void()> run, CommandKind kind, bool keepsHistory);
  /// Training thread: whether commands wait.
  bool pending() const { return m_pending.load(std::memory_order_acquire); }
  /// Training thread: every waiting command, oldest first; the queue is empty after.
  std::vector<RunnerCommand> take();
  /// Training thread: waits until a command is posted, `until` passes (never with nullopt) or
  /// `token` asks the thread to stop.
  void wait(std::stop_token token, std::optional<Clock::time_point> until);
  /// Any thread: how many commands were posted so far (the last one's sequence number).
  std::uint64_t posted() const { return m_posted.load(); }
  /// Any thread: later posts are dropped.
  void close() { m_closed.store(true); }
  bool closed() const { return m_closed.load(); }

 private:
  std::mutex m_mutex;
  std::condition_variable_any m_wake;
  std::vector<RunnerCommand> m_commands;  // guarded by m_mutex
  std::atomic<bool> m_pending{false};
  std::atomic<std::uint64_t> m_posted{0};
  std::atomic<bool> m_closed{false};
};

}  // namespace nnlab
