#include "ui/window/scripted_run.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <random>

#include "core/presets.h"
#include "core/trainer.h"
#include "ui/window/frame_stats.h"
#include "ui/window/launch_options.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

/// Runs `nnlab ARGUMENTS --report DIR/report.json` as main() would and returns the report;
/// fails the test when the run does not finish within `seconds` or exits with an error.
QJsonObject runScripted(const QTemporaryDir& dir, QStringList arguments, int seconds = 15) {
  arguments.prepend(QStringLiteral("nnlab"));
  arguments << QStringLiteral("--report") << dir.filePath(QStringLiteral("report.json"));
  const LaunchOptions options = LaunchOptions::parse(arguments);
  EXPECT_TRUE(options.error.isEmpty()) << options.error.toStdString();
  QString error;
  const std::optional<Preset> experiment = options.experiment(&error);
  if (!experiment) {
    ADD_FAILURE() << error.toStdString();
    return {};
  }
  MainWindow window(*experiment);
  window.show();
  ScriptedRun script(window, options);
  QSignalSpy finished(&script, &ScriptedRun::finished);
  script.start();
  if (!finished.wait(seconds * 1000)) {
    ADD_FAILURE() << "the run did not finish within " << seconds << " s";
    return {};
  }
  EXPECT_EQ(finished.front().front().toInt(), 0);
  QFile file(dir.filePath(QStringLiteral("report.json")));
  EXPECT_TRUE(file.open(QIODevice::ReadOnly));
  return QJsonDocument::fromJson(file.readAll()).object();
}

TEST(ScriptedRun, WritesAReportWithTheRequiredKeysAndAScreenshot) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QJsonObject report = runScripted(
      dir, {QStringLiteral("--preset"), QStringLiteral("seed"), QStringLiteral("--stop-at"),
            QStringLiteral("never"), QStringLiteral("--train-for"), QStringLiteral("0.5"),
            QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("shot.png"))});
  for (const char* key :
       {"epochs", "train_loss", "epochs_per_second", "frames", "frames_per_second",
        "frame_ms_median", "frame_ms_max", "paint_ms_median", "paint_ms_max", "peak_rss_mb"})
    EXPECT_TRUE(report.contains(QLatin1String(key))) << key;
  EXPECT_GT(report[QStringLiteral("epochs")].toDouble(), 100);
  EXPECT_GT(report[QStringLiteral("frames")].toInt(), 0);
  EXPECT_GT(report[QStringLiteral("peak_rss_mb")].toDouble(), 1.0);
  EXPECT_LT(report[QStringLiteral("train_loss")].toDouble(), 1.0);
  EXPECT_FALSE(QImage(dir.filePath(QStringLiteral("shot.png"))).isNull());
  // The seed table has no test rows: null, not 0 or a missing key.
  ASSERT_TRUE(report.contains(QStringLiteral("test_loss")));
  EXPECT_TRUE(report[QStringLiteral("test_loss")].isNull());
  EXPECT_TRUE(report[QStringLiteral("test_accuracy")].isNull());
  EXPECT_TRUE(report[QStringLiteral("train_accuracy")].isDouble());
}

// The seed stops at its 1500 iterations within milliseconds: the run ends there, not after the
// 60 s asked for, and its report says how long training really took.
TEST(ScriptedRun, EndsWhenTrainingStopsByItselfBeforeTheTimeIsUp) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QJsonObject report = runScripted(dir,
                                         {QStringLiteral("--preset"), QStringLiteral("seed"),
                                          QStringLiteral("--train-for"), QStringLiteral("60")},
                                         30);  // not the 60 s asked for
  EXPECT_EQ(report[QStringLiteral("epochs")].toDouble(), 1500.0);
  EXPECT_LT(report[QStringLiteral("train_seconds")].toDouble(), 30.0);
}

