#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

class QAction;
class QMainWindow;
class QMenu;
class QProgressBar;
class QTimer;

namespace nnlab {

class SessionHost;
class SessionWriter;
struct Session;

/// The window's document: which file the session belongs to, whether it changed since it was
/// saved (the title's [*]), Open / Save / Save As / recent files, the Save-Discard-Cancel
/// question before a change would be lost, and autosave with recovery after a crash.
///
/// Autosave: while the session is modified, it is written every so often (30 s) to
/// autosave-PID.nnlab in the application's data folder (autosave-PID-2.nnlab… when an earlier
/// process with the same number left one), next to a lock file held while this process runs. A
/// clean exit removes both; after a crash or a kill the lock is stale, and the next start offers to
/// restore the session.
///
/// It takes sessions from and gives them to `host`; `window` parents its dialogs and carries the
/// title (with [*] while modified) and the status bar's messages.
class SessionController : public QObject {
  Q_OBJECT

 public:
  SessionController(SessionHost& host, QMainWindow& window);
  ~SessionController() override;

  QAction* openAction() const { return m_open; }
  QAction* saveAction() const { return m_save; }
  QAction* saveAsAction() const { return m_saveAs; }
  QMenu* recentMenu() const { return m_recent; }

  /// Whether questions and error boxes may appear (not in a scripted run with --quit).
  void setInteractive(bool interactive) { m_interactive = interactive; }
  bool isModified() const { return m_modified; }
  /// The session file this window's session was opened from or saved to; empty if untitled.
  QString currentPath() const { return m_path; }

  /// Opens a session (.nnlab), a model (.json) or data (.csv). Nothing changes when it fails:
  /// false, with `error` saying why.
  bool open(const QString& path, QString* error);
  /// Saves the session to `path` (atomically) and waits for it; false with `error` on failure.
  bool save(const QString& path, QString* error);
  /// Writes the session to `path` (atomically) without making it the session's file: the path
  /// and the modified state stay. False with `error` on failure.
  bool saveCopy(const QString& path, QString* error) const;
  /// Saves without waiting: the session is taken now (false with `error` if it cannot be, such
  /// as data training refused), and written on another thread while the window goes on; the
  /// status bar shows the write under way, then its end. Changes made meanwhile keep the
  /// session modified. A failed write is reported in a message box (or the status bar).
  bool saveInBackground(const QString& path, QString* error);
  /// Waits for a background save under way, and takes in its result.
  void waitForSave();
  bool isSaving() const;
  /// Why the last save failed; empty when it was written (or none was made).
  QString lastSaveError() const { return m_lastSaveError; }
  /// When there are unsaved changes and questions may appear: asks Save, Discard or Cancel.
  /// True when it is fine to go on (saved, discarded, nothing to lose).
  bool maybeSave();
  /// A new experiment (a preset): untitled and unmodified.
  void newExperiment();
  /// Something in the session changed: data, weights, settings, training.
  void markModified();

  /// Autosaves every `seconds` while modified.
  void startAutosave(double seconds);
  QString autosavePath() const { return m_autosavePath; }
  /// Writes the autosave file now (in the background) if the session changed since the last.
  void autosaveNow();
  /// Waits for an autosave being written.
  void waitForAutosave();
  /// Autosave files left by nnlab processes that ended without closing (killed, crashed).
  QStringList orphanedAutosaves() const;
  /// Offers each orphaned autosave: Restore (the session comes back, modified) or Discard.
  void offerRecovery();
  /// Restores the session of an orphaned autosave file and removes the file.
  bool recover(const QString& autosave, QString* error);
  /// Brings back a session that a restart wrote to `file` (then deleted) as it was: belonging
  /// to `path` (empty: untitled) and `modified` or not.
  bool resume(const QString& file, const QString& path, bool modified, QString* error);
  /// The window closes for good: removes this process's autosave file.
  void cleanExit();

 signals:
  void pathChanged(const QString& path);

 private:
  void interactiveOpen();
  bool interactiveSave(bool askForName);
  void addRecent(const QString& path);
  void fillRecentMenu();
  void setPath(const QString& path);
  void setModified(bool modified);
  void updateTitle();
  void warn(const QString& title, const QString& text) const;
  void saved(const QString& path, const QString& error);

  SessionHost& m_host;
  QMainWindow& m_window;
  QAction* m_open;
  QAction* m_save;
  QAction* m_saveAs;
  QMenu* m_recent;
  QTimer* m_autosaveTimer;
  QString m_path;
  bool m_modified = false;
  bool m_interactive = true;
  bool m_changedSinceAutosave = false;
  unsigned long long m_changes = 0;       ///< markModified() calls so far
  unsigned long long m_savedChanges = 0;  ///< m_changes when the session being saved was taken
  QString m_autosavePath;
  std::unique_ptr<QLockFile> m_lock;  ///< held while this process runs
  bool m_autosaveFailed = false;      ///< the last autosave could not be written
  SessionWriter* m_autosaver;         ///< writes autosaves off the GUI thread
  SessionWriter* m_saver;             ///< writes File ▸ Save off the GUI thread
  QProgressBar* m_saveProgress;       ///< in the status bar while m_saver writes
  QString m_lastSaveError;
};

}  // namespace nnlab
