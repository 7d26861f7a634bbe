#include "exporter.h"

#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsView>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QStatusBar>
#include <QSvgGenerator>
#include <exception>

#include "atomic_file.h"
#include "csv_reader.h"
#include "dataset_panel.h"
#include "loss_chart.h"
#include "main_window.h"
#include "model_json.h"
#include "network_view.h"
#include "training_runner.h"

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

Exporter::Exporter(MainWindow& window)
    : QObject(&window), m_window(window), m_menu(new QMenu(tr("&Export"), &window)) {
  m_menu->addAction(tr("Network graph as PNG…"), this, [this] {
    interactivePicture(*m_window.networkView(), tr("Export the network graph"),
                       QStringLiteral("png"));
  });
  m_menu->addAction(tr("Network graph as SVG…"), this, [this] {
    interactivePicture(*m_window.networkView(), tr("Export the network graph"),
                       QStringLiteral("svg"));
  });
  m_menu->addAction(tr("Loss chart as PNG…"), this, [this] {
    interactivePicture(*m_window.lossChart(), tr("Export the loss chart"), QStringLiteral("png"));
  });
  m_menu->addAction(tr("Loss chart as SVG…"), this, [this] {
    interactivePicture(*m_window.lossChart(), tr("Export the loss chart"), QStringLiteral("svg"));
  });
  m_menu->addSeparator();
  m_menu->addAction(tr("Loss history as CSV…"), this, [this] {
    interactive(tr("Export the loss history"), tr("CSV files (*.csv)"), QStringLiteral("csv"),
                &Exporter::exportHistory);
  });
  m_menu->addAction(tr("Predictions as CSV…"), this, [this] {
    interactive(tr("Export the predictions"), tr("CSV files (*.csv)"), QStringLiteral("csv"),
                &Exporter::exportPredictions);
  });
  m_menu->addAction(tr("Model as JSON…"), this, [this] {
    interactive(tr("Export the model"), tr("nnlab models (*.json)"), QStringLiteral("json"),
                &Exporter::exportModel);
  });
  m_menu->addAction(m_window.dataPanel()->exportAction());
}

bool Exporter::exportPicture(QWidget& widget, const QString& path, QString* error) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    *error = tr("cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(widget.size());
    svg.setViewBox(QRect(QPoint(0, 0), widget.size()));
    svg.setTitle(QStringLiteral("nnlab"));
    QPainter painter(&svg);
    // A graphics view draws its scene, not a screenshot: the SVG keeps every line as a line.
    if (auto* view = qobject_cast<QGraphicsView*>(&widget))
      view->render(&painter, QRectF(), view->viewport()->rect());
    else
      widget.render(&painter);
    painter.end();
  } else if (!widget.grab().save(&file, "PNG")) {
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
  const auto snapshot = m_window.runner().latestSnapshot();
  Matrix values(static_cast<Eigen::Index>(snapshot->history.size()), 4);
  for (std::size_t i = 0; i < snapshot->history.size(); ++i) {
    const HistoryPoint& p = snapshot->history[i];
    values.row(static_cast<Eigen::Index>(i)) << static_cast<double>(p.epoch), p.loss, p.min, p.max;
  }
  return writeText(path, writeCsv({"epoch", "loss", "min", "max"}, values), error);
}

bool Exporter::exportPredictions(const QString& path, QString* error) const {
  const auto snapshot = m_window.runner().latestSnapshot();
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
  const auto snapshot = m_window.runner().latestSnapshot();
  try {
    return writeText(path, modelToJson(snapshot->network, snapshot->scaling), error);
  } catch (const std::exception& problem) {
    *error = QString::fromStdString(problem.what());
    return false;
  }
}

void Exporter::interactive(const QString& title, const QString& filter, const QString& suffix,
                           bool (Exporter::*write)(const QString&, QString*) const) {
  QFileDialog dialog(&m_window, title, QString(), filter);
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setDefaultSuffix(suffix);
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
  const QString path = dialog.selectedFiles().front();
  QString error;
  if (!(this->*write)(path, &error)) {
    QMessageBox::warning(&m_window, title, error);
    return;
  }
  m_window.statusBar()->showMessage(tr("Exported %1.").arg(QFileInfo(path).fileName()), 5000);
}

void Exporter::interactivePicture(QWidget& widget, const QString& title, const QString& suffix) {
  QFileDialog dialog(
      &m_window, title, QString(),
      suffix == QLatin1String("svg") ? tr("SVG pictures (*.svg)") : tr("PNG pictures (*.png)"));
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setDefaultSuffix(suffix);
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
  const QString path = dialog.selectedFiles().front();
  QString error;
  if (!exportPicture(widget, path, &error)) {
    QMessageBox::warning(&m_window, title, error);
    return;
  }
  m_window.statusBar()->showMessage(tr("Exported %1.").arg(QFileInfo(path).fileName()), 5000);
}

}  // namespace nnlab
