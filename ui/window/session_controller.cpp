#include "ui/window/session_controller.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <exception>
#include <utility>

#include "core/session.h"
#include "ui/common/error_box.h"
#include "ui/window/launch_options.h"
#include "ui/window/session_host.h"
#include "ui/window/session_writer.h"

namespace nnlab {

namespace {

constexpr int kRecentFiles = 8;
const QString kRecentKey = QStringLiteral("files/recent");
const QString kSessionFilter = QObject::tr("nnlab sessions (*.nnlab)");

}  // namespace

SessionController::SessionController(SessionHost& host, QMainWindow& window)
    : QObject(&window),
      m_host(host),
      m_window(window),
      m_open(new QAction(tr("&Open…"), this)),
      m_save(new QAction(tr("&Save"), this)),
      m_saveAs(new QAction(tr("Save &As…"), this)),
      m_recent(new QMenu(tr("Open &Recent"), &window)),
      m_autosaveTimer(new QTimer(this)),
      m_autosaver(new SessionWriter(this)),
      m_saver(new SessionWriter(this)),
      m_saveProgress(new QProgressBar(&window)) {
  // A busy bar: the file is written in one piece, so there is no share done to show.
  m_saveProgress->setRange(0, 0);
  m_saveProgress->setMaximumWidth(120);
  m_saveProgress->setToolTip(tr("The session is being written; the window goes on meanwhile."));
  m_saveProgress->hide();
  window.statusBar()->addPermanentWidget(m_saveProgress);
  connect(m_saver, &SessionWriter::finished, this, &SessionController::saved);
  connect(m_autosaver, &SessionWriter::finished, this,
          [this](const QString&, const QString& error) {
            // A full disk or a vanished folder: the next tick tries again; nothing is lost yet.
            m_autosaveFailed = !error.isEmpty();
          });
  m_open->setShortcut(QKeySequence::Open);
  m_open->setToolTip(tr("Open a session (.nnlab), a model (.json, .onnx) or data (.csv)."));
  m_save->setShortcut(QKeySequence::Save);
  m_save->setToolTip(tr("Save the whole session: data, network, training state and view."));
  m_saveAs->setShortcut(QKeySequence::SaveAs);
  connect(m_open, &QAction::triggered, this, &SessionController::interactiveOpen);
  connect(m_save, &QAction::triggered, this, [this] { interactiveSave(false); });
  connect(m_saveAs, &QAction::triggered, this, [this] { interactiveSave(true); });
  connect(m_recent, &QMenu::aboutToShow, this, &SessionController::fillRecentMenu);
  connect(m_autosaveTimer, &QTimer::timeout, this, &SessionController::autosaveNow);
  updateTitle();
}

// Any end but a crash is a clean one: a scripted run's exit() never closes the window.
SessionController::~SessionController() {
  // The window is going: the writes under way are finished, but not reported to it any more.
  m_saver->disconnect(this);
  m_autosaver->disconnect(this);
  cleanExit();
}

void SessionController::setPath(const QString& path) {
  m_path = path;
  updateTitle();
  emit pathChanged(path);
}

void SessionController::setModified(bool modified) {
  if (modified) {
    m_changedSinceAutosave = true;
    ++m_changes;
  }
  if (modified == m_modified) return;
  m_modified = modified;
  updateTitle();
}

void SessionController::markModified() { setModified(true); }

void SessionController::updateTitle() {
  const QString name = m_path.isEmpty() ? tr("untitled") : QFileInfo(m_path).fileName();
  // "[*]" is where Qt shows the modified marker.
  m_window.setWindowTitle(tr("%1[*] — nnlab").arg(name));
  m_window.setWindowModified(m_modified);
}

void SessionController::newExperiment() {
  setPath(QString());
  setModified(false);
}

void SessionController::warn(const QString& title, const QString& text) const {
  if (m_interactive)
    showError(&m_window, tr("%1 failed").arg(title), tr("%1 failed.").arg(title), text);
}

bool SessionController::open(const QString& path, QString* error) {
  try {
    switch (LaunchOptions::kindOf(path)) {
      case LaunchOptions::FileKind::Session: {
        const Session session = readSessionFile(path.toStdString());
        m_host.applySession(session);
        setPath(path);
        setModified(false);
        m_window.statusBar()->showMessage(
            tr("Opened %1 at epoch %2, paused.")
                .arg(QFileInfo(path).fileName(),
                     QLocale().toString(session.training.trainer.epoch)),
            8000);
        break;
      }
      case LaunchOptions::FileKind::Model:
        if (!m_host.loadModelFile(path, error)) return false;
        markModified();
        break;
      case LaunchOptions::FileKind::Csv: {
        const std::optional<Preset> experiment = LaunchOptions::csvExperiment(path, error);
        if (!experiment) return false;
        m_host.loadPreset(*experiment);
        newExperiment();
        break;
      }
    }
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
  addRecent(path);
  return true;
}

bool SessionController::saveCopy(const QString& path, QString* error) const {
  try {
    writeSessionFile(path.toStdString(), m_host.captureSession());
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
  return true;
}

bool SessionController::save(const QString& path, QString* error) {
  if (!saveCopy(path, error)) return false;
  setPath(path);
  setModified(false);
  addRecent(path);
  return true;
}

bool SessionController::maybeSave() {
  waitForSave();  // a save under way may be all there is to keep
  if (!m_modified || !m_interactive) return true;
  QMessageBox box(QMessageBox::Warning, tr("nnlab"),
                  tr("The session %1 has changes that are not saved.")
                      .arg(m_path.isEmpty() ? tr("(untitled)") : QFileInfo(m_path).fileName()),
                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, &m_window);
  box.setInformativeText(tr("Save them before going on?"));
  box.setDefaultButton(QMessageBox::Save);
  switch (box.exec()) {
    case QMessageBox::Save:
      // Before the window goes: wait for the write, and stay if it failed.
      if (!interactiveSave(false)) return false;
      waitForSave();
      return !m_modified;
    case QMessageBox::Discard:
      return true;
    default:
      return false;
  }
}

void SessionController::interactiveOpen() {
  if (!maybeSave()) return;
  const QString path = QFileDialog::getOpenFileName(
      &m_window, tr("Open"), QFileInfo(m_path).absolutePath(),
      tr("Everything nnlab opens (*.nnlab *.json *.onnx *.csv);;%1;;Models (*.json *.onnx);;Data "
         "(*.csv);;All files (*)")
          .arg(kSessionFilter));
  if (path.isEmpty()) return;
  QString error;
  if (!open(path, &error)) warn(tr("Open"), error);
}

bool SessionController::interactiveSave(bool askForName) {
  QString path = m_path;
  if (askForName || path.isEmpty()) {
    QFileDialog dialog(&m_window, tr("Save session"), path, kSessionFilter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("nnlab"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return false;
    path = dialog.selectedFiles().front();
  }
  QString error;
  if (!saveInBackground(path, &error)) {
    warn(tr("Save session"), error);
    return false;
  }
  return true;
}

bool SessionController::saveInBackground(const QString& path, QString* error) {
  waitForSave();  // one at a time, in order
  std::shared_ptr<Session> session;
  try {
    session = std::make_shared<Session>(m_host.captureSession());
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
  m_savedChanges = m_changes;
  m_saver->start(std::move(session), path);
  m_saveProgress->show();
  m_window.statusBar()->showMessage(tr("Saving %1…").arg(QFileInfo(path).fileName()));
  return true;
}

void SessionController::waitForSave() { m_saver->wait(); }

bool SessionController::isSaving() const { return m_saver->busy(); }

void SessionController::saved(const QString& path, const QString& error) {
  m_saveProgress->hide();
  m_lastSaveError = error;
  if (!error.isEmpty()) {
    m_window.statusBar()->showMessage(tr("Not saved: %1").arg(error), 10000);
    warn(tr("Save session"), error);
    return;
  }
  setPath(path);
  if (m_changes == m_savedChanges) setModified(false);  // else changed since it was taken
  addRecent(path);
  m_window.statusBar()->showMessage(tr("Saved %1.").arg(QFileInfo(path).fileName()), 5000);
}

void SessionController::addRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value(kRecentKey).toStringList();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  recent.removeAll(absolute);
  recent.prepend(absolute);
  while (recent.size() > kRecentFiles) recent.removeLast();
  settings.setValue(kRecentKey, recent);
}

void SessionController::fillRecentMenu() {
  m_recent->clear();
  const QStringList recent = QSettings().value(kRecentKey).toStringList();
  for (const QString& path : recent) {
    QAction* action = m_recent->addAction(QFileInfo(path).fileName(), this, [this, path] {
      if (!maybeSave()) return;
      QString error;
      if (!open(path, &error)) warn(tr("Open"), error);
    });
    action->setToolTip(path);
    action->setStatusTip(path);
  }
  if (recent.isEmpty()) m_recent->addAction(tr("(none yet)"))->setEnabled(false);
}

bool SessionController::resume(const QString& file, const QString& path, bool modified,
                               QString* error) {
  try {
    m_host.applySession(readSessionFile(file.toStdString()));
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
  QFile::remove(file);
  setPath(path);
  setModified(modified);
  return true;
}

}  // namespace nnlab
