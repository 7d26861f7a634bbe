// nnlab: the desktop window. Parses the command line, opens the experiment, runs the event loop.
#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>
#include <iostream>

#include "launch_options.h"
#include "main_window.h"
#include "scripted_run.h"

namespace {

void nameApplication() {
  QCoreApplication::setOrganizationName(QStringLiteral("nnlab"));
  QCoreApplication::setApplicationName(QStringLiteral("nnlab"));
  QCoreApplication::setApplicationVersion(QStringLiteral(NNLAB_VERSION));
}

}  // namespace

int main(int argc, char* argv[]) {
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

  const nnlab::LaunchOptions options = nnlab::LaunchOptions::parse(QApplication::arguments());
  if (!options.error.isEmpty()) {
    std::cerr << "nnlab: " << options.error.toStdString() << '\n';
    return 1;
  }
  QString error;
  std::optional<nnlab::Preset> experiment = options.experiment(&error);
  if (!experiment) {
    std::cerr << "nnlab: " << error.toStdString() << '\n';
    if (options.quit) return 1;
    QMessageBox::warning(nullptr, QObject::tr("nnlab"), error);
    experiment = nnlab::seedPreset();
  }

  nnlab::MainWindow window(*experiment);
  window.show();
  nnlab::ScriptedRun script(window, options);
  if (options.scripted()) script.start();
  return app.exec();
}
