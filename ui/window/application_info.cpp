#include "ui/window/application_info.h"

#include <QCoreApplication>
#include <QStringList>
#include <QtGlobal>

// nnlab_ui is a static library: this call keeps the linker from dropping its icon resources.
// (Q_INIT_RESOURCE declares a global function, so it is called from the global namespace.)
static void initResources() { Q_INIT_RESOURCE(nnlab); }

namespace {

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

namespace nnlab {

QIcon applicationIcon() {
  initResources();
  QIcon icon;
  for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
    icon.addFile(QStringLiteral(":/icons/nnlab-%1.png").arg(size), QSize(size, size));
  return icon;
}

std::vector<Component> guiComponents() {
  std::vector<Component> components = coreComponents();
  const std::string qt = qVersion();  // the Qt the window runs on, not the one it was built with
  components.push_back({"Qt Core, GUI, Widgets, SVG", qt,
                        "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", "the window"});
  components.push_back({"Qt Charts", qt, "GPL-3.0-only", "the loss chart"});
  return components;
}

QString versionText() { return fromStd(versionReport("nnlab", guiComponents())); }

QString aboutText() {
  const QString variant = fromStd(kernelVariant()).toHtmlEscaped();
  const QString library = fromStd(kernelLibrary()).toHtmlEscaped();
  QString text = QCoreApplication::translate(
      "About",
      "<p><b>nnlab</b> shows a small neural network while it learns: its weights, its "
      "activations and its loss, live.</p><p>Train with Space, step with →, reset with R.</p>");
  text += QStringLiteral("<p>%1<br>%2<br>%3<br>%4</p>")
              .arg(QCoreApplication::translate("About", "Version %1")
                       .arg(fromStd(std::string(version()))),
                   QCoreApplication::translate("About", "Git revision: %1")
                       .arg(fromStd(std::string(gitRevision())).toHtmlEscaped()),
                   library.isEmpty()
                       ? QCoreApplication::translate("About", "Kernels: %1, built into the program")
                             .arg(variant)
                       : QCoreApplication::translate("About", "Kernels: %1, chosen at start-up: %2")
                             .arg(variant, library),
                   QCoreApplication::translate("About", "Licence: %1")
                       .arg(fromStd(std::string(kLicence))));
  QStringList libraries;
  for (const Component& c : guiComponents()) {
    QString line = QStringLiteral("%1 %2").arg(fromStd(c.name), fromStd(c.version)).trimmed();
    if (!c.detail.empty()) line += QStringLiteral(" (%1)").arg(fromStd(c.detail));
    libraries << line.toHtmlEscaped() + QStringLiteral(": ") + fromStd(c.licence).toHtmlEscaped();
  }
  return text + QCoreApplication::translate("About", "<p>Built with:<br>%1</p>")
                    .arg(libraries.join(QStringLiteral("<br>")));
}

}  // namespace nnlab
