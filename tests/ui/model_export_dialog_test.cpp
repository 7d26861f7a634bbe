// File ▸ Export model as… writes ONNX, numpy or C, the format chosen by the save dialog's
// filter; File ▸ Open reads an ONNX file back.
#include "ui/window/model_export_dialog.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "core/export/onnx_reader.h"
#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 15000;

QByteArray contents(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QAction* fileMenuAction(MainWindow& window, const QString& text) {
  for (QAction* menu : window.menuBar()->actions()) {
    if (menu->text() != QObject::tr("&File") || !menu->menu()) continue;
    for (QAction* action : menu->menu()->actions())
      if (action->text() == text) return action;
  }
  return nullptr;
}

class ModelExportDialogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    window.session()->setInteractive(false);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.runner().step(30);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
          const auto s = window.runner().latestSnapshot();
          return s->epoch == 30 && s->state == RunState::Paused;
        },
        kTimeoutMs));
  }

  QTemporaryDir dir;
  MainWindow window{*findPreset("circle")};
};

TEST_F(ModelExportDialogTest, WritesEachFormatWithTheDataNamesAndSettings) {
  QString error;
  const QString onnx = dir.filePath(QStringLiteral("circle.onnx"));
  ASSERT_TRUE(ModelExportDialog::exportModel(window.runner(), onnx, ExportFormat::Onnx, &error))
      << error.toStdString();
  const auto snapshot = window.runner().latestSnapshot();
  const ModelFile read = readOnnxFile(onnx.toStdString());
  EXPECT_EQ(read.network.layer(0).weights, snapshot->network.layer(0).weights);
  EXPECT_EQ(read.scaling.scale(), snapshot->scaling.scale());
  EXPECT_TRUE(contents(onnx).contains("nnlab.training.optimizer"));

  const QString script = dir.filePath(QStringLiteral("circle.py"));
  ASSERT_TRUE(ModelExportDialog::exportModel(window.runner(), script, ExportFormat::Numpy, &error));
  EXPECT_TRUE(contents(script).contains("np.dot("));
  EXPECT_TRUE(contents(script).contains("training_data = np.array("));  // the data, embedded

  const QString header = dir.filePath(QStringLiteral("circle.h"));
  ASSERT_TRUE(ModelExportDialog::exportModel(window.runner(), header, ExportFormat::C, &error));
  EXPECT_TRUE(contents(header).contains("void predict(const double* in, double* out)"));

  const QString missing = dir.filePath(QStringLiteral("no/such/dir/m.onnx"));
  EXPECT_FALSE(
      ModelExportDialog::exportModel(window.runner(), missing, ExportFormat::Onnx, &error));
  EXPECT_TRUE(error.contains(missing)) << error.toStdString();
}

TEST_F(ModelExportDialogTest, TheMenuAsksForAFileAndTheFilterChoosesTheFormat) {
  QAction* action = fileMenuAction(window, QObject::tr("Export &model as…"));
  ASSERT_NE(action, nullptr);
  const QString path = dir.filePath(QStringLiteral("chosen"));
  bool answered = false;
  QTimer::singleShot(0, [&] {
    auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
    ASSERT_NE(dialog, nullptr);
    dialog->selectNameFilter(ModelExportDialog::filters().at(2));  // C headers
    dialog->selectFile(path);
    answered = true;
    static_cast<QDialog*>(dialog)->accept();  // QFileDialog::accept is protected
  });
  action->trigger();
  ASSERT_TRUE(answered);
  // The dialog adds the format's suffix to a name without one.
  EXPECT_TRUE(contents(path + QStringLiteral(".h")).contains("#define NNLAB_INPUTS 2"));
}

TEST_F(ModelExportDialogTest, OpenReadsAnOnnxFileBack) {
  QString error;
  const QString onnx = dir.filePath(QStringLiteral("m.onnx"));
  ASSERT_TRUE(ModelExportDialog::exportModel(window.runner(), onnx, ExportFormat::Onnx, &error));
  const Matrix exported = window.runner().latestSnapshot()->network.layer(0).weights;
  window.runner().reset(99);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return window.runner().latestSnapshot()->network.layer(0).weights != exported; },
      kTimeoutMs));
  ASSERT_TRUE(window.session()->open(onnx, &error)) << error.toStdString();
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return window.runner().latestSnapshot()->network.layer(0).weights == exported; },
      kTimeoutMs));

  const QString corrupt = dir.filePath(QStringLiteral("corrupt.onnx"));
  QFile file(corrupt);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(contents(onnx).left(100));
  file.close();
  EXPECT_FALSE(window.session()->open(corrupt, &error));
  EXPECT_TRUE(error.startsWith(corrupt + QStringLiteral(": "))) << error.toStdString();
  EXPECT_FALSE(error.contains(QLatin1Char('\n')));
}

TEST_F(ModelExportDialogTest, AnOpenedModelsStoredScalingIsExportedAsStored) {
  // A scaling no fit to the window's data gives.
  ModelFile stored{
      window.runner().latestSnapshot()->network,
      InputScaling(ScalingKind::ZScore, RowVector{{3.0, -2.0}}, RowVector{{0.5, 4.0}})};
  const QString in = dir.filePath(QStringLiteral("in.onnx"));
  writeExportFile(in.toStdString(), ExportModel::fromModelFile(stored, "in"), ExportFormat::Onnx);
  QString error;
  ASSERT_TRUE(window.session()->open(in, &error)) << error.toStdString();
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return window.runner().latestSnapshot()->scaling.offset() == stored.scaling.offset(); },
      kTimeoutMs));
  const QString out = dir.filePath(QStringLiteral("out.onnx"));
  ASSERT_TRUE(ModelExportDialog::exportModel(window.runner(), out, ExportFormat::Onnx, &error));
  const ModelFile read = readOnnxFile(out.toStdString());
  EXPECT_EQ(read.scaling.offset(), stored.scaling.offset());
  EXPECT_EQ(read.scaling.scale(), stored.scaling.scale());
}

}  // namespace
}  // namespace nnlab
