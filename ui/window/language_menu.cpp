#include "ui/window/language_menu.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMainWindow>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>

#include "ui/common/error_box.h"
#include "ui/window/language.h"
#include "ui/window/session_controller.h"

namespace nnlab {

LanguageMenu::LanguageMenu(SessionController& session, QMainWindow& window, QWidget* parent)
    : QMenu(tr("&Language"), parent), m_session(session), m_window(window) {
  auto* group = new QActionGroup(this);
  const QString saved = savedLanguage();
  std::vector<Language> choices = languages();
  choices.insert(choices.begin(), {QString(), tr("System")});
  for (const Language& language : choices) {
    QAction* action = addAction(language.ownName);
    action->setCheckable(true);
    action->setChecked(language.code == saved);
    action->setData(language.code);
    action->setToolTip(
        tr("The window's language (needs a restart; the session comes back as "
           "it is)"));
    group->addAction(action);
    connect(action, &QAction::triggered, this, [this, code = language.code] { choose(code); });
  }
}

void LanguageMenu::choose(const QString& code) {
  saveLanguage(code);
  emit chosen(code);
  const QString language = resolveLanguage(code);
  if (language == currentLanguage()) return;
  QString name = language;
  for (const Language& known : languages())
    if (known.code == language) name = known.ownName;
  QMessageBox box(QMessageBox::Question, tr("Language"),
                  tr("nnlab speaks %1 after a restart. Restart now? The session comes back as "
                     "it is.")
                      .arg(name),
                  QMessageBox::NoButton, &m_window);
  QPushButton* now = box.addButton(tr("Restart now"), QMessageBox::AcceptRole);
  box.addButton(tr("Later"), QMessageBox::RejectRole);
  box.setDefaultButton(now);
  box.exec();
  if (box.clickedButton() != now) {
    m_window.statusBar()->showMessage(tr("nnlab speaks %1 from its next start.").arg(name), 8000);
    return;
  }
  QString error;
  if (!restart(&error))
    showError(&m_window, tr("Restart failed"), tr("nnlab was not restarted."), error);
}

bool LanguageMenu::restart(QString* error, const QString& program, const QStringList& extra) {
  const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
  const QString file = QDir(folder).filePath(
      QStringLiteral("restart-%1.nnlab").arg(QCoreApplication::applicationPid()));
  QDir().mkpath(folder);
  if (!m_session.saveCopy(file, error)) return false;
  QStringList arguments = {QStringLiteral("--resume"), file};
  if (!m_session.currentPath().isEmpty())
    arguments << QStringLiteral("--resume-as") << m_session.currentPath();
  if (m_session.isModified()) arguments << QStringLiteral("--resume-modified");
  arguments << extra;
  if (!QProcess::startDetached(
          program.isEmpty() ? QCoreApplication::applicationFilePath() : program, arguments)) {
    QFile::remove(file);
    *error = tr("The new process could not start.");
    return false;
  }
  // The session is in the file now, for the new process: this one closes without asking.
  m_session.newExperiment();
  m_window.close();
  return true;
}

}  // namespace nnlab
