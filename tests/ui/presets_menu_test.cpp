// The Presets menu: every core preset is there, explains itself, and loads into a window that
// then trains.
#include <gtest/gtest.h>

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTest>
#include <cmath>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/data/dataset_panel.h"
#include "ui/window/main_window.h"
#include "ui/window/preset_text.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 20000;

QMenu* presetsMenu(MainWindow& window) {
  for (QAction* action : window.menuBar()->actions())
    if (action->menu() && action->text().remove(QLatin1Char('&')) == QStringLiteral("Presets"))
      return action->menu();
  return nullptr;
}

QAction* presetAction(QMenu& menu, const std::string& name) {
  for (QAction* action : menu.actions())
    if (action->data().toString() == QString::fromStdString(name)) return action;
  return nullptr;
}

TEST(PresetsMenuTest, ListsEveryPresetWithItsDescription) {
  MainWindow window(seedPreset());
  QMenu* menu = presetsMenu(window);
  ASSERT_NE(menu, nullptr);
  for (const std::string& name : presetNames()) {
    QAction* action = presetAction(*menu, name);
    ASSERT_NE(action, nullptr) << name;
    // What it shows and what to try, longer than core's one-line summary.
    EXPECT_EQ(action->statusTip(), presetDescription(*findPreset(name))) << name;
    EXPECT_GT(action->statusTip().size(), 60) << name;
  }
  int separators = 0;
  for (QAction* action : menu->actions()) separators += action->isSeparator() ? 1 : 0;
  EXPECT_GE(separators, 3);  // seed | 2-D classification | regression | logic gates
}

TEST(PresetsMenuTest, EveryPresetLoadsAndTrains) {
  MainWindow window(seedPreset());
  window.session()->setInteractive(false);  // trained, each one would ask to be saved first
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  QMenu* menu = presetsMenu(window);
  ASSERT_NE(menu, nullptr);
  for (const std::string& name : presetNames()) {
    SCOPED_TRACE(name);
    const Preset preset = *findPreset(name);
    QAction* action = presetAction(*menu, name);
    ASSERT_NE(action, nullptr);
    action->trigger();
    EXPECT_EQ(window.dataPanel()->dataset().rows(), preset.dataset.rows());
    window.runner().step(20);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
          const auto shown = window.shownSnapshot();
          // The data too: consecutive presets may share a shape (mp-and, mp-or…). A gate the
          // perceptron learns stops as soon as it is right.
          const bool trained =
              shown &&
              (shown->epoch == 20 || (shown->epoch > 0 && shown->reason == PauseReason::Converged));
          return trained && shown->state == RunState::Paused &&
                 shown->network.spec().shapeText() == preset.spec.shapeText() &&
                 shown->dataset->inputs == preset.dataset.inputs &&
                 shown->dataset->targets == preset.dataset.targets;
        },
        kTimeoutMs));
    const auto shown = window.shownSnapshot();
    EXPECT_TRUE(std::isfinite(shown->loss));
    if (shown->reason != PauseReason::Converged) {
      EXPECT_EQ(shown->message, "");
    }
    EXPECT_EQ(shown->settings.optimizer.kind, preset.settings.optimizer.kind);
    EXPECT_EQ(shown->dataset->rows(), preset.dataset.rows());
    EXPECT_EQ(shown->dataset->testRowCount(), preset.dataset.testRowCount());
    EXPECT_EQ(shown->testLoss.has_value(), preset.dataset.testRowCount() > 0);
  }
}

}  // namespace
}  // namespace nnlab
