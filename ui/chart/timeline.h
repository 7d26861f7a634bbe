#pragma once

#include <QObject>
#include <future>
#include <memory>
#include <optional>
#include <vector>

#include "core/dataset.h"
#include "core/run_event.h"
#include "core/trainer.h"

class QTimer;
class QUndoStack;

namespace nnlab {

class TrainingRunner;
struct TrainingSnapshot;

/// Which epoch of the run the window shows: the present as training goes ("live"), or an
/// earlier epoch, replayed exactly by the runner (TrainingRunner::snapshotAt). Looking back
/// pauses training; Play moves through the run at a chosen speed; Train from here goes on from
/// the shown epoch, an undo step that brings the later run back.
///
/// The window asks for past() at every frame and shows it in place of the runner's latest
/// snapshot while the timeline is not live. At most one replay is under way: asked for many
/// epochs at once (a dragged cursor), the timeline computes the newest when the last is done.
class Timeline : public QObject {
  Q_OBJECT

 public:
  Timeline(TrainingRunner& runner, QUndoStack* undoStack, QObject* parent = nullptr);
  ~Timeline() override;

  bool isLive() const { return !m_wanted.has_value(); }
  /// The epoch asked for (shown, or being computed); nullopt when live.
  std::optional<long long> epoch() const { return m_wanted; }
  /// The earlier epoch's snapshot to show; null when live, or before the first replay is done.
  std::shared_ptr<const TrainingSnapshot> past() const { return m_past; }
  bool isPlaying() const;
  /// Epochs per second Play moves; 0: the whole run in kWholeRunSeconds.
  double playSpeed() const { return m_speed; }
  static constexpr double kWholeRunSeconds = 10.0;

  /// Collects a finished replay and starts the next one wanted; called at every frame.
  void poll();

 public slots:
  /// Shows `epoch` of the run (clamped to it), pausing training.
  void showEpoch(long long epoch);
  /// Back to the present, as training goes.
  void goLive();
  void setPlaying(bool on);
  void setPlaySpeed(double epochsPerSecond);
  /// Goes on training from the shown epoch; Undo (Ctrl+Z) brings the later run back.
  void trainFromHere();

 signals:
  /// Live or not, the epoch, or playing changed.
  void changed();
  /// An epoch could not be shown (the message says why); the timeline went live.
  void refused(const QString& message);
  /// A message for the status bar (an undone Train from here).
  void said(const QString& message);

 private:
  void request(long long epoch);
  void advancePlay();
  long long present() const;

  TrainingRunner& m_runner;
  QUndoStack* m_undoStack;
  std::optional<long long> m_wanted;
  std::optional<long long> m_computing;
  std::future<std::shared_ptr<const TrainingSnapshot>> m_pending;
  std::shared_ptr<const TrainingSnapshot> m_past;
  std::uint64_t m_pausedAt = 0;              ///< commands posted when looking back paused training
  std::optional<long long> m_pausedPresent;  ///< the epoch training paused at then
  std::optional<long long> m_pausedStart;    ///< and the timeline's first epoch
  std::vector<RunEvent> m_pausedEvents;      ///< and the run's events
  std::optional<TrainingSettings> m_pausedSettings;  ///< and its settings
  std::shared_ptr<const Dataset> m_pausedData;       ///< and its data
  QTimer* m_playTimer;
  double m_speed = 0.0;
  double m_playPosition = 0.0;  ///< the epoch Play has reached, with its fraction
};

}  // namespace nnlab
