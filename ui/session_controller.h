#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
#include <thread>

class QAction;
class QMenu;
class QTimer;

namespace nnlab {

class MainWindow;
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
class SessionController : public QObject {
  Q_OBJECT

 public:
  explicit SessionController(MainWindow& window);
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
  /// Saves the session to `path` (atomically); false with `error` on failure.
  bool save(const QString& path, QString* error);
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

  MainWindow& m_window;
  QAction* m_open;
  QAction* m_save;
  QAction* m_saveAs;
  QMenu* m_recent;
  QTimer* m_autosaveTimer;
  QString m_path;
  bool m_modified = false;
  bool m_interactive = true;
  bool m_changedSinceAutosave = false;
  QString m_autosavePath;
  std::unique_ptr<QLockFile> m_lock;                    ///< held while this process runs
  std::shared_ptr<std::atomic<bool>> m_writing;         ///< an autosave is being written
  std::shared_ptr<std::atomic<bool>> m_autosaveFailed;  ///< the last one could not be written
  std::thread m_writer;                                 ///< writes it
};

}  // namespace nnlab
