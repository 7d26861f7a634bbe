#include "ui/window/session_writer.h"

#include <exception>

#include "core/session.h"
#include "ui/common/gui_mailbox.h"

namespace nnlab {

struct SessionWriter::Job {
  std::shared_ptr<const Session> session;
  QString path;
  QString error;           ///< written by the writing thread before it clears `busy`
  bool delivered = false;  ///< finished() was emitted (GUI thread only)
};

SessionWriter::SessionWriter(QObject* parent)
    : QObject(parent),
      m_busy(std::make_shared<std::atomic<bool>>(false)),
      m_mailbox(new GuiMailbox(this)) {}

SessionWriter::~SessionWriter() {
  if (m_thread.joinable()) m_thread.join();  // a save is finished, never abandoned
}

bool SessionWriter::start(std::shared_ptr<const Session> session, const QString& path) {
  if (busy()) return false;
  wait();  // the last one has ended: join its thread, and report it if not yet done
  auto job = std::make_shared<Job>();
  job->session = std::move(session);
  job->path = path;
  m_job = job;
  m_busy->store(true);
  m_thread = std::thread([this, job, busy = m_busy] {
    try {
      writeSessionFile(job->path.toStdString(), *job->session);
    } catch (const std::exception& problem) {
      job->error = QString::fromStdString(problem.what());
    }
    job->session.reset();  // the copy of the data goes as soon as it is written
    busy->store(false);
    // `this` outlives the thread (the destructor joins it), and the mailbox, deleted with it,
    // drops what it has not yet run.
    m_mailbox->post([this, job] { deliver(job); });
  });
  return true;
}

void SessionWriter::wait() {
  if (m_thread.joinable()) m_thread.join();
  if (m_job) deliver(m_job);
}

void SessionWriter::deliver(const std::shared_ptr<Job>& job) {
  if (job->delivered) return;
  job->delivered = true;
  emit finished(job->path, job->error);
}

}  // namespace nnlab
