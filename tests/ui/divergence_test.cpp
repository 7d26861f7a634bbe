// Training that runs away: the window never shows a NaN or an infinity, and a loss that stops
// being a number pauses training on the last finite weights with the reason in the status bar.
#include <gtest/gtest.h>

#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSlider>
#include <QStatusBar>
#include <QTest>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/data/dataset_model.h"
#include "ui/data/dataset_panel.h"
#include "ui/network/architecture_panel.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"
#include "ui/window/status_line.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 20000;

/// Every text the window shows as a number: labels, number boxes, the data table.
QStringList shownTexts(MainWindow& window) {
  QStringList texts;
  for (const QLabel* label : window.findChildren<QLabel*>())
    if (label->isVisible()) texts << label->text();
  for (const QLineEdit* edit : window.findChildren<QLineEdit*>())
    if (edit->isVisible()) texts << edit->text();
  const DatasetModel& model = *window.dataPanel()->model();
  for (int row = 0; row < model.rowCount(); ++row)
    for (int column = 0; column < model.columnCount(); ++column)
      texts << model.index(row, column).data().toString();
  texts << window.statusBar()->currentMessage();
  return texts;
}

void expectNoNonNumbers(MainWindow& window) {
  static const QRegularExpression notANumber(QStringLiteral("\\b(nan|inf)\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
  for (const QString& text : shownTexts(window))
    EXPECT_FALSE(notANumber.match(text).hasMatch()) << "shown: " << text.toStdString();
}

std::unique_ptr<MainWindow> openAt(const Preset& preset, const QString& rate) {
  auto window = std::make_unique<MainWindow>(preset);
  window->session()->setInteractive(false);
  window->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
  QSlider* speed = window->controls()->speedSlider();
  speed->setValue(speed->maximum());
  QLineEdit* box = window->controls()->learningRateBox();
  box->setFocus();
  box->selectAll();
  QTest::keyClicks(box, rate);
  QTest::keyClick(box, Qt::Key_Return);
  EXPECT_TRUE(QTest::qWaitFor(
      [&] {
        return window->runner().latestSnapshot()->settings.optimizer.learningRate ==
               rate.toDouble();
      },
      kTimeoutMs));
  return window;
}

// The seed with linear units at learning rate 100: the loss overflows within a few epochs.
TEST(Divergence, PausesOnTheLastFiniteWeightsAndSaysWhy) {
  Preset linear = seedPreset();
  for (LayerSpec& layer : linear.spec.layers) layer.activation = Activation::Linear;
  auto window = openAt(linear, QStringLiteral("100"));
  window->controls()->trainAction()->setChecked(true);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto shown = window->shownSnapshot();
        return shown && shown->reason == PauseReason::Diverged;
      },
      kTimeoutMs));
  const auto shown = window->shownSnapshot();
  EXPECT_EQ(shown->state, RunState::Paused);
  EXPECT_TRUE(shown->network.allFinite());
  EXPECT_TRUE(std::isfinite(shown->loss));
  EXPECT_FALSE(window->controls()->trainAction()->isChecked());  // the button says Train again
  const QString state = window->statusLine()->stateText();
  EXPECT_TRUE(state.startsWith(QStringLiteral("Diverged"))) << state.toStdString();
  EXPECT_TRUE(state.contains(QStringLiteral("learning rate 100"))) << state.toStdString();
  expectNoNonNumbers(*window);
}

// The spiral at learning rate 10: Adam's steps stay finite, so it thrashes instead; the
// window shows only numbers however wild they get.
TEST(Divergence, TheSpiralAtRateTenShowsNoNaN) {
  auto window = openAt(*findPreset("spiral"), QStringLiteral("10"));
  window->controls()->trainAction()->setChecked(true);
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return window->runner().latestSnapshot()->epoch > 3000; }, kTimeoutMs));
  window->controls()->trainAction()->setChecked(false);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto shown = window->shownSnapshot();
        return shown && shown->state == RunState::Paused;
      },
      kTimeoutMs));
  const auto shown = window->shownSnapshot();
  EXPECT_TRUE(shown->network.allFinite());
  expectNoNonNumbers(*window);
}

}  // namespace
}  // namespace nnlab
