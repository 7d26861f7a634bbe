// Exported pictures carry what makes them readable (the graph its colour key, both a title
// line, the chart its axes), in PNG and SVG; the export dialogs propose a file name; and error
// dialogs say in their title and their first line what failed.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/network/network_view.h"
#include "ui/network/weight_legend.h"
#include "ui/output/colour_scale.h"
#include "ui/window/exporter.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

QByteArray contents(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Calls `answer` with the next modal dialog of type T once it is up (from inside its event
/// loop); anything else still open after 5 s is closed, so that the test fails, not hangs.
template <typename T>
void whenModal(std::function<void(T*)> answer) {
  auto* timer = new QTimer;
  auto started = std::make_shared<QElapsedTimer>();
  started->start();
  QObject::connect(timer, &QTimer::timeout, [timer, started, answer] {
    QWidget* modal = QApplication::activeModalWidget();
    if (auto* dialog = qobject_cast<T*>(modal)) {
      timer->deleteLater();
      timer->stop();
      answer(dialog);
    } else if (started->elapsed() > 5000) {
      timer->deleteLater();
      timer->stop();
      ADD_FAILURE() << "no " << T::staticMetaObject.className() << " appeared";
      if (modal) modal->close();
    }
  });
  timer->start(20);
}

QAction* exportAction(MainWindow& window, const QString& text) {
  for (QAction* action : window.exporter()->menu()->actions())
    if (action->text() == text) return action;
  return nullptr;
}

class ExportDialogs : public ::testing::Test {
 protected:
  void SetUp() override {
    m_window = std::make_unique<MainWindow>(*findPreset("circle"));
    m_window->session()->setInteractive(false);
    m_window->resize(1200, 800);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->runner().step(50);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
          const auto shown = m_window->shownSnapshot();
          return shown && shown->epoch == 50 && shown->state == RunState::Paused;
        },
        kTimeoutMs));
  }
  std::unique_ptr<MainWindow> m_window;
  QTemporaryDir m_dir;
};

/// Whether `image` has, in rows [top, bottom), a pixel within `tolerance` of `colour`.
bool hasColour(const QImage& image, int top, int bottom, const QColor& colour, int tolerance = 12) {
  for (int y = std::max(0, top); y < std::min(bottom, image.height()); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QColor pixel = image.pixelColor(x, y);
      if (std::abs(pixel.red() - colour.red()) <= tolerance &&
          std::abs(pixel.green() - colour.green()) <= tolerance &&
          std::abs(pixel.blue() - colour.blue()) <= tolerance)
        return true;
    }
  return false;
}

TEST_F(ExportDialogs, TheGraphComesWithItsKeyAndTheChartWithItsAxesAndTitle) {
  Exporter& exporter = *m_window->exporter();
  QString error;
  const QString png = m_dir.filePath(QStringLiteral("graph.png"));
  ASSERT_TRUE(exporter.exportPicture(*m_window->networkView(), png, &error)) << error.toStdString();
  QImage graph(png);
  graph.setDevicePixelRatio(1.0);
  const double scale = m_window->networkView()->devicePixelRatioF();
  const int key = static_cast<int>((m_window->legend()->height() + 16) * scale);
  // The key's two ends, orange and blue, in the band under the graph.
  EXPECT_TRUE(hasColour(graph, graph.height() - key, graph.height(), negativeColour()));
  EXPECT_TRUE(hasColour(graph, graph.height() - key, graph.height(), positiveColour()));

  const QString svg = m_dir.filePath(QStringLiteral("graph.svg"));
  ASSERT_TRUE(exporter.exportPicture(*m_window->networkView(), svg, &error));
  const QByteArray graphSvg = contents(svg);
  EXPECT_TRUE(graphSvg.contains(">weight<")) << "no colour key";
  EXPECT_TRUE(graphSvg.contains("Network 2-8-1 — circle, epoch 50")) << graphSvg.left(400).data();

  const QString chartSvg = m_dir.filePath(QStringLiteral("loss.svg"));
  ASSERT_TRUE(exporter.exportPicture(*m_window->lossChart(), chartSvg, &error));
  const QByteArray chart = contents(chartSvg);
  EXPECT_TRUE(chart.contains("BCE loss — circle, epoch 50"));
  EXPECT_TRUE(chart.contains(">epoch<")) << "no x axis title";
  EXPECT_TRUE(chart.contains(">BCE<")) << "no y axis title";
  const QString chartPng = m_dir.filePath(QStringLiteral("loss.png"));
  ASSERT_TRUE(exporter.exportPicture(*m_window->lossChart(), chartPng, &error));
  EXPECT_GT(QImage(chartPng).height(),
            static_cast<int>(m_window->lossChart()->height() * scale));  // the title line
}

