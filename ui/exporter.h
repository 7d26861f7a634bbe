#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QWidget;

namespace nnlab {

class MainWindow;

/// File ▸ Export: the network graph and the loss chart as PNG or SVG, the loss history and the
/// predictions as CSV, the model as an nnlab-model JSON file (and the data as CSV, through the
/// data panel). Every file is replaced only once it is completely written.
class Exporter : public QObject {
  Q_OBJECT

 public:
  explicit Exporter(MainWindow& window);

  QMenu* menu() const { return m_menu; }

  /// A widget's picture: PNG for a .png path, SVG for .svg. False with `error` on failure.
  bool exportPicture(QWidget& widget, const QString& path, QString* error) const;
  /// epoch,loss,min,max per point of the (decimated) loss history.
  bool exportHistory(const QString& path, QString* error) const;
  /// Every row's inputs, targets and predictions (and, with test rows, a test column).
  bool exportPredictions(const QString& path, QString* error) const;
  /// The current weights with the input scaling, as nnlab-cli reads them.
  bool exportModel(const QString& path, QString* error) const;

 private:
  /// Asks for a file name (with `suffix` as the default) and exports there.
  void interactive(const QString& title, const QString& filter, const QString& suffix,
                   bool (Exporter::*write)(const QString&, QString*) const);
  void interactivePicture(QWidget& widget, const QString& title, const QString& suffix);

  MainWindow& m_window;
  QMenu* m_menu;
};

}  // namespace nnlab
