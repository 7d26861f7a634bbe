#pragma once

#include <QWidget>

class QActionGroup;
class QMenu;
class QLabel;
class QPushButton;
class QSlider;
class QToolButton;

namespace nnlab {

class Timeline;

/// The timeline under the loss chart: a slider over the run's epochs, the epoch shown, Play
/// with its speed, Live and Train from here. It drives a Timeline and follows it.
class TimelineBar : public QWidget {
  Q_OBJECT

 public:
  TimelineBar(Timeline& timeline, QWidget* parent = nullptr);

  /// The run's range, from the first epoch that can be shown again to the present (nullopt
  /// start: nothing can be shown again yet); called at every frame.
  void setRange(std::optional<long long> start, long long present);
  /// The epoch the slider's position stands for (tests use it).
  long long epochAt(int position) const;
  int positionOf(long long epoch) const;

  QSlider* slider() const { return m_slider; }
  QToolButton* playButton() const { return m_play; }
  /// Play's speeds, in the menu of its arrow: the whole run in 10 s, then epochs per second.
  QMenu* speedMenu() const { return m_speedMenu; }
  QActionGroup* speeds() const { return m_speeds; }
  QPushButton* liveButton() const { return m_live; }
  QPushButton* trainFromHereButton() const { return m_trainFromHere; }
  QLabel* epochLabel() const { return m_label; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void follow();
  void retranslate();

  Timeline& m_timeline;
  QSlider* m_slider;
  QToolButton* m_play;
  QMenu* m_speedMenu;
  QActionGroup* m_speeds;
  QPushButton* m_live;
  QPushButton* m_trainFromHere;
  QLabel* m_label;
  long long m_start = 0;
  long long m_present = 0;
  bool m_hasRange = false;
};

}  // namespace nnlab