// --at-epoch K: the screenshot and the report show epoch K of the run, its weights in the model
// file's layout, each number reading back to the identical double.
TEST(ScriptedRun, AtEpochShowsThatEpochAndReportsItsWeightsExactly) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QJsonObject report = runScripted(
      dir,
      {QStringLiteral("--preset"), QStringLiteral("seed"), QStringLiteral("--train-for"),
       QStringLiteral("60"), QStringLiteral("--at-epoch"), QStringLiteral("777")},
      30);
  EXPECT_EQ(report[QStringLiteral("epochs")].toDouble(), 1500.0);
  const QJsonObject shown = report[QStringLiteral("shown")].toObject();
  EXPECT_EQ(shown[QStringLiteral("epoch")].toDouble(), 777.0);
  const Preset seed = seedPreset();
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  trainer.step(777);
  const QJsonArray layers = shown[QStringLiteral("layers")].toArray();
  ASSERT_EQ(layers.size(), trainer.network().layerCount());
  for (int l = 0; l < layers.size(); ++l) {
    const Matrix& expected = trainer.network().layer(l).weights;
    const QJsonObject layer = layers[l].toObject();
    EXPECT_TRUE(layer[QStringLiteral("bias")].isNull()) << "the seed has no bias";
    const QJsonArray rows = layer[QStringLiteral("weights")].toArray();
    ASSERT_EQ(rows.size(), expected.rows());
    for (int i = 0; i < rows.size(); ++i) {
      const QJsonArray row = rows[i].toArray();
      ASSERT_EQ(row.size(), expected.cols());
      for (int j = 0; j < row.size(); ++j)
        EXPECT_EQ(row[j].toDouble(), expected(i, j))
            << "layer " << l << " [" << i << "," << j << "]";
    }
  }
}

TEST(ScriptedRun, AtEpochAfterTheRunsEndIsAnError) {
  const LaunchOptions options = LaunchOptions::parse(
      {QStringLiteral("nnlab"), QStringLiteral("--preset"), QStringLiteral("seed"),
       QStringLiteral("--at-epoch"), QStringLiteral("50")});
  ASSERT_TRUE(options.error.isEmpty());
  QString error;
  MainWindow window(*options.experiment(&error));
  window.show();
  ScriptedRun script(window, options);
  QSignalSpy finished(&script, &ScriptedRun::finished);
  script.start();
  ASSERT_TRUE(finished.wait(15000));
  EXPECT_EQ(finished.front().front().toInt(), 1) << "the untrained run ends at epoch 0";
  EXPECT_FALSE(LaunchOptions::parse(
                   {QStringLiteral("nnlab"), QStringLiteral("--at-epoch"), QStringLiteral("-3")})
                   .error.isEmpty());
}

TEST(ScriptedRun, ReportsTestLossAndAccuraciesOfAPresetWithTestRows) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QJsonObject report =
      runScripted(dir, {QStringLiteral("--preset"), QStringLiteral("gauss"),
                        QStringLiteral("--train-for"), QStringLiteral("0.5")});
  EXPECT_GT(report[QStringLiteral("test_loss")].toDouble(-1.0), 0.0);
  EXPECT_GT(report[QStringLiteral("train_accuracy")].toDouble(), 0.8);
  EXPECT_GT(report[QStringLiteral("test_accuracy")].toDouble(), 0.8);
}

TEST(LaunchOptions, EveryPresetNameOpensItsExperiment) {
  for (const std::string& name : presetNames()) {
    const LaunchOptions options = LaunchOptions::parse(
        {QStringLiteral("nnlab"), QStringLiteral("--preset"), QString::fromStdString(name)});
    ASSERT_TRUE(options.error.isEmpty()) << name;
    QString error;
    const std::optional<Preset> experiment = options.experiment(&error);
    ASSERT_TRUE(experiment) << name << ": " << error.toStdString();
    EXPECT_EQ(experiment->name, name);
    EXPECT_EQ(experiment->spec.shapeText(), findPreset(name)->spec.shapeText()) << name;
  }
}

