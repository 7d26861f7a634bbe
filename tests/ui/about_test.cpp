// Help ▸ About and `nnlab --version`: the version, git revision, kernels and licences.
#include <gtest/gtest.h>

#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTest>
#include <QTimer>
#include <memory>

#include "core/build_info.h"
#include "ui/window/application_info.h"
#include "ui/window/launch_options.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

QString fromStd(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// The Help menu's action whose text (without its & mnemonic) is `text`.
QAction* helpAction(MainWindow& window, const QString& text) {
  for (QAction* menu : window.menuBar()->actions()) {
    if (menu->text().remove(QLatin1Char('&')) != QStringLiteral("Help") || !menu->menu()) continue;
    for (QAction* action : menu->menu()->actions())
      if (action->text().remove(QLatin1Char('&')) == text) return action;
  }
  return nullptr;
}

TEST(About, HelpAboutShowsVersionRevisionKernelsAndLicences) {
  MainWindow window(seedPreset());
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  QAction* about = helpAction(window, QStringLiteral("About nnlab"));
  ASSERT_NE(about, nullptr);
  QString shown;
  QTimer::singleShot(50, [&shown] {
    QWidget* modal = QApplication::activeModalWidget();
    if (auto* box = qobject_cast<QMessageBox*>(modal)) shown = box->text();
    if (modal) modal->close();  // left open, it would hang the test
  });
  about->trigger();
  ASSERT_FALSE(shown.isEmpty()) << "no About box appeared";
  EXPECT_TRUE(shown.contains(QStringLiteral("Version ") + fromStd(version())))
      << shown.toStdString();
  EXPECT_TRUE(shown.contains(QStringLiteral("Git revision: ") + fromStd(gitRevision())))
      << shown.toStdString();
  EXPECT_TRUE(shown.contains(QStringLiteral("Kernels: ") + fromStd(kernelVariant())))
      << shown.toStdString();
  for (const char* expected : {"GPL-3.0-or-later", "Eigen", "MPL-2.0", "nlohmann/json", "MIT",
                               "Qt Charts", "GPL-3.0-only", "LGPL-3.0-only"})
    EXPECT_TRUE(shown.contains(QLatin1String(expected))) << expected << "\n" << shown.toStdString();
  EXPECT_TRUE(shown.contains(QLatin1String(qVersion()))) << "the Qt it runs on";
}

TEST(About, VersionOptionPrintsTheSameFacts) {
  const LaunchOptions options =
      LaunchOptions::parse({QStringLiteral("nnlab"), QStringLiteral("--version")});
  EXPECT_TRUE(options.version);
  EXPECT_TRUE(options.error.isEmpty());
  const QString text = options.usage;
  EXPECT_TRUE(text.startsWith(QStringLiteral("nnlab ") + fromStd(version()) + '\n'))
      << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("git revision: ") + fromStd(gitRevision())));
  EXPECT_TRUE(text.contains(QStringLiteral("kernels: ") + fromStd(kernelVariant())));
  EXPECT_TRUE(text.contains(QStringLiteral("Qt Charts ") + QLatin1String(qVersion()) +
                            QStringLiteral(" (GPL-3.0-only)")))
      << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("Eigen 3.4.0 (MPL-2.0)"))) << text.toStdString();
}

TEST(About, TheWindowIconHasEverySizeDrawn) {
  const QIcon icon = applicationIcon();
  ASSERT_FALSE(icon.isNull());
  for (int size : {16, 24, 32, 48, 256}) {
    EXPECT_EQ(icon.pixmap(size).size(), QSize(size, size)) << size;
    EXPECT_TRUE(icon.availableSizes().contains(QSize(size, size))) << size;
  }
}

}  // namespace
}  // namespace nnlab
