#include "ui/window/frame_stats.h"

#include <algorithm>

namespace nnlab {

namespace {

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  const auto middle = values.begin() + static_cast<long>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

double maximum(const std::vector<double>& values) {
  return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

}  // namespace

void FrameStats::addUpdate(double milliseconds) { m_frames.push_back({milliseconds, 0.0}); }

void FrameStats::addPaint(double milliseconds) {
  // A repaint before any snapshot (the window's first, a hover while paused) is a frame too.
  if (m_frames.empty()) m_frames.emplace_back();
  m_frames.back().paintMs += milliseconds;
}

double FrameStats::lastMs() const {
  if (m_frames.size() < 2) return 0.0;
  const Frame& frame = m_frames[m_frames.size() - 2];
  return frame.updateMs + frame.paintMs;
}

void FrameStats::clear() { m_frames.clear(); }

template <typename Time>
std::vector<double> FrameStats::times(Time time) const {
  std::vector<double> values;
  values.reserve(m_frames.size());
  for (const Frame& frame : m_frames) values.push_back(time(frame));
  return values;
}

double FrameStats::medianMs() const {
  return median(times([](const Frame& f) { return f.updateMs + f.paintMs; }));
}

double FrameStats::maxMs() const {
  return maximum(times([](const Frame& f) { return f.updateMs + f.paintMs; }));
}

double FrameStats::paintMedianMs() const {
  return median(times([](const Frame& f) { return f.paintMs; }));
}

double FrameStats::paintMaxMs() const {
  return maximum(times([](const Frame& f) { return f.paintMs; }));
}

}  // namespace nnlab
