#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "core/export/model_export.h"

class QMainWindow;

namespace nnlab {

class Exporter;
class TrainingRunner;

/// File ▸ Export model as…: the current weights as ONNX, a numpy script or a C header, with the
/// data's column names and the training settings (and, in the numpy script, the data itself).
/// The format is the one of the save dialog's filter.
class ModelExportDialog {
  Q_DECLARE_TR_FUNCTIONS(ModelExportDialog)

 public:
  /// The save dialog's filters, one per format in the order onnx, numpy, c.
  static QStringList filters();
  /// The format a filter of filters() stands for (ONNX for any other text).
  static ExportFormat formatOf(const QString& filter);
  /// Writes the runner's current model to `path` in `format`, atomically. False with a
  /// one-line `error` when it cannot (the runner has stopped, the file cannot be written).
  static bool exportModel(TrainingRunner& runner, const QString& path, ExportFormat format,
                          QString* error);
  /// Asks for a file and a format (in the folder, and with the name, that `exporter` proposes
  /// for its exports), exports, and says how it went: in `window`'s status bar, or a message box.
  static void interactive(TrainingRunner& runner, const Exporter& exporter, QMainWindow& window);
};

}  // namespace nnlab
