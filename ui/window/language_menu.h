#pragma once

#include <QMenu>
#include <QStringList>

class QMainWindow;

namespace nnlab {

class SessionController;

/// View ▸ Language: System, English, 简体中文; the choice is remembered. A different language
/// needs a restart, offered at once: the session is written to a file that the new process
/// opens (and deletes) as it was — same file name, same modified state — so nothing is lost.
/// `session` writes it; `window` parents the questions, shows the status and is closed.
class LanguageMenu : public QMenu {
  Q_OBJECT

 public:
  LanguageMenu(SessionController& session, QMainWindow& window, QWidget* parent);

  /// Restarts nnlab with the session as it is now; false with `error` when it cannot be written
  /// or the new process cannot start (this one then stays). Tests name the program, and add
  /// arguments (--quit).
  bool restart(QString* error, const QString& program = {}, const QStringList& extra = {});

 signals:
  /// A language was chosen (its code; empty for the system's).
  void chosen(const QString& code);

 private:
  void choose(const QString& code);

  SessionController& m_session;
  QMainWindow& m_window;
};

}  // namespace nnlab
