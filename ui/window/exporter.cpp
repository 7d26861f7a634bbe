#include "ui/window/exporter.h"

#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QSvgGenerator>
#include <exception>

#include "core/atomic_file.h"
#include "core/csv_reader.h"
#include "core/model_json.h"
#include "core/training_runner.h"
#include "ui/chart/loss_chart.h"
#include "ui/common/error_box.h"
#include "ui/data/dataset_panel.h"
#include "ui/network/network_view.h"
#include "ui/network/weight_legend.h"
#include "ui/window/export_picture.h"
#include "ui/window/session_controller.h"

namespace nnlab {

namespace {

bool writeText(const QString& path, const std::string& text, QString* error) {
  try {
    writeFileAtomically(path.toStdString(), text);
    return true;
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
}

}  // namespace

Exporter::Exporter(const ExportSources& sources, QMainWindow& window)
    : QObject(&window),
      m_sources(sources),
      m_window(window),
      m_menu(new QMenu(tr("&Export"), &window)) {
  const QString png = QStringLiteral("png");
  const QString svg = QStringLiteral("svg");
  const QString graph = QStringLiteral("graph");
  const QString loss = QStringLiteral("loss");
  m_menu->addAction(tr("Network graph as PNG…"), this, [=, this] {
    interactivePicture(m_sources.graph, tr("Export the network graph"), graph, png);
  });
  m_menu->addAction(tr("Network graph as SVG…"), this, [=, this] {
    interactivePicture(m_sources.graph, tr("Export the network graph"), graph, svg);
  });
  m_menu->addAction(tr("Loss chart as PNG…"), this, [=, this] {
    interactivePicture(m_sources.chart, tr("Export the loss chart"), loss, png);
  });
  m_menu->addAction(tr("Loss chart as SVG…"), this, [=, this] {
    interactivePicture(m_sources.chart, tr("Export the loss chart"), loss, svg);
  });
  m_menu->addSeparator();
  const QString csvFiles = tr("CSV files (*.csv)");
  m_menu->addAction(tr("Loss history as CSV…"), this, [=, this] {
    interactive(tr("Export the loss history"), csvFiles, QStringLiteral("loss-history"),
                QStringLiteral("csv"), &Exporter::exportHistory);
  });
  m_menu->addAction(tr("Predictions as CSV…"), this, [=, this] {
    interactive(tr("Export the predictions"), csvFiles, QStringLiteral("predictions"),
                QStringLiteral("csv"), &Exporter::exportPredictions);
  });
  m_menu->addAction(tr("Model as JSON…"), this, [this] {
    interactive(tr("Export the model"), tr("nnlab models (*.json)"), QStringLiteral("model"),
                QStringLiteral("json"), &Exporter::exportModel);
  });
  m_menu->addAction(m_sources.data.exportAction());
  m_sources.data.setExportNameProvider(
      [this] { return suggestedFileName(QStringLiteral("data"), QStringLiteral("csv")); });
}

QString Exporter::suggestedFileName(const QString& kind, const QString& suffix) const {
  // The session's name once it has one; before, the preset's or the data file's.
  const QString session = m_sources.session.currentPath();
  QString base =
      QFileInfo(session.isEmpty() ? m_sources.experimentName() : session).completeBaseName();
  if (base.isEmpty()) base = QStringLiteral("nnlab");
  return QStringLiteral("%1-%2.%3").arg(base, kind, suffix);
}

QString Exporter::pictureTitle(const QWidget& widget) const {
  const auto snapshot = m_sources.runner.latestSnapshot();
  const QString epoch = QLocale().toString(snapshot->epoch);
  const QString name = QFileInfo(m_sources.experimentName()).completeBaseName();
  if (&widget == &m_sources.graph) {
    return tr("Network %1 — %2, epoch %3")
        .arg(QString::fromStdString(snapshot->network.spec().shapeText()), name, epoch);
  }
  if (&widget == &m_sources.chart) {
    const std::string_view loss = lossLabel(snapshot->settings.loss);
    return tr("%1 loss — %2, epoch %3")
        .arg(QString::fromUtf8(loss.data(), static_cast<qsizetype>(loss.size())), name, epoch);
  }
  return QString();
}

bool Exporter::exportPicture(QWidget& widget, const QString& path, QString* error) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    *error = tr("cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  // The graph's colours mean nothing without their key: it goes under the graph.
  QWidget* key = &widget == &m_sources.graph ? &m_sources.legend : nullptr;
  const QString title = pictureTitle(widget);
  const ExportPicture picture(title, widget, key);
  if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(picture.size());
    svg.setViewBox(QRect(QPoint(0, 0), picture.size()));
    svg.setTitle(title.isEmpty() ? QStringLiteral("nnlab") : title);
    QPainter painter(&svg);
    picture.paint(painter);  // graphics views draw their scenes: every line stays a line
    painter.end();
  } else if (!picture.image(widget.devicePixelRatioF()).save(&file, "PNG")) {
    *error = tr("cannot write %1 as a PNG picture").arg(path);
    file.cancelWriting();
    return false;
  }
  if (!file.commit()) {
    *error = tr("cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

bool Exporter::exportHistory(const QString& path, QString* error) const {
  const auto snapshot = m_sources.runner.latestSnapshot();
  Matrix values(static_cast<Eigen::Index>(snapshot->history.size()), 4);
  for (std::size_t i = 0; i < snapshot->history.size(); ++i) {
    const HistoryPoint& p = snapshot->history[i];
    values.row(static_cast<Eigen::Index>(i)) << static_cast<double>(p.epoch), p.loss, p.min, p.max;
  }
  return writeText(path, writeCsv({"epoch", "loss", "min", "max"}, values), error);
}

bool Exporter::exportPredictions(const QString& path, QString* error) const {
  const auto snapshot = m_sources.runner.latestSnapshot();
  const Dataset& data = *snapshot->dataset;
  std::vector<std::string> header = data.inputNames;
  header.insert(header.end(), data.targetNames.begin(), data.targetNames.end());
  for (const std::string& target : data.targetNames) header.push_back(target + "_pred");
  const bool split = data.testRowCount() > 0;
  if (split) header.emplace_back("test");
  const Eigen::Index columns = static_cast<Eigen::Index>(header.size());
  Matrix values(data.rows(), columns);
  values.leftCols(data.inputColumns()) = data.inputs;
  values.middleCols(data.inputColumns(), data.targetColumns()) = data.targets;
  values.middleCols(data.inputColumns() + data.targetColumns(), data.targetColumns()) =
      snapshot->predictions;
  if (split)
    for (int i = 0; i < data.rows(); ++i) values(i, columns - 1) = data.isTestRow(i) ? 1.0 : 0.0;
  return writeText(path, writeCsv(header, values), error);
}

bool Exporter::exportModel(const QString& path, QString* error) const {
  const auto snapshot = m_sources.runner.latestSnapshot();
  try {
    return writeText(path, modelToJson(snapshot->network, snapshot->scaling), error);
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
}

QString Exporter::exportFolder() const {
  const QString folder = QSettings().value(QStringLiteral("export/folder")).toString();
  if (!folder.isEmpty() && QDir(folder).exists()) return folder;
  const QString session = m_sources.session.currentPath();
  return session.isEmpty() ? QDir::homePath() : QFileInfo(session).absolutePath();
}

QString Exporter::askForPath(const QString& title, const QString& filter, const QString& name,
                             const QString& suffix) const {
  QFileDialog dialog(&m_window, title, exportFolder(), filter);
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setDefaultSuffix(suffix);
  dialog.selectFile(name);
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return QString();
  const QString path = dialog.selectedFiles().front();
  QSettings().setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
  return path;
}

void Exporter::reportFailure(const QString& title, const QString& path,
                             const QString& error) const {
  showError(&m_window, tr("Export failed"),
            tr("%1: %2 was not written.").arg(title, QFileInfo(path).fileName()), error);
}

void Exporter::interactive(const QString& title, const QString& filter, const QString& kind,
                           const QString& suffix,
                           bool (Exporter::*write)(const QString&, QString*) const) {
  const QString path = askForPath(title, filter, suggestedFileName(kind, suffix), suffix);
  if (path.isEmpty()) return;
  QString error;
  if (!(this->*write)(path, &error)) return reportFailure(title, path, error);
  m_window.statusBar()->showMessage(tr("Exported %1.").arg(QFileInfo(path).fileName()), 5000);
}

void Exporter::interactivePicture(QWidget& widget, const QString& title, const QString& kind,
                                  const QString& suffix) {
  const QString filter =
      suffix == QLatin1String("svg") ? tr("SVG pictures (*.svg)") : tr("PNG pictures (*.png)");
  const QString path = askForPath(title, filter, suggestedFileName(kind, suffix), suffix);
  if (path.isEmpty()) return;
  QString error;
  if (!exportPicture(widget, path, &error)) return reportFailure(title, path, error);
  m_window.statusBar()->showMessage(tr("Exported %1.").arg(QFileInfo(path).fileName()), 5000);
}

}  // namespace nnlab
