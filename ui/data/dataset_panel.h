#pragma once

#include <QString>
#include <QWidget>
#include <functional>
#include <vector>

#include "core/dataset.h"
#include "core/input_scaling.h"

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QTableView;
class QTimer;
class QUndoStack;

namespace nnlab {

class DatasetModel;
struct TrainingSnapshot;

/// The DATA panel: every sample with its target, the network's prediction and the error, in one
/// table. Inputs and targets are edited in place, pasted from a spreadsheet or imported; every
/// edit is one undo step and is announced with datasetEdited() for the runner to pick up.
class DatasetPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DatasetPanel(QWidget* parent = nullptr);
  ~DatasetPanel() override;

  /// Loads a dataset, clearing the undo history, the predictions and the selection. Emits no
  /// datasetEdited() (the caller hands the data to the runner itself); selectedSampleChanged(−1)
  /// if a row was selected.
  void setDataset(const nnlab::Dataset& dataset);
  const nnlab::Dataset& dataset() const;
  /// Fills the prediction and error columns when the snapshot's shape matches the table;
  /// otherwise (an edit the runner has not seen yet) keeps the previous ones.
  void showSnapshot(const nnlab::TrainingSnapshot& snapshot);

  QUndoStack* undoStack() { return m_undoStack; }
  /// "Import CSV…" and "Export CSV…", for the File menu.
  QAction* importAction() { return m_importAction; }
  QAction* exportAction() { return m_exportAction; }
  /// What the export dialog proposes as the file name ("seed-data.csv").
  void setExportNameProvider(std::function<QString()> name) { m_exportName = std::move(name); }
  QTableView* view() { return m_view; }
  QComboBox* scalingBox() { return m_scaling; }
  DatasetModel* model() { return m_model; }

  /// Replaces the data with a CSV file, as one undo step. `targets` 0: inferred from the
  /// header (trailing y…/target… columns), else 1. Returns false and reports why on failure.
  bool importCsv(const QString& path, int targets = 0);
  /// Replaces the data (generated rows, say) as one undo step named `text`.
  void replaceData(const nnlab::Dataset& dataset, const QString& text);
  /// Marks round(rows·percent/100) rows, drawn from `seed`, as test rows, as one undo step.
  void splitRows(double percent, quint64 seed);
  /// Writes inputs then targets as CSV, replacing the file only once all is written.
  bool exportCsv(const QString& path);
  /// The message line under the table (empty when nothing to report).
  QString message() const;
  /// Appends a training sample (1 × fields: inputs, then targets) as one undo step, e.g. a
  /// point clicked on the output map. Refused with a message when its width does not fit.
  bool appendSample(const nnlab::Matrix& sample);
  /// Removes row `row` as one undo step; the last row stays (training needs one).
  bool removeRow(int row);

 public slots:
  void addRow();
  void removeSelectedRows();
  void addInputColumn();
  void removeInputColumn();
  void addTargetColumn();
  void removeTargetColumn();
  /// Pastes the clipboard's tab- or comma-separated block at the current cell.
  void paste();
  /// Copies the selected cells as tab-separated text.
  void copy();

 signals:
  /// After every user edit, undo and redo.
  void datasetEdited(const nnlab::Dataset& dataset);
  /// The row whose sample the network should show, or −1.
  void selectedSampleChanged(int row);
  /// A refusal or error, for the status bar.
  void statusMessage(const QString& message);
  /// The user chose how the inputs are rescaled for the network.
  void scalingRequested(nnlab::ScalingKind kind);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QAction* makeAction(const QString& text, const QString& toolTip, void (DatasetPanel::*slot)());
  QWidget* makeButtons();
  QLabel* makeMessageLine();
  QHBoxLayout* makeScalingRow();
  /// importCsv / exportCsv without reporting: the error is returned in `error`.
  bool readCsvInto(const QString& path, int targets, QString* error);
  bool writeCsvTo(const QString& path, QString* error);
  void interactiveImport();
  void interactiveExport();
  bool handleKey(QKeyEvent* event);
  void showMessage(const QString& message);
  void updateSelectedSample();
  /// Sizes every column to its header and its numbers, so that none reads "0.…".
  void fitColumns();
  std::vector<int> selectedRows() const;
  /// The column among inputs (or targets) the current cell is in, or the last one.
  int chosenColumn(bool target) const;

  DatasetModel* m_model;
  QTableView* m_view;
  QUndoStack* m_undoStack;
  QLabel* m_message;
  QTimer* m_messageTimer;
  QComboBox* m_scaling = nullptr;
  QAction* m_importAction = nullptr;
  QAction* m_exportAction = nullptr;
  std::function<QString()> m_exportName;
  bool m_loading = false;      ///< setDataset() is running: announce nothing
  nnlab::Dataset m_announced;  ///< the data last loaded or sent with datasetEdited()
  int m_selectedRow = -1;
};

}  // namespace nnlab
