#pragma once

#include <QObject>
#include <deque>
#include <functional>
#include <mutex>

namespace nnlab {

/// Hands work from a worker thread to the thread this object lives in (the GUI thread).
///
/// Qt's queued calls would do the same, but the lock that hands their lambdas over is inside
/// Qt, which is not built with ThreadSanitizer: a lambda made on one thread and run on the other
/// then looks like a data race. Here the jobs pass through a std::mutex that ThreadSanitizer
/// sees, and only a call without data ("drain") goes through Qt's queue.
///
/// Jobs run in the order they were posted, one at a time. Jobs still waiting when the mailbox is
/// cleared or deleted (by a job too) never run, so a job may capture the mailbox's owner if the
/// owner stops its workers before the mailbox goes.
class GuiMailbox : public QObject {
  Q_OBJECT

 public:
  explicit GuiMailbox(QObject* parent = nullptr) : QObject(parent) {}

  /// From any thread: runs `job` in this object's thread, soon.
  void post(std::function<void()> job);
  /// In this object's thread: drops the jobs not yet run (those of a worker just stopped).
  void clear();

 private:
  Q_INVOKABLE void drain();

  std::mutex m_mutex;
  std::deque<std::function<void()>> m_jobs;  ///< guarded by m_mutex
};

}  // namespace nnlab
