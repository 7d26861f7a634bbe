// Sessions in the window, autosaved: training after a save is a change to keep, a failed autosave
// is tried again, and an autosave of a killed or earlier process is kept and offered.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <memory>

#include "core/session.h"
#include "core/training_runner.h"
#include "tests/ui/child_process.h"
#include "tests/ui/session_window_support.h"
#include "ui/data/dataset_model.h"
#include "ui/data/dataset_panel.h"
#include "ui/window/control_bar.h"
#include "ui/window/exporter.h"
#include "ui/window/launch_options.h"
#include "ui/window/main_window.h"
#include "ui/window/scripted_run.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

using namespace testing;

// Training alone changes the session: after a save in mid-run the title shows it again, and
// every autosave holds the weights of its time, not those of the first one after Train.
TEST(SessionWindow, TrainingOnAfterASaveOrAnAutosaveIsAChangeToKeep) {
  QTemporaryDir dir;
  qputenv("NNLAB_AUTOSAVE_DIR", dir.path().toLocal8Bit());
  auto window = openWindow(seedPreset());
  window->session()->startAutosave(3600);           // written only when asked to below
  window->controls()->speedSlider()->setValue(20);  // 100 epochs/s
  QTest::mouseClick(window->controls()->trainButton(), Qt::LeftButton);
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return window->runner().latestSnapshot()->epoch > 5; }, kTimeoutMs));
  QString error;
  ASSERT_TRUE(window->session()->save(dir.filePath(QStringLiteral("mid-run.nnlab")), &error))
      << error.toStdString();
  EXPECT_FALSE(window->isWindowModified());
  EXPECT_TRUE(QTest::qWaitFor([&] { return window->isWindowModified(); }, kTimeoutMs))
      << "training went on after the save, but closing would not ask";

  const QString autosave = window->session()->autosavePath();
  const auto autosavedEpoch = [&] {
    window->session()->autosaveNow();
    window->session()->waitForAutosave();
    return readSessionFile(autosave.toStdString()).training.trainer.epoch;
  };
  const long long first = autosavedEpoch();
  ASSERT_TRUE(QTest::qWaitFor([&] { return window->runner().latestSnapshot()->epoch > first + 3; },
                              kTimeoutMs));
  QTest::qWait(50);  // a frame shows the new epochs
  EXPECT_GT(autosavedEpoch(), first);
  window->session()->cleanExit();
  qunsetenv("NNLAB_AUTOSAVE_DIR");
}

// An autosave that cannot be written (here: a folder stands where the file goes) is tried again
// at the next tick, though nothing changed in between.
TEST(SessionWindow, AFailedAutosaveIsTriedAgain) {
  QTemporaryDir dir;
  qputenv("NNLAB_AUTOSAVE_DIR", dir.path().toLocal8Bit());
  auto window = openWindow(seedPreset());
  window->session()->startAutosave(3600);
  const QString autosave = window->session()->autosavePath();
  ASSERT_FALSE(autosave.isEmpty());
  ASSERT_TRUE(QDir().mkpath(autosave + QStringLiteral("/in-the-way")));
  stepAndWait(*window, 25);  // modified
  window->session()->autosaveNow();
  window->session()->waitForAutosave();
  EXPECT_TRUE(QFileInfo(autosave).isDir());
  ASSERT_TRUE(QDir(autosave).removeRecursively());
  window->session()->autosaveNow();
  window->session()->waitForAutosave();
  ASSERT_TRUE(QFileInfo(autosave).isFile()) << "the failed autosave was not tried again";
  EXPECT_EQ(readSessionFile(autosave.toStdString()).training.trainer.epoch, 25);
  window->session()->cleanExit();
  qunsetenv("NNLAB_AUTOSAVE_DIR");
}

