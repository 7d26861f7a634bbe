#pragma once
// The fixture of the main window's tests (main_window_test.cpp, main_window_graph_test.cpp,
// network_undo_test.cpp): a window on a preset (the seed unless a test says otherwise), shown
// and active.
#include <gtest/gtest.h>

#include <QTest>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/window/main_window.h"

namespace nnlab {

class MainWindowTest : public ::testing::Test {
 protected:
  static constexpr int kTimeoutMs = 10000;

  /// The preset the window opens on.
  virtual Preset startPreset() const { return seedPreset(); }

  void SetUp() override {
    m_window = std::make_unique<MainWindow>(startPreset());
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    // Keyboard shortcuts belong to the active window.
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
  }

  std::shared_ptr<const TrainingSnapshot> latest() { return m_window->runner().latestSnapshot(); }
  /// Waits until the window shows a snapshot satisfying `condition`.
  template <typename Condition>
  bool waitShown(Condition condition) {
    return QTest::qWaitFor(
        [&] {
          const auto shown = m_window->shownSnapshot();
          return shown && condition(*shown);
        },
        kTimeoutMs);
  }

  std::unique_ptr<MainWindow> m_window;
};

}  // namespace nnlab