TEST_F(ExportDialogs, ProposeAFileNamedAfterThePresetAndTheKind) {
  const std::vector<std::pair<QString, QString>> expected{
      {QStringLiteral("Network graph as PNG…"), QStringLiteral("circle-graph.png")},
      {QStringLiteral("Network graph as SVG…"), QStringLiteral("circle-graph.svg")},
      {QStringLiteral("Loss chart as PNG…"), QStringLiteral("circle-loss.png")},
      {QStringLiteral("Loss chart as SVG…"), QStringLiteral("circle-loss.svg")},
      {QStringLiteral("Loss history as CSV…"), QStringLiteral("circle-loss-history.csv")},
      {QStringLiteral("Predictions as CSV…"), QStringLiteral("circle-predictions.csv")},
      {QStringLiteral("Model as JSON…"), QStringLiteral("circle-model.json")},
      {QStringLiteral("Data as CSV…"), QStringLiteral("circle-data.csv")}};
  for (const auto& [text, name] : expected) {
    QAction* action = exportAction(*m_window, text);
    ASSERT_NE(action, nullptr) << text.toStdString();
    QString proposed;
    whenModal<QFileDialog>([&](QFileDialog* dialog) {
      proposed = QFileInfo(dialog->selectedFiles().value(0)).fileName();
      dialog->reject();
    });
    action->trigger();
    EXPECT_EQ(proposed, name) << text.toStdString();
  }
  // Once the session has a name, exports are named after it.
  const QString session = m_dir.filePath(QStringLiteral("run 3.nnlab"));
  QString error;
  ASSERT_TRUE(m_window->session()->save(session, &error)) << error.toStdString();
  EXPECT_EQ(m_window->exporter()->suggestedFileName(QStringLiteral("graph"), QStringLiteral("png")),
            QStringLiteral("run 3-graph.png"));
}

TEST_F(ExportDialogs, AFailedExportSaysWhatFailedInItsTitleAndText) {
  const QString target = m_dir.filePath(QStringLiteral("no/such/folder/graph.png"));
  QString title, text, reason;
  whenModal<QFileDialog>([&](QFileDialog* dialog) {
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    ASSERT_NE(name, nullptr);
    name->setText(target);
    whenModal<QMessageBox>([&](QMessageBox* box) {
      title = box->windowTitle();
      text = box->text();
      reason = box->informativeText();
      box->accept();
    });
    QTest::keyClick(name, Qt::Key_Return);  // as a user saves
  });
  exportAction(*m_window, QStringLiteral("Network graph as PNG…"))->trigger();
  EXPECT_EQ(title, QStringLiteral("Export failed — nnlab"));
  EXPECT_TRUE(text.contains(QStringLiteral("graph.png"))) << text.toStdString();
  EXPECT_TRUE(reason.contains(target)) << reason.toStdString();
}

TEST_F(ExportDialogs, AFileThatCannotBeOpenedSaysSoInTheTitle) {
  const QString garbage = m_dir.filePath(QStringLiteral("broken.nnlab"));
  QFile file(garbage);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("\x89PNG not a session");
  file.close();
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(garbage)});
  QString title, text;
  whenModal<QMessageBox>([&](QMessageBox* box) {
    title = box->windowTitle();
    text = box->text();
    box->accept();
  });
  const QPoint centre = m_window->rect().center();
  QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(m_window.get(), &enter);
  QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(m_window.get(), &drop);
  EXPECT_EQ(title, QStringLiteral("Open failed — nnlab"));
  EXPECT_TRUE(text.contains(QStringLiteral("broken.nnlab"))) << text.toStdString();
}

}  // namespace
}  // namespace nnlab
