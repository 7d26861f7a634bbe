// The session controller's autosave: a session written every few seconds while it has changes,
// a lock beside it while this process lives, and at the next start the offer to restore the
// autosave of a process that did not close properly (the rest is in session_controller.cpp).
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QLockFile>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimer>
#include <exception>

#include "core/session.h"
#include "ui/window/session_controller.h"
#include "ui/window/session_host.h"
#include "ui/window/session_writer.h"

namespace nnlab {

namespace {

// The application's data folder; NNLAB_AUTOSAVE_DIR, when set, instead (tests use it to share
// one folder between a process they kill and the one that recovers).
QString autosaveFolder() {
  const QString chosen = qEnvironmentVariable("NNLAB_AUTOSAVE_DIR");
  return chosen.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                          : chosen;
}

QString lockPathOf(const QString& autosave) {
  return autosave.left(autosave.size() - QStringLiteral(".nnlab").size()) + QStringLiteral(".lock");
}

}  // namespace

void SessionController::startAutosave(double seconds) {
  const QString folder = autosaveFolder();
  if (folder.isEmpty() || !QDir().mkpath(folder)) return;  // no place to keep it: no autosave
  const QString pid = QString::number(QCoreApplication::applicationPid());
  // Process numbers come round again (in a container, nnlab may get the same one each start):
  // the file of an earlier process that had this number is left for recovery, and this one
  // takes the next free name.
  for (int n = 1; n <= 100; ++n) {
    const QString base =
        QDir(folder).filePath(n == 1 ? QStringLiteral("autosave-%1").arg(pid)
                                     : QStringLiteral("autosave-%1-%2").arg(pid).arg(n));
    if (QFile::exists(base + QStringLiteral(".nnlab"))) continue;
    auto lock = std::make_unique<QLockFile>(base + QStringLiteral(".lock"));
    lock->setStaleLockTime(0);  // stale only when its process is gone, however old
    if (!lock->tryLock(0)) continue;
    m_lock = std::move(lock);
    m_autosavePath = base + QStringLiteral(".nnlab");
    m_autosaveTimer->start(static_cast<int>(seconds * 1000));
    return;
  }
}

void SessionController::autosaveNow() {
  if (m_autosavePath.isEmpty() || m_autosaver->busy()) return;
  if (std::exchange(m_autosaveFailed, false)) m_changedSinceAutosave = true;  // try it again
  if (!m_modified || !m_changedSinceAutosave) return;
  std::shared_ptr<Session> session;
  try {
    session = std::make_shared<Session>(m_host.captureSession());
  } catch (const std::exception&) {
    // The runner has stopped (the window is closing), or training refused the table's data:
    // still changed, so the next tick tries again.
    return;
  }
  m_changedSinceAutosave = false;
  // Writing a big session takes a while: not on the thread that draws the window.
  m_autosaver->start(std::move(session), m_autosavePath);
}

void SessionController::waitForAutosave() { m_autosaver->wait(); }

QStringList SessionController::orphanedAutosaves() const {
  QStringList orphans;
  const QDir folder(autosaveFolder());
  const QStringList files =
      folder.entryList({QStringLiteral("autosave-*.nnlab")}, QDir::Files, QDir::Time);
  for (const QString& name : files) {
    const QString path = folder.filePath(name);
    if (path == m_autosavePath) continue;
    // A lock that can be taken belonged to a process that is gone.
    QLockFile lock(lockPathOf(path));
    lock.setStaleLockTime(0);
    if (lock.tryLock(0)) {
      lock.unlock();
      orphans << path;
      continue;
    }
    // Held by a live process: another nnlab running with it, unless the holder's number is this
    // process's, which holds no lock but its own: then an earlier process had that number.
    qint64 holder = 0;
    QString host;
    QString application;
    if (lock.getLockInfo(&holder, &host, &application) &&
        holder == QCoreApplication::applicationPid() && host == QSysInfo::machineHostName())
      orphans << path;
  }
  return orphans;
}

void SessionController::offerRecovery() {
  for (const QString& autosave : orphanedAutosaves()) {
    const QFileInfo info(autosave);
    QMessageBox box(QMessageBox::Question, tr("nnlab"),
                    tr("nnlab did not close properly last time. Restore the session it "
                       "autosaved at %1?")
                        .arg(QLocale().toString(info.lastModified(), QLocale::ShortFormat)),
                    QMessageBox::NoButton, &m_window);
    QPushButton* restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == restore) {
      QString error;
      if (!recover(autosave, &error)) warn(tr("Restore"), error);
      return;  // one session at a time; any other waits for the next start
    }
    QFile::remove(autosave);
    QFile::remove(lockPathOf(autosave));
  }
}

bool SessionController::recover(const QString& autosave, QString* error) {
  try {
    m_host.applySession(readSessionFile(autosave.toStdString()));
  } catch (const std::exception& problem) {
    *error = tr("The autosaved session cannot be restored: %1")
                 .arg(QString::fromStdString(problem.what()));
    return false;
  }
  // Untitled and modified: it was never saved by the user, so Save asks where.
  setPath(QString());
  setModified(true);
  QFile::remove(autosave);
  QFile::remove(lockPathOf(autosave));
  return true;
}

void SessionController::cleanExit() {
  m_autosaveTimer->stop();
  waitForSave();  // closing while a save is written: it is finished first
  waitForAutosave();
  if (m_autosavePath.isEmpty()) return;
  QFile::remove(m_autosavePath);
  m_autosavePath.clear();
  if (m_lock) m_lock->unlock();  // removes the lock file
  m_lock.reset();
}

}  // namespace nnlab
