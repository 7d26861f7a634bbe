#include "core/command_queue.h"

#include <utility>

namespace nnlab {

void CommandQueue::post(std::function<void()> run, CommandKind kind, bool keepsHistory) {
  if (m_closed.load()) return;
  {
    std::lock_guard lock(m_mutex);
    const std::uint64_t sequence = m_posted.fetch_add(1) + 1;
    if (kind != CommandKind::Other && !m_commands.empty() && m_commands.back().kind == kind) {
      m_commands.back().run = std::move(run);
      m_commands.back().sequence = sequence;
    } else {
      m_commands.push_back({kind, std::move(run), sequence, keepsHistory});
    }
    m_pending.store(true, std::memory_order_release);
  }
  m_wake.notify_one();
}

std::vector<RunnerCommand> CommandQueue::take() {
  std::vector<RunnerCommand> batch;
  std::lock_guard lock(m_mutex);
  batch.swap(m_commands);
  m_pending.store(false, std::memory_order_relaxed);
  return batch;
}

void CommandQueue::wait(std::stop_token token, std::optional<Clock::time_point> until) {
  std::unique_lock lock(m_mutex);
  auto ready = [this] { return m_pending.load(std::memory_order_relaxed); };
  if (until) {
    m_wake.wait_until(lock, token, *until, ready);
  } else {
    m_wake.wait(lock, token, ready);
  }
}

}  // namespace nnlab
