#pragma once

#include <QObject>
#include <QString>
#include <functional>

class QMainWindow;
class QMenu;
class QWidget;

namespace nnlab {

class DatasetPanel;
class LossChart;
class NetworkView;
class SessionController;
class TrainingRunner;
class WeightLegend;

/// What File ▸ Export exports, and what it names the files after.
struct ExportSources {
  TrainingRunner& runner;            ///< its latest snapshot: history, predictions, model
  const SessionController& session;  ///< the session file's name, once it has one
  /// The preset's name or the data file's path, before the session has a name of its own.
  std::function<QString()> experimentName;
  NetworkView& graph;
  WeightLegend& legend;  ///< drawn under an exported graph
  LossChart& chart;
  DatasetPanel& data;  ///< exports its table itself; told the name to propose
};

/// File ▸ Export: the network graph (with its colour key) and the loss chart (with its axes),
/// each under a title, as PNG or SVG; the loss history and the predictions as CSV; the model as
/// an nnlab-model JSON file (and the data as CSV, through the data panel). Every file is replaced
/// only once it is completely written. The file dialogs propose a name made of the session's,
/// preset's or data file's name and the kind of export: "seed-graph.png".
class Exporter : public QObject {
  Q_OBJECT

 public:
  /// `window` parents the dialogs and shows "Exported …" in its status bar.
  Exporter(const ExportSources& sources, QMainWindow& window);

  QMenu* menu() const { return m_menu; }

  /// A widget's picture: PNG for a .png path, SVG for .svg. False with `error` on failure. The
  /// graph comes with its colour key, and both the graph and the chart with a title line.
  bool exportPicture(QWidget& widget, const QString& path, QString* error) const;
  /// "seed-graph.png": what an export of `kind` is called when the dialog opens.
  QString suggestedFileName(const QString& kind, const QString& suffix) const;
  /// The title line over an exported picture of `widget` (empty for other widgets).
  QString pictureTitle(const QWidget& widget) const;
  /// epoch,loss,min,max per point of the (decimated) loss history.
  bool exportHistory(const QString& path, QString* error) const;
  /// Every row's inputs, targets and predictions (and, with test rows, a test column).
  bool exportPredictions(const QString& path, QString* error) const;
  /// The current weights with the input scaling, as nnlab-cli reads them.
  bool exportModel(const QString& path, QString* error) const;
  /// Where a save dialog for an export opens: the folder of the last export, else the session
  /// file's, else the home folder.
  QString exportFolder() const;

 private:
  /// Asks for a file name (proposing `kind` with `suffix`) and exports there.
  void interactive(const QString& title, const QString& filter, const QString& kind,
                   const QString& suffix, bool (Exporter::*write)(const QString&, QString*) const);
  void interactivePicture(QWidget& widget, const QString& title, const QString& kind,
                          const QString& suffix);
  /// A save dialog proposing `name` in the folder of the last export; empty if cancelled.
  QString askForPath(const QString& title, const QString& filter, const QString& name,
                     const QString& suffix) const;
  void reportFailure(const QString& title, const QString& path, const QString& error) const;

  ExportSources m_sources;
  QMainWindow& m_window;
  QMenu* m_menu;
};

}  // namespace nnlab
