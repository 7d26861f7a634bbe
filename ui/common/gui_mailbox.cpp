#include "ui/common/gui_mailbox.h"

#include <QPointer>

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
  const QPointer<GuiMailbox> alive(this);  // a job may delete the mailbox with its owner
  while (alive) {
    std::function<void()> job;
    {
      const std::lock_guard lock(m_mutex);
      if (m_jobs.empty()) return;
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
    }
    job();  // outside the lock: it may post or clear
  }
}

}  // namespace nnlab
