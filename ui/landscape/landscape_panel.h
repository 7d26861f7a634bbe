#pragma once

#include <QWidget>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "core/landscape.h"
#include "core/training_runner.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QUndoStack;

namespace nnlab {

class GuiMailbox;
class LandscapeView;
class TrainingRunner;
struct TrainingSnapshot;

/// The loss-landscape view with its controls: Compute takes the run's recorded weights, finds
/// their principal plane and computes the loss over it on a thread of its own (with a progress
/// bar and Cancel; the window goes on meanwhile). A click on the plane sets the weights there
/// through an undo step; a click on the path picks its epoch.
class LandscapePanel : public QWidget {
  Q_OBJECT

 public:
  LandscapePanel(TrainingRunner& runner, QUndoStack* undoStack, QWidget* parent = nullptr);
  ~LandscapePanel() override;

  /// The snapshot the window shows now: the cross marks its weights, and Compute uses its data
  /// and settings. Only this snapshot is drawn from, never the runner's latest.
  void showSnapshot(const std::shared_ptr<const TrainingSnapshot>& snapshot);
  LandscapeView* view() const { return m_view; }
  QPushButton* computeButton() const { return m_compute; }
  QPushButton* cancelButton() const { return m_cancel; }
  QProgressBar* progressBar() const { return m_progress; }
  bool computing() const { return m_worker.joinable() && m_busy; }
  /// The plane of the landscape shown (nullopt before the first).
  const std::optional<LandscapePlane>& plane() const { return m_plane; }

 public slots:
  /// Computes the landscape of the run as recorded now (cancelling one under way).
  void compute();
  void cancel();
  /// Marks the path point of `epoch` (the timeline's cursor).
  void setCursorEpoch(long long epoch);

 signals:
  /// The user clicked the path's point of `epoch`.
  void epochPicked(long long epoch);
  /// A message for the status bar.
  void message(const QString& text);
  /// A computation ended (done, cancelled or failed).
  void finished();

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  struct Result;
  void stopWorker();
  /// On the worker thread: the plane of `history`, the path on it and the loss around it, into
  /// `result`; false when `progress(rows done)` returned false (cancelled).
  static bool run(LossGridRequest& request, const std::vector<RecordedWeights>& history,
                  Result& result, const std::function<bool(int)>& progress);
  void deliver(std::shared_ptr<Result> result);
  void pick(QPointF point);
  void updateCurrent();

  TrainingRunner& m_runner;
  QUndoStack* m_undo;
  LandscapeView* m_view;
  QPushButton* m_compute;
  QPushButton* m_cancel;
  QProgressBar* m_progress;
  QLabel* m_status;
  GuiMailbox* m_mailbox;  ///< the worker's progress and result, to the GUI thread
  std::shared_ptr<const TrainingSnapshot> m_shown;
  std::optional<LandscapePlane> m_plane;
  Network m_shape;  ///< of the landscape shown
  bool m_busy = false;
  std::jthread m_worker;
};

}  // namespace nnlab
