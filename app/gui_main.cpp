// nnlab: the desktop window. Parses the command line, opens the experiment, runs the event loop.
#include <QApplication>
#include <QCoreApplication>
#include <QTimer>
#include <iostream>

#include "core/blas_setup.h"
#include "core/training_runner.h"
#include "ui/common/error_box.h"
#include "ui/lessons/lessons_panel.h"
#include "ui/window/application_info.h"
#include "ui/window/language.h"
#include "ui/window/launch_options.h"
#include "ui/window/lessons_dock.h"
#include "ui/window/main_window.h"
#include "ui/window/scripted_run.h"
#include "ui/window/session_controller.h"

namespace {

void nameApplication() {
  QCoreApplication::setOrganizationName(QStringLiteral("nnlab"));
  QCoreApplication::setApplicationName(QStringLiteral("nnlab"));
  QCoreApplication::setApplicationVersion(QStringLiteral(NNLAB_VERSION));
}

/// Opens what the command line names (a file, a restart's session, a lesson) in `window`.
/// False when nnlab should exit with status 1 (under --quit); otherwise a problem is shown
/// and the window goes on.
bool openAsked(nnlab::MainWindow& window, const nnlab::LaunchOptions& options) {
  nnlab::SessionController& session = *window.session();
  QString error;
  if (!options.filePath.isEmpty() &&
      nnlab::LaunchOptions::kindOf(options.filePath) != nnlab::LaunchOptions::FileKind::Csv &&
      !session.open(options.filePath, &error)) {
    std::cerr << "nnlab: " << error.toStdString() << '\n';
    if (options.quit) return false;
    nnlab::showError(nullptr, QObject::tr("Open failed"),
                     QObject::tr("%1 was not opened.").arg(options.filePath), error);
  }
  if (!options.resumePath.isEmpty() &&
      !session.resume(options.resumePath, options.resumeAs, options.resumeModified, &error))
    nnlab::showError(nullptr, QObject::tr("Restart failed"),
                     QObject::tr("The session could not be brought back."), error);
  if (!options.lesson.isEmpty() &&
      !nnlab::openLesson(window, options.lesson, options.lessonShowMe, &error)) {
    std::cerr << "nnlab: " << error.toStdString() << '\n';
    if (options.quit) return false;
    nnlab::showError(nullptr, QObject::tr("Lesson failed"),
                     QObject::tr("The lesson could not be opened."), error);
  }
  if (!options.scripted() && options.lesson.isEmpty()) nnlab::offerLessonsOnFirstStart(window);
  return true;
}

}  // namespace

int main(int argc, char* argv[]) {
  nnlab::prepareBlas();  // once, before anything trains
  {
    // --help and --version need no display: answer them before opening one.
    QCoreApplication probe(argc, argv);
    nameApplication();
    const nnlab::LaunchOptions options = nnlab::LaunchOptions::parse(probe.arguments());
    if (options.help || options.version) {
      std::cout << options.usage.toStdString();
      return 0;
    }
  }
  QApplication app(argc, argv);
  nameApplication();
  QApplication::setWindowIcon(nnlab::applicationIcon());
  // Ties the windows to the installed desktop entry (its icon and name, on Wayland too).
  QGuiApplication::setDesktopFileName(QString::fromLatin1(nnlab::kDesktopId));

  const nnlab::LaunchOptions options = nnlab::LaunchOptions::parse(QApplication::arguments());
  if (!options.error.isEmpty()) {
    std::cerr << "nnlab: " << options.error.toStdString() << '\n';
    return 1;
  }
  nnlab::installTranslations(options.language.isEmpty() ? nnlab::savedLanguage()
                                                        : options.language);
  QString error;
  std::optional<nnlab::Preset> experiment = options.experiment(&error);
  if (!experiment) {
    std::cerr << "nnlab: " << error.toStdString() << '\n';
    if (options.quit) return 1;
    nnlab::showError(nullptr, QObject::tr("Open failed"),
                     QObject::tr("nnlab opens the seed experiment instead."), error);
    experiment = nnlab::seedPreset();
  }

  nnlab::MainWindow window(*experiment);
  nnlab::SessionController& session = *window.session();
  session.setInteractive(!options.quit);  // under --quit nothing modal may appear
  if (!openAsked(window, options)) return 1;
  // After the file: a session brings its own stop, which --stop-at overrides.
  if (options.stopAt) window.runner().setMaxEpochs(*options.stopAt);
  if (options.windowSize.isValid()) window.resize(options.windowSize);
  window.show();
  session.startAutosave(options.autosaveSeconds);
  if (!options.quit) {
    // After the window is up: the question is about what it will show.
    QTimer::singleShot(0, &window, [&session] { session.offerRecovery(); });
  }
  nnlab::ScriptedRun script(window, options);
  if (options.scripted()) script.start();
  return app.exec();
}
