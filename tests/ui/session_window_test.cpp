// Sessions in the window: save and open restore it exactly, the title follows, bad files change
// nothing, and dropped files open. (Autosaves: session_window_autosave_test.cpp.)
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

TEST(SessionWindow, SaveThenOpenShowsTheSameSessionAndTitle) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("circle.nnlab"));
  auto first = openWindow(*findPreset("circle"));
  EXPECT_FALSE(first->isWindowModified());
  EXPECT_TRUE(first->windowTitle().startsWith(QStringLiteral("untitled")));
  const auto trained = stepAndWait(*first, 300);
  EXPECT_TRUE(first->isWindowModified());
  first->findChild<QCheckBox*>()->setChecked(true);  // log scale: a view setting
  first->dataPanel()->view()->setCurrentIndex(first->dataPanel()->model()->index(5, 0));
  QString error;
  ASSERT_TRUE(first->session()->save(path, &error)) << error.toStdString();
  EXPECT_FALSE(first->isWindowModified());
  EXPECT_TRUE(first->windowTitle().startsWith(QStringLiteral("circle.nnlab")));

  auto second = openWindow(seedPreset());
  ASSERT_TRUE(second->session()->open(path, &error)) << error.toStdString();
  const auto opened = second->runner().latestSnapshot();
  EXPECT_EQ(opened->epoch, 300);
  EXPECT_EQ(opened->loss, trained->loss);
  EXPECT_EQ(opened->state, RunState::Paused);
  EXPECT_EQ(opened->dataset->inputs, trained->dataset->inputs);
  EXPECT_EQ(opened->dataset->testRows, trained->dataset->testRows);
  EXPECT_EQ(second->dataPanel()->dataset().rows(), trained->dataset->rows());
  EXPECT_EQ(second->dataPanel()->view()->currentIndex().row(), 5);
  EXPECT_TRUE(second->findChild<QCheckBox*>()->isChecked());
  EXPECT_FALSE(second->isWindowModified());
  EXPECT_TRUE(second->windowTitle().startsWith(QStringLiteral("circle.nnlab")));
  // It trains on as the first would have.
  const auto a = stepAndWait(*first, 50);
  const auto b = stepAndWait(*second, 50);
  EXPECT_EQ(a->loss, b->loss);
  EXPECT_TRUE(QSettings().value(QStringLiteral("files/recent")).toStringList().contains(path));
}

TEST(SessionWindow, ABadOrNewerFileIsRefusedAndChangesNothing) {
  QTemporaryDir dir;
  auto window = openWindow(seedPreset());
  stepAndWait(*window, 40);
  QString error;
  const QString good = dir.filePath(QStringLiteral("good.nnlab"));
  ASSERT_TRUE(window->session()->save(good, &error));
  QFile file(good);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QByteArray text = file.readAll();
  const std::pair<QString, QByteArray> bad[] = {
      {QStringLiteral("newer.nnlab"), QByteArray(text).replace("\"version\": 3", "\"version\": 9")},
      {QStringLiteral("cut.nnlab"), text.left(text.size() / 3)},
      {QStringLiteral("garbage.nnlab"), QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)},
  };
  stepAndWait(*window, 10);  // now at epoch 50, modified
  for (const auto& [name, content] : bad) {
    QFile out(dir.filePath(name));
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(content);
    out.close();
    EXPECT_FALSE(window->session()->open(dir.filePath(name), &error)) << name.toStdString();
    EXPECT_TRUE(error.contains(name)) << error.toStdString();
    EXPECT_EQ(window->runner().latestSnapshot()->epoch, 50);
    EXPECT_TRUE(window->isWindowModified());
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("good.nnlab")));
  }
  EXPECT_FALSE(window->session()->open(dir.filePath(QStringLiteral("newer.nnlab")), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("newer than this program"))) << error.toStdString();
}

