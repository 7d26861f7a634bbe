#include "ui/common/gui_mailbox.h"

namespace nnlab {

void GuiMailbox::post(std::function<void()> job) {
  bool first = false;
  {
    const std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
    first = m_jobs.size() == 1;
  }
  // One call wakes the queue; the jobs posted before it runs are drained with it.
  if (first) QMetaObject::invokeMethod(this, "drain", Qt::QueuedConnection);
}

void GuiMailbox::clear() {
  const std::lock_guard lock(m_mutex);
  m_jobs.clear();
}

void GuiMailbox::drain() {
  std::vector<std::function<void()>> jobs;
  {
    const std::lock_guard lock(m_mutex);
    jobs.swap(m_jobs);
  }
  for (const std::function<void()>& job : jobs) job();
}

}  // namespace nnlab
