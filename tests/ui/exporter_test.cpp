// File ▸ Export: every export writes a file another program can read back.
#include "ui/window/exporter.h"

#include <gtest/gtest.h>

#include <QColor>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include "core/csv_reader.h"
#include "core/model_json.h"
#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/network/network_view.h"
#include "ui/network/weight_legend.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

QByteArray contents(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

TEST(Exporter, WritesPicturesTablesAndTheModel) {
  QTemporaryDir dir;
  MainWindow window(*findPreset("circle"));
  window.session()->setInteractive(false);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  window.runner().step(100);
  ASSERT_TRUE(QTest::qWaitFor([&] {
    const auto s = window.runner().latestSnapshot();
    return s->epoch == 100 && s->state == RunState::Paused;
  }));
  window.refresh();
  Exporter& exporter = *window.exporter();
  QString error;
  const QString png = dir.filePath(QStringLiteral("graph.png"));
  ASSERT_TRUE(exporter.exportPicture(*window.networkView(), png, &error)) << error.toStdString();
  // The graph as drawn, under its title and over its colour key (ExportPictures checks them).
  const QImage graph(png);
  EXPECT_GE(graph.width(), window.networkView()->viewport()->width());
  EXPECT_GT(graph.height(), window.networkView()->viewport()->height() + window.legend()->height());
  const QString svg = dir.filePath(QStringLiteral("chart.svg"));
  ASSERT_TRUE(exporter.exportPicture(*window.lossChart(), svg, &error));
  EXPECT_TRUE(contents(svg).contains("<svg"));
  const QString graphSvg = dir.filePath(QStringLiteral("graph.svg"));
  ASSERT_TRUE(exporter.exportPicture(*window.networkView(), graphSvg, &error));
  EXPECT_TRUE(contents(graphSvg).contains("<path") || contents(graphSvg).contains("<polyline"));

  const QString history = dir.filePath(QStringLiteral("loss.csv"));
  ASSERT_TRUE(exporter.exportHistory(history, &error));
  const CsvTable losses = readCsvTable(history.toStdString());
  EXPECT_EQ(losses.header, (std::vector<std::string>{"epoch", "loss", "min", "max"}));
  EXPECT_EQ(losses.values.rows(), 100);

  const QString predictions = dir.filePath(QStringLiteral("predictions.csv"));
  ASSERT_TRUE(exporter.exportPredictions(predictions, &error));
  const CsvTable table = readCsvTable(predictions.toStdString());
  EXPECT_EQ(table.header, (std::vector<std::string>{"X1", "X2", "y", "y_pred", "test"}));
  const auto snapshot = window.runner().latestSnapshot();
  EXPECT_EQ(table.values.rows(), snapshot->dataset->rows());
  EXPECT_NEAR(table.values(3, 3), snapshot->predictions(3, 0), 1e-12);

  const QString model = dir.filePath(QStringLiteral("model.json"));
  ASSERT_TRUE(exporter.exportModel(model, &error));
  EXPECT_EQ(readModelFile(model.toStdString()).layer(0).weights,
            snapshot->network.layer(0).weights);

  // An unwritable place is an error naming it, and leaves nothing behind.
  const QString missing = dir.filePath(QStringLiteral("no/such/dir/graph.png"));
  EXPECT_FALSE(exporter.exportPicture(*window.networkView(), missing, &error));
  EXPECT_TRUE(error.contains(missing)) << error.toStdString();
  EXPECT_FALSE(exporter.exportHistory(dir.filePath(QStringLiteral("no/loss.csv")), &error));
}

// Pixels near column `x` (±1) of an amber hue, the colour of a learning-rate marker.
int amberPixelsNear(const QImage& image, int x) {
  int count = 0;
  for (int column = std::max(0, x - 1); column <= std::min(image.width() - 1, x + 1); ++column) {
    for (int row = 0; row < image.height(); ++row) {
      const QColor colour = image.pixelColor(column, row);
      const int hue = colour.hsvHue();
      if (hue >= 25 && hue <= 40 && colour.hsvSaturation() > 60) ++count;
    }
  }
  return count;
}

// The markers are drawn over the chart view's scene, as its foreground: the exported pictures,
// which render the view, have them too.
TEST(Exporter, TheChartsPicturesShowItsEventMarkers) {
  QTemporaryDir dir;
  MainWindow window(*findPreset("seed"));
  window.session()->setInteractive(false);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  const auto pausedAt = [&](long long epoch) {
    return QTest::qWaitFor([&] {
      const auto s = window.runner().latestSnapshot();
      return s->epoch == epoch && s->state == RunState::Paused;
    });
  };
  window.runner().step(600);
  ASSERT_TRUE(pausedAt(600));
  window.runner().setLearningRate(0.5);
  window.runner().step(400);
  ASSERT_TRUE(pausedAt(1000));
  window.refresh();
  LossChart& chart = *window.lossChart();
  ASSERT_EQ(chart.visibleEvents().size(), 1u);
  const long long epoch = chart.visibleEvents()[0].epoch;
  ASSERT_EQ(epoch, 600);
  const QString svg = dir.filePath(QStringLiteral("chart.svg"));
  QString error;
  ASSERT_TRUE(window.exporter()->exportPicture(chart, svg, &error)) << error.toStdString();
  EXPECT_TRUE(QString::fromUtf8(contents(svg)).contains(QStringLiteral("η")))
      << "the marker's letter is text in the SVG";
  const QString png = dir.filePath(QStringLiteral("chart.png"));
  ASSERT_TRUE(window.exporter()->exportPicture(chart, png, &error)) << error.toStdString();
  const QImage picture(png);
  // The picture is the chart's viewport with a margin left and right (at a pixel ratio of 1).
  const int margin = (picture.width() - chart.viewport()->width()) / 2;
  const int x = chart.positionOfEpoch(epoch).x() + margin;
  EXPECT_GT(amberPixelsNear(picture, x), 30) << "the dashed marker line at epoch " << epoch;
  EXPECT_LT(amberPixelsNear(picture, x - 40), 10) << "and not elsewhere";
}

}  // namespace
}  // namespace nnlab
