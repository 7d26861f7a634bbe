// Saving a big session does not stop the window: the file is written on another thread, the
// status bar shows it under way, and closing the window meanwhile still finishes the file.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QProgressBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "core/presets.h"
#include "core/session.h"
#include "core/training_runner.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 60000;
constexpr int kRows = 300000;  // about 20 MB of session: a write of a good fraction of a second

std::unique_ptr<MainWindow> bigWindow() {
  GeneratorSettings settings = defaultGeneratorSettings(Generator::Circle);
  settings.samples = kRows;
  auto window = std::make_unique<MainWindow>(generatedPreset(Generator::Circle, settings));
  window->session()->setInteractive(false);  // no question may block a test
  window->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
  window->activateWindow();
  EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
  return window;
}

std::unique_ptr<MainWindow> openSmallWindow() {
  auto window = std::make_unique<MainWindow>(seedPreset());
  window->session()->setInteractive(false);
  window->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
  return window;
}

QProgressBar* progressOf(MainWindow& window) {
  return window.statusBar()->findChild<QProgressBar*>();
}

TEST(BackgroundSave, CtrlSWritesOffTheGuiThreadWithProgressInTheStatusBar) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("big.nnlab"));
  auto window = bigWindow();
  QString error;
  ASSERT_TRUE(window->session()->save(path, &error)) << error.toStdString();  // names the file
  window->session()->markModified();
  ASSERT_TRUE(window->isWindowModified());

  QTest::keyClick(window.get(), Qt::Key_S, Qt::ControlModifier);
  // Ctrl+S has returned, and the file is still being written: the window goes on meanwhile.
  ASSERT_TRUE(window->session()->isSaving());
  EXPECT_TRUE(window->statusBar()->currentMessage().startsWith(QStringLiteral("Saving big.nnlab")))
      << window->statusBar()->currentMessage().toStdString();
  ASSERT_NE(progressOf(*window), nullptr);
  EXPECT_TRUE(progressOf(*window)->isVisible());

  ASSERT_TRUE(QTest::qWaitFor([&] { return !window->session()->isSaving(); }, kTimeoutMs));
  QTest::qWait(50);  // the end is reported through the event loop
  EXPECT_EQ(window->statusBar()->currentMessage(), QStringLiteral("Saved big.nnlab."));
  EXPECT_FALSE(progressOf(*window)->isVisible());
  EXPECT_FALSE(window->isWindowModified());
  EXPECT_EQ(readSessionFile(path.toStdString()).training.dataset.rows(), kRows);
}

TEST(BackgroundSave, ClosingTheWindowWhileASaveIsWrittenFinishesIt) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("closing.nnlab"));
  auto window = bigWindow();
  QString error;
  ASSERT_TRUE(window->session()->saveInBackground(path, &error)) << error.toStdString();
  ASSERT_TRUE(window->session()->isSaving());
  window->close();
  EXPECT_FALSE(window->session()->isSaving());
  const Session saved = readSessionFile(path.toStdString());  // whole, and readable
  EXPECT_EQ(saved.training.dataset.rows(), kRows);
}

// A write that fails on its thread (here: the folder is gone) is reported when it ends, and the
// session stays modified and keeps its old name, so nothing looks saved that is not.
TEST(BackgroundSave, AFailedWriteIsReportedAndTheSessionStaysModified) {
  QTemporaryDir dir;
  auto window = openSmallWindow();
  window->session()->markModified();
  const QString path = dir.filePath(QStringLiteral("gone/x.nnlab"));
  QString error;
  ASSERT_TRUE(window->session()->saveInBackground(path, &error)) << error.toStdString();
  window->session()->waitForSave();
  EXPECT_FALSE(window->session()->lastSaveError().isEmpty());
  EXPECT_TRUE(window->statusBar()->currentMessage().startsWith(QStringLiteral("Not saved: ")))
      << window->statusBar()->currentMessage().toStdString();
  EXPECT_TRUE(window->isWindowModified());
  EXPECT_TRUE(window->session()->currentPath().isEmpty());
  EXPECT_FALSE(progressOf(*window)->isVisible());
}

}  // namespace
}  // namespace nnlab
