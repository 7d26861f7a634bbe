// SessionController alone: a fake SessionHost and a bare QMainWindow stand in for nnlab's
// window, so that open, save and the title are checked without it.
#include "ui/window/session_controller.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QMainWindow>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/presets.h"
#include "core/session.h"
#include "core/training_runner.h"
#include "ui/window/session_host.h"

namespace nnlab {
namespace {

// The seed trained for `epochs`, as a session.
Session seedSession(long long epochs) {
  const Preset seed = seedPreset();
  TrainingRunner runner(seed.makeNetwork(), seed.init, seed.seed, seed.dataset, seed.settings);
  runner.step(epochs);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (runner.latestSnapshot()->epoch < epochs && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  Session session;
  session.training = runner.captureState(0).get();
  return session;
}

class FakeHost : public SessionHost {
 public:
  Session captureSession() const override {
    if (!refusal.empty()) throw std::runtime_error(refusal);
    return session;
  }
  void applySession(const Session& given) override {
    appliedEpochs.push_back(given.training.trainer.epoch);
  }
  bool loadModelFile(const QString& path, QString* error) override {
    models.push_back(path);
    *error = QStringLiteral("not a model of this data");
    return false;
  }
  void loadPreset(const Preset& preset) override { presets.push_back(preset.name); }

  Session session = seedSession(25);
  std::string refusal;  ///< captureSession() throws this when set
  std::vector<long long> appliedEpochs;
  std::vector<QString> models;
  std::vector<std::string> presets;
};

struct ControllerTest : ::testing::Test {
  void SetUp() override {
    ASSERT_TRUE(folder.isValid());
    controller.setInteractive(false);
  }
  QTemporaryDir folder;
  FakeHost host;
  QMainWindow window;
  SessionController controller{host, window};
};

TEST_F(ControllerTest, SavesWhatTheHostGivesAndOpensItBackIntoTheHost) {
  const QString path = folder.filePath(QStringLiteral("xor.nnlab"));
  QString error;
  controller.markModified();
  EXPECT_TRUE(window.isWindowModified());
  ASSERT_TRUE(controller.save(path, &error)) << error.toStdString();
  EXPECT_FALSE(window.isWindowModified());
  EXPECT_EQ(controller.currentPath(), path);
  EXPECT_EQ(window.windowTitle(), QStringLiteral("xor.nnlab[*] — nnlab"));
  ASSERT_TRUE(controller.open(path, &error)) << error.toStdString();
  ASSERT_EQ(host.appliedEpochs.size(), 1u);
  EXPECT_EQ(host.appliedEpochs[0], 25);
  // The epoch named is the file's, not whatever the window showed before.
  EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("epoch 25")))
      << window.statusBar()->currentMessage().toStdString();
}

TEST_F(ControllerTest, ACopyLeavesTheSessionsFileAndStateAlone) {
  QString error;
  controller.markModified();
  const QString copy = folder.filePath(QStringLiteral("restart.nnlab"));
  ASSERT_TRUE(controller.saveCopy(copy, &error)) << error.toStdString();
  EXPECT_TRUE(QFile::exists(copy));
  EXPECT_TRUE(controller.currentPath().isEmpty());
  EXPECT_TRUE(controller.isModified());
}

TEST_F(ControllerTest, ASessionTheHostRefusesIsNotWritten) {
  host.refusal = "the data in the table is not the data training uses";
  controller.markModified();
  const QString path = folder.filePath(QStringLiteral("refused.nnlab"));
  QString error;
  EXPECT_FALSE(controller.save(path, &error));
  EXPECT_EQ(error.toStdString(), host.refusal);
  EXPECT_FALSE(QFile::exists(path));
  EXPECT_TRUE(controller.isModified());
  EXPECT_TRUE(controller.currentPath().isEmpty());
  EXPECT_FALSE(controller.saveInBackground(path, &error));
}

TEST_F(ControllerTest, AModelOrDataFileGoesToTheHost) {
  const QString csv = folder.filePath(QStringLiteral("and.csv"));
  QFile file(csv);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("x1,x2,y\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n");
  file.close();
  QString error;
  controller.markModified();
  ASSERT_TRUE(controller.open(csv, &error)) << error.toStdString();
  ASSERT_EQ(host.presets.size(), 1u);
  EXPECT_FALSE(controller.isModified());  // a new experiment, untitled
  EXPECT_TRUE(controller.currentPath().isEmpty());

  const QString model = folder.filePath(QStringLiteral("model.json"));
  EXPECT_FALSE(controller.open(model, &error));
  ASSERT_EQ(host.models.size(), 1u);
  EXPECT_EQ(host.models[0], model);
  EXPECT_EQ(error, QStringLiteral("not a model of this data"));
  EXPECT_TRUE(host.appliedEpochs.empty());
}

}  // namespace
}  // namespace nnlab
