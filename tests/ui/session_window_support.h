#pragma once
// What the session tests of the window share (session_window_test.cpp,
// session_window_autosave_test.cpp): a window that asks no questions, and a step waited for.
#include <gtest/gtest.h>

#include <QTest>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab::testing {

inline constexpr int kTimeoutMs = 15000;

inline std::unique_ptr<MainWindow> openWindow(const Preset& preset) {
  auto window = std::make_unique<MainWindow>(preset);
  window->session()->setInteractive(false);  // no question may block a test
  window->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
  return window;
}

inline std::shared_ptr<const TrainingSnapshot> stepAndWait(MainWindow& window, long long epochs) {
  const long long target = window.runner().latestSnapshot()->epoch + epochs;
  window.controls()->stepCount()->setValue(static_cast<int>(epochs));
  QTest::mouseClick(window.controls()->stepButton(), Qt::LeftButton);
  EXPECT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = window.runner().latestSnapshot();
        return s->epoch == target && s->state == RunState::Paused;
      },
      kTimeoutMs));
  return window.runner().latestSnapshot();
}

}  // namespace nnlab::testing
