#pragma once

#include <vector>

namespace nnlab {

/// GUI-thread time per frame, for the scripted run's report. A frame starts when the widgets
/// take a new snapshot and takes in every repaint until the next one: one snapshot usually
/// brings two or three (the scene and the chart post their updates separately).
class FrameStats {
 public:
  /// The widgets took `milliseconds` to take a new snapshot: a new frame begins.
  void addUpdate(double milliseconds);
  /// The window repainted in `milliseconds`, as part of the current frame.
  void addPaint(double milliseconds);
  /// Forgets every frame (the scripted run measures from the start of training).
  void clear();

  /// The last complete frame's time (update plus paint); 0 before there is one.
  double lastMs() const;
  /// Frames so far, the current one included.
  int count() const { return static_cast<int>(m_frames.size()); }
  /// Update plus paint time; medians and maxima are 0 when nothing was recorded.
  double medianMs() const;
  double maxMs() const;
  /// Paint time alone.
  double paintMedianMs() const;
  double paintMaxMs() const;

 private:
  struct Frame {
    double updateMs = 0.0;
    double paintMs = 0.0;
  };
  template <typename Time>
  std::vector<double> times(Time time) const;

  std::vector<Frame> m_frames;
};

}  // namespace nnlab