TEST(LaunchOptions, HelpListsEveryOptionAndPresetInsteadOfOpeningTheWindow) {
  for (const QString& flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
    const LaunchOptions options = LaunchOptions::parse({QStringLiteral("nnlab"), flag});
    EXPECT_TRUE(options.help) << flag.toStdString();
    EXPECT_TRUE(options.error.isEmpty());
    EXPECT_FALSE(options.scripted());
    for (const char* expected : {"--preset", "file.csv", "--layers", "--activation", "--train-for",
                                 "--screenshot", "--report", "--quit", "--version", "tanh"})
      EXPECT_TRUE(options.usage.contains(QLatin1String(expected))) << expected;
    for (const std::string& name : presetNames())
      EXPECT_TRUE(options.usage.contains(QString::fromStdString(name))) << name;
  }
  const LaunchOptions version =
      LaunchOptions::parse({QStringLiteral("nnlab"), QStringLiteral("--version")});
  EXPECT_TRUE(version.version);
  EXPECT_FALSE(version.usage.isEmpty());
}

TEST(LaunchOptions, AMissingCsvFileIsAnErrorNamingTheFile) {
  const LaunchOptions options = LaunchOptions::parse(
      {QStringLiteral("nnlab"), QStringLiteral("/nonexistent/data.csv"), QStringLiteral("--quit")});
  ASSERT_TRUE(options.error.isEmpty());
  EXPECT_TRUE(options.quit);
  QString error;
  EXPECT_FALSE(options.experiment(&error));
  EXPECT_TRUE(error.contains(QStringLiteral("data.csv"))) << error.toStdString();
}

TEST(LaunchOptions, AnUnknownPresetIsRefused) {
  const LaunchOptions options = LaunchOptions::parse(
      {QStringLiteral("nnlab"), QStringLiteral("--preset"), QStringLiteral("nope")});
  QString error;
  EXPECT_FALSE(options.experiment(&error));
  EXPECT_TRUE(error.contains(QStringLiteral("seed")));
}

TEST(LaunchOptions, ACsvFileSetsInputsAndOutputs) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("data.csv"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("a,b,y\n0,1,1\n1,1,0\n");
  file.close();
  const LaunchOptions options = LaunchOptions::parse({QStringLiteral("nnlab"), path});
  QString error;
  const std::optional<Preset> experiment = options.experiment(&error);
  ASSERT_TRUE(experiment) << error.toStdString();
  EXPECT_EQ(experiment->spec.inputs, 2);
  EXPECT_EQ(experiment->dataset.rows(), 2);
}

/// y = [x1·x2 > 0], one label in twenty flipped, and an irrelevant third input.
QString writeQuadrantCsv(const QTemporaryDir& dir, int rows) {
  const QString path = dir.filePath(QStringLiteral("quadrants.csv"));
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return {};
  std::mt19937 random(7);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  QByteArray text = "x1,x2,x3,y\n";
  for (int row = 0; row < rows; ++row) {
    const double x1 = uniform(random), x2 = uniform(random), x3 = uniform(random);
    bool y = x1 * x2 > 0;
    if (uniform(random) > 0.9) y = !y;
    text += QByteArray::number(x1) + ',' + QByteArray::number(x2) + ',' + QByteArray::number(x3) +
            ',' + (y ? "1" : "0") + '\n';
  }
  file.write(text);
  return path;
}

