#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <thread>

namespace nnlab {

class GuiMailbox;
struct Session;

/// Writes session files on a thread of its own, so that a big session (a million rows take
/// about a second to write) never stops the window from drawing. The write is atomic (a
/// temporary file renamed over the old one), and a write once started is always finished: the
/// destructor waits for it.
class SessionWriter : public QObject {
  Q_OBJECT

 public:
  explicit SessionWriter(QObject* parent = nullptr);
  ~SessionWriter() override;

  /// Starts writing `session` to `path`; false, starting nothing, while another write runs.
  bool start(std::shared_ptr<const Session> session, const QString& path);
  /// Whether a write is under way.
  bool busy() const { return m_busy->load(); }
  /// Waits for the write under way, if any, and delivers its finished() before returning.
  void wait();

 signals:
  /// Once per write, in this object's thread: `error` is empty when the file was written.
  void finished(const QString& path, const QString& error);

 private:
  struct Job;
  void deliver(const std::shared_ptr<Job>& job);

  std::shared_ptr<std::atomic<bool>> m_busy;
  GuiMailbox* m_mailbox;       ///< hands finished() back to this object's thread
  std::shared_ptr<Job> m_job;  ///< the last write started
  std::thread m_thread;
};

}  // namespace nnlab