// A crashed nnlab that had this process's number (common in containers, where each start gets
// the same one): its autosave is neither overwritten nor mistaken for this process's own, and
// it is offered.
TEST(SessionWindow, AnAutosaveOfAnEarlierProcessWithTheSameNumberIsKeptAndOffered) {
  QTemporaryDir dir;
  qputenv("NNLAB_AUTOSAVE_DIR", dir.path().toLocal8Bit());
  const QString base =
      dir.filePath(QStringLiteral("autosave-%1").arg(QCoreApplication::applicationPid()));
  auto earlier = openWindow(*findPreset("gauss"));
  stepAndWait(*earlier, 30);
  writeSessionFile((base + QStringLiteral(".nnlab")).toStdString(), earlier->captureSession());
  {  // the lock it left: as this process writes one, with this process's number
    QLockFile held(base + QStringLiteral(".lock"));
    ASSERT_TRUE(held.tryLock(0));
    QFile file(base + QStringLiteral(".lock"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    file.close();
    held.unlock();
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
  }
  earlier.reset();

  auto window = openWindow(seedPreset());
  window->session()->startAutosave(3600);
  const QString own = window->session()->autosavePath();
  EXPECT_FALSE(own.isEmpty()) << "autosave is off";
  EXPECT_NE(own, base + QStringLiteral(".nnlab"));
  EXPECT_EQ(window->session()->orphanedAutosaves(), QStringList{base + QStringLiteral(".nnlab")});
  stepAndWait(*window, 5);
  window->session()->autosaveNow();
  window->session()->waitForAutosave();
  EXPECT_EQ(readSessionFile((base + QStringLiteral(".nnlab")).toStdString()).training.trainer.epoch,
            30);
  QString error;
  ASSERT_TRUE(window->session()->recover(base + QStringLiteral(".nnlab"), &error))
      << error.toStdString();
  EXPECT_EQ(window->runner().latestSnapshot()->epoch, 30);
  EXPECT_FALSE(QFile::exists(base + QStringLiteral(".lock")));
  window->session()->cleanExit();
  qunsetenv("NNLAB_AUTOSAVE_DIR");
}

// The real program, killed (SIGKILL) after it autosaved: the next start finds the session and
// restores it when asked.
TEST(SessionWindow, AnAutosaveSurvivesAKilledProcessAndIsOffered) {
  NNLAB_SKIP_CHILD_PROCESS_TEST();
  QTemporaryDir dir;
  qputenv("NNLAB_AUTOSAVE_DIR", dir.path().toLocal8Bit());
  QProcess child;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  environment.insert(QStringLiteral("NNLAB_AUTOSAVE_DIR"), dir.path());
  child.setProcessEnvironment(environment);
  child.start(QStringLiteral(NNLAB_GUI_BINARY),
              {QStringLiteral("--preset"), QStringLiteral("gauss"), QStringLiteral("--train-for"),
               QStringLiteral("60"), QStringLiteral("--autosave-seconds"), QStringLiteral("0.2"),
               QStringLiteral("--quit")});
  ASSERT_TRUE(child.waitForStarted(kTimeoutMs));
  const QString autosave =
      QDir(dir.path()).filePath(QStringLiteral("autosave-%1.nnlab").arg(child.processId()));
  // An autosave of a trained run (the first may come before training; slow under sanitizers).
  const auto trainedAutosave = [&] {
    try {
      return readSessionFile(autosave.toStdString()).training.trainer.epoch > 0;
    } catch (const std::exception&) {
      return false;  // not written yet
    }
  };
  ASSERT_TRUE(QTest::qWaitFor(trainedAutosave, kTimeoutMs));
  child.kill();  // SIGKILL: no clean exit
  ASSERT_TRUE(child.waitForFinished(kTimeoutMs));
  ASSERT_TRUE(QFile::exists(autosave));

  auto window = openWindow(seedPreset());
  const QStringList orphans = window->session()->orphanedAutosaves();
  ASSERT_EQ(orphans, QStringList{autosave});
  // The start-up question, answered as a user would.
  window->session()->setInteractive(true);
  QTimer::singleShot(50, [] {
    QWidget* modal = QApplication::activeModalWidget();
    auto* box = qobject_cast<QMessageBox*>(modal);
    if (!box) {
      ADD_FAILURE() << "no restore was offered";
      if (modal) modal->close();  // left open, it would hang the test
      return;
    }
    EXPECT_TRUE(box->text().contains(QStringLiteral("did not close properly")));
    for (QAbstractButton* button : box->buttons())
      if (button->text() == QStringLiteral("Restore")) button->click();
  });
  window->session()->offerRecovery();
  window->session()->setInteractive(false);
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return window->runner().latestSnapshot()->epoch > 0; }, kTimeoutMs));
  const auto restored = window->runner().latestSnapshot();
  EXPECT_EQ(restored->dataset->rows(), findPreset("gauss")->dataset.rows());
  EXPECT_TRUE(window->isWindowModified());  // restored, but not saved anywhere yet
  EXPECT_FALSE(QFile::exists(autosave));
  EXPECT_TRUE(window->session()->orphanedAutosaves().isEmpty());
  qunsetenv("NNLAB_AUTOSAVE_DIR");
}

}  // namespace
}  // namespace nnlab