TEST(SessionWindow, ScriptedSaveAndReopenReportTheSameEpochAndLoss) {
  QTemporaryDir dir;
  const QString session = dir.filePath(QStringLiteral("s.nnlab"));
  const auto run = [&](const QStringList& arguments, const QString& report) {
    const LaunchOptions options =
        LaunchOptions::parse(QStringList{QStringLiteral("nnlab")} + arguments +
                             QStringList{QStringLiteral("--report"), report});
    EXPECT_TRUE(options.error.isEmpty()) << options.error.toStdString();
    QString error;
    MainWindow window(*options.experiment(&error));
    window.session()->setInteractive(false);
    if (!options.filePath.isEmpty()) {
      EXPECT_TRUE(window.session()->open(options.filePath, &error)) << error.toStdString();
    }
    window.show();
    ScriptedRun script(window, options);
    QSignalSpy finished(&script, &ScriptedRun::finished);
    script.start();
    EXPECT_TRUE(finished.wait(kTimeoutMs));
    QFile file(report);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
  };
  const QJsonObject a =
      run({QStringLiteral("--preset"), QStringLiteral("seed"), QStringLiteral("--train-for"),
           QStringLiteral("0.5"), QStringLiteral("--save"), session},
          dir.filePath(QStringLiteral("a.json")));
  const QJsonObject b = run({session}, dir.filePath(QStringLiteral("b.json")));
  EXPECT_GT(a[QStringLiteral("epochs")].toDouble(), 1000);
  EXPECT_EQ(a[QStringLiteral("epochs")].toDouble(), b[QStringLiteral("epochs")].toDouble());
  EXPECT_EQ(a[QStringLiteral("train_loss")].toDouble(), b[QStringLiteral("train_loss")].toDouble());
}

TEST(SessionWindow, DroppingAFileOpensIt) {
  QTemporaryDir dir;
  const QString csv = dir.filePath(QStringLiteral("dropped.csv"));
  QFile file(csv);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n0.5,0.5,1\n");
  file.close();
  auto window = openWindow(seedPreset());
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(csv)});
  const QPoint centre = window->rect().center();
  QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(window.get(), &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(window.get(), &drop);
  EXPECT_EQ(window->dataPanel()->dataset().rows(), 5);
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return window->runner().latestSnapshot()->network.inputs() == 2; }, kTimeoutMs));
  // Other files are not taken.
  QMimeData other;
  other.setUrls({QUrl::fromLocalFile(dir.filePath(QStringLiteral("picture.png")))});
  QDragEnterEvent refused(centre, Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
  refused.ignore();
  QApplication::sendEvent(window.get(), &refused);
  EXPECT_FALSE(refused.isAccepted());
}

TEST(SessionWindow, AModelFileGoesOnDataItFitsAndIsRefusedOtherwise) {
  QTemporaryDir dir;
  auto window = openWindow(seedPreset());
  const auto trained = stepAndWait(*window, 200);
  const QString model = dir.filePath(QStringLiteral("seed.json"));
  QString error;
  ASSERT_TRUE(window->exporter()->exportModel(model, &error)) << error.toStdString();
  window->runner().reset(7);
  ASSERT_TRUE(QTest::qWaitFor([&] { return window->runner().latestSnapshot()->epoch == 0; }));
  ASSERT_TRUE(window->session()->open(model, &error)) << error.toStdString();
  EXPECT_TRUE(QTest::qWaitFor(
      [&] {
        return window->runner().latestSnapshot()->network.layer(0).weights ==
               trained->network.layer(0).weights;
      },
      kTimeoutMs));
  auto circle = openWindow(*findPreset("circle"));  // 2 inputs: the 3-input model does not fit
  EXPECT_FALSE(circle->session()->open(model, &error));
  EXPECT_TRUE(error.contains(QStringLiteral("3 inputs"))) << error.toStdString();
}

// Data that training refused (here: every row a test row) stays in the table, and a save
// would have written training's old data instead: it is refused, saying why, until it is fixed.
TEST(SessionWindow, SavingDataTrainingRefusedIsRefusedAndWritesNothing) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("refused.nnlab"));
  auto window = openWindow(seedPreset());
  // The panel's own split keeps a training row; data from elsewhere (a paste, an import, a
  // test column edited row by row) need not.
  Dataset allTest = window->dataPanel()->dataset();
  allTest.testRows.assign(allTest.rows(), 1);
  window->dataPanel()->replaceData(allTest, QStringLiteral("Every row a test row"));
  const std::uint64_t posted = window->runner().postedCommands();
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return window->runner().latestSnapshot()->commandsApplied >= posted; }, kTimeoutMs));
  EXPECT_EQ(window->dataPanel()->dataset().testRowCount(), window->dataPanel()->dataset().rows());
  QString error;
  EXPECT_FALSE(window->session()->save(path, &error));
  EXPECT_TRUE(error.contains(QStringLiteral("every row is a test row"))) << error.toStdString();
  EXPECT_FALSE(QFile::exists(path));
  EXPECT_TRUE(window->isWindowModified());
  window->dataPanel()->undoStack()->undo();
  ASSERT_TRUE(window->session()->save(path, &error)) << error.toStdString();
  EXPECT_EQ(readSessionFile(path.toStdString()).training.dataset.testRowCount(), 0);
}

}  // namespace
}  // namespace nnlab