TEST(LaunchOptions, ACsvFileOpensWithSettingsThatLearn) {
  QTemporaryDir dir;
  const QString path = writeQuadrantCsv(dir, 5000);
  ASSERT_FALSE(path.isEmpty());
  QString error;
  const std::optional<Preset> experiment =
      LaunchOptions::parse({QStringLiteral("nnlab"), path}).experiment(&error);
  ASSERT_TRUE(experiment) << error.toStdString();
  EXPECT_EQ(experiment->spec.shapeText(), "3-8-1");
  EXPECT_EQ(experiment->spec.layers.front().activation, Activation::Tanh);
  EXPECT_EQ(experiment->spec.layers.back().activation, Activation::Sigmoid);  // 0/1 targets
  EXPECT_TRUE(experiment->spec.bias);
  EXPECT_EQ(experiment->settings.loss, Loss::Mse);
  EXPECT_EQ(experiment->settings.optimizer.kind, OptimizerKind::Adam);
  EXPECT_DOUBLE_EQ(experiment->settings.optimizer.learningRate, 0.01);

  // Trained as `nnlab quadrants.csv --train-for 1 --report …` does: well below the 0.25 of
  // always answering one half.
  const QString reportPath = dir.filePath(QStringLiteral("report.json"));
  const LaunchOptions options =
      LaunchOptions::parse({QStringLiteral("nnlab"), path, QStringLiteral("--train-for"),
                            QStringLiteral("1"), QStringLiteral("--report"), reportPath});
  MainWindow window(*experiment);
  window.show();
  ScriptedRun script(window, options);
  QSignalSpy finished(&script, &ScriptedRun::finished);
  script.start();
  ASSERT_TRUE(finished.wait(20000));
  QFile file(reportPath);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
  EXPECT_LT(report[QStringLiteral("train_loss")].toDouble(), 0.12);
}

TEST(LaunchOptions, ACsvFileWithTargetsBeyondOneGetsALinearOutput) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("data.csv"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("a,b,y\n0,1,3.5\n1,1,-2\n");
  file.close();
  QString error;
  const std::optional<Preset> experiment =
      LaunchOptions::parse({QStringLiteral("nnlab"), path}).experiment(&error);
  ASSERT_TRUE(experiment) << error.toStdString();
  EXPECT_EQ(experiment->spec.layers.back().activation, Activation::Linear);
}

TEST(LaunchOptions, LayersReshapeTheNetworkAndMustFitTheData) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("data.csv"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("a,b,y\n0,1,1\n1,1,0\n");
  file.close();
  QString error;
  const std::optional<Preset> experiment =
      LaunchOptions::parse({QStringLiteral("nnlab"), path, QStringLiteral("--layers"),
                            QStringLiteral("2,8,8,1"), QStringLiteral("--activation"),
                            QStringLiteral("tanh")})
          .experiment(&error);
  ASSERT_TRUE(experiment) << error.toStdString();
  EXPECT_EQ(experiment->spec.shapeText(), "2-8-8-1");
  EXPECT_EQ(experiment->spec.layers[1].activation, Activation::Tanh);
  EXPECT_EQ(experiment->spec.layers[2].activation, Activation::Sigmoid);  // the output's own

  const LaunchOptions wrong = LaunchOptions::parse(
      {QStringLiteral("nnlab"), path, QStringLiteral("--layers"), QStringLiteral("3,4,1")});
  ASSERT_TRUE(wrong.error.isEmpty());
  EXPECT_FALSE(wrong.experiment(&error));
  EXPECT_TRUE(error.contains(QStringLiteral("--layers"))) << error.toStdString();
  EXPECT_FALSE(LaunchOptions::parse(
                   {QStringLiteral("nnlab"), QStringLiteral("--layers"), QStringLiteral("3,x")})
                   .error.isEmpty());
}

TEST(ScriptedRun, FrameTimesIncludeThePaint) {
  FrameStats frames;
  frames.addUpdate(1.0);
  frames.addPaint(4.0);
  frames.addPaint(2.0);  // the chart's own repaint, for the same snapshot
  frames.addUpdate(3.0);
  EXPECT_EQ(frames.count(), 2);
  EXPECT_DOUBLE_EQ(frames.maxMs(), 7.0);
  EXPECT_DOUBLE_EQ(frames.paintMaxMs(), 6.0);
  EXPECT_DOUBLE_EQ(frames.lastMs(), 7.0);
}

}  // namespace
}  // namespace nnlab
