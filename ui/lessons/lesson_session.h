#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/lesson/quantities.h"
#include "ui/lessons/lesson_library.h"

class QTimer;

namespace nnlab {

class LessonHighlight;
class MainWindow;
struct TrainingSnapshot;

/// One lesson in the window: sets up its experiment, locks and highlights its controls,
/// evaluates its check on every snapshot the window shows, and plays its Show me.
class LessonSession : public QObject {
  Q_OBJECT

 public:
  explicit LessonSession(MainWindow& window, QObject* parent = nullptr);
  ~LessonSession() override;

  /// Sets the window up for `lesson` (asking first to save unsaved work when interactive);
  /// false with `error` when its set-up cannot be applied, or the user kept their work.
  bool start(const LoadedLesson& lesson, QString* error);
  /// Ends the lesson: controls unlocked, highlights gone. The experiment stays.
  void end();
  const LoadedLesson* lesson() const { return m_lesson ? &*m_lesson : nullptr; }
  /// The check as last evaluated (false before the set-up is in place).
  bool checkHolds() const { return m_holds; }
  /// Evaluates the check on the runner's latest snapshot now (the scripted report's answer).
  bool evaluateLatest();
  /// What the check reads besides the snapshot: the selected row, the Backprop view.
  ViewState viewState() const;

  /// Plays the lesson's Show me, one step after the other.
  void showMe();
  bool showingMe() const { return m_step >= 0; }
  /// True once the runner has applied the lesson's set-up.
  bool setUp() const;

 signals:
  void checkChanged(bool holds);
  void showMeFinished();

 private:
  /// The lesson's session file and the overrides that apply to one (lr, stop, weights).
  bool openSession(const LoadedLesson& loaded, QString* error);
  void poll();
  bool evaluate(const TrainingSnapshot& snapshot);
  void applyLocks(bool locked);
  void runStep();
  bool stepFinished() const;
  void post(const LessonStep& step);
  void setControl(const LessonStep& step);
  void setBias(int layer, int unit, double value);  ///< from 0
  void setLayers(const std::vector<double>& sizes);

  MainWindow& m_window;
  std::optional<LoadedLesson> m_lesson;
  QTimer* m_timer;
  std::vector<QPointer<LessonHighlight>> m_highlights;
  std::uint64_t m_setupCommand = 0;  ///< snapshots answering it show the lesson's set-up
  std::uint64_t m_shownSerial = 0;
  bool m_holds = false;
  int m_step = -1;  ///< the Show me step playing; −1 when none
  std::uint64_t m_stepCommand = 0;
  int m_stepWaits = 0;
};

}  // namespace nnlab
