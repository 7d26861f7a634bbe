// The Backprop view: walked with real keys and clicks, offscreen.
#include "ui/backprop/backprop_panel.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <memory>

#include "core/presets.h"
#include "core/training_runner.h"
#include "ui/network/forward_values.h"
#include "ui/network/network_view.h"
#include "ui/network/neuron_inspector.h"
#include "ui/network/weight_legend.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

bool sameBits(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::equal(a.data(), a.data() + a.size(), b.data());
}

TEST(BackpropPanel, WalksTheSeedsUpdateToTheEndAndAppliesTrainingsStep) {
  const Preset preset = seedPreset();
  TrainingRunner runner(preset.makeNetwork(), preset.init, preset.seed, preset.dataset,
                        preset.settings);
  BackpropPanel panel(runner);
  panel.resize(900, 400);
  panel.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel.update() != nullptr; }, kTimeoutMs));
  ASSERT_EQ(panel.steps().size(), 6u);  // forward ×2, loss, backward ×2, update
  EXPECT_EQ(panel.currentStep(), 0);
  EXPECT_TRUE(panel.text()->toPlainText().contains(QStringLiteral("z(h1.1) = 0·0.5666")));

  panel.setFocus();
  for (int i = 0; i < 5; ++i) QTest::keyClick(&panel, Qt::Key_Right);
  EXPECT_EQ(panel.currentStep(), 5);
  EXPECT_FALSE(panel.nextButton()->isEnabled());
  EXPECT_TRUE(panel.text()->toPlainText().contains(QStringLiteral("w ← w − lr·∂L/∂w")));
  QTest::keyClick(&panel, Qt::Key_Home);
  EXPECT_EQ(panel.currentStep(), 0);
  QTest::keyClick(&panel, Qt::Key_End);
  EXPECT_EQ(panel.currentStep(), 5);
  QTest::mouseClick(panel.previousButton(), Qt::LeftButton);
  EXPECT_EQ(panel.currentStep(), 4);
  EXPECT_TRUE(panel.text()->toPlainText().contains(QStringLiteral("∂L/∂W of layer 1")));

  // Backward, output layer, batch row 1: δ = 2(ŷ − y)·ŷ(1 − ŷ) with the seed's first numbers.
  panel.setStep(3);
  EXPECT_TRUE(panel.text()->toPlainText().contains(
      QStringLiteral("∂L/∂a(ŷ) = 2(ŷ − y) = 2·(0.7299 − 0) = 1.45986")))
      << panel.text()->toPlainText().toStdString();

  const ExplainedUpdate explained = *panel.update();
  QTest::mouseClick(panel.applyButton(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto s = runner.latestSnapshot();
        return s->epoch == 1 && s->state != RunState::Running;
      },
      kTimeoutMs));
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  trainer.step(1);
  const auto after = runner.latestSnapshot();
  for (int l = 0; l < 2; ++l) {
    EXPECT_TRUE(sameBits(after->network.layer(l).weights, explained.trace.layers[l].weightsAfter));
    EXPECT_TRUE(sameBits(after->network.layer(l).weights, trainer.network().layer(l).weights));
  }
  // The view goes on to the next update by itself.
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel.update() && panel.update()->trace.epoch == 1; },
                              kTimeoutMs));
}

TEST(BackpropPanel, OpensWithCtrlBAndHighlightsWhatEachStepComputes) {
  MainWindow window(seedPreset());
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  EXPECT_FALSE(window.backpropDock()->isVisible());
  // The toolbar's Backprop button opens and closes it; so does Ctrl+B.
  QToolButton* button = nullptr;
  for (QToolButton* b : window.controls()->findChildren<QToolButton*>())
    if (b->defaultAction() == window.backpropAction()) button = b;
  ASSERT_NE(button, nullptr);
  QTest::mouseClick(button, Qt::LeftButton);
  ASSERT_TRUE(window.backpropDock()->isVisible());
  EXPECT_TRUE(window.backpropAction()->isChecked());
  QTest::mouseClick(button, Qt::LeftButton);
  ASSERT_FALSE(window.backpropDock()->isVisible());
  window.activateWindow();
  QTest::keyClick(&window, Qt::Key_B, Qt::ControlModifier);
  ASSERT_TRUE(window.backpropDock()->isVisible());
  BackpropPanel* panel = window.backprop();
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel->update() != nullptr; }, kTimeoutMs));
  panel->setFocus();
  QTest::keyClick(panel, Qt::Key_Right);  // not the window's Step: the walk takes the arrows
  EXPECT_EQ(panel->currentStep(), 1);
  EXPECT_EQ(window.runner().latestSnapshot()->epoch, 0);
  // Forward through the output layer: the hidden and output columns, the second layer's edges.
  EXPECT_EQ(window.networkView()->focusColumns(), (std::vector<int>{1, 2}));
  EXPECT_EQ(window.networkView()->focusEdges(), (std::vector<int>{1}));
  QTest::keyClick(panel, Qt::Key_Right);  // the loss: the output column alone
  EXPECT_EQ(window.networkView()->focusColumns(), (std::vector<int>{2}));
  QTest::keyClick(panel, Qt::Key_End);  // the update: every layer's edges
  EXPECT_EQ(window.networkView()->focusEdges(), (std::vector<int>{0, 1}));
  window.backpropDock()->close();
  EXPECT_TRUE(window.networkView()->focusColumns().empty());
  EXPECT_TRUE(window.networkView()->focusEdges().empty());
}

TEST(BackpropPanel, ClickingAnEdgeListsEveryRowsShareOfItsGradient) {
  MainWindow window(seedPreset());
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  window.showBackprop();
  BackpropPanel* panel = window.backprop();
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel->update() != nullptr; }, kTimeoutMs));
  NetworkView* graph = window.networkView();
  QTest::mouseClick(graph->viewport(), Qt::LeftButton, {}, graph->edgeViewPosition(1, 0, 0));
  const QString text = panel->text()->toPlainText();
  EXPECT_TRUE(text.contains(QStringLiteral("w = W2[1,1]"))) << text.toStdString();
  for (const char* row : {"row 1", "row 2", "row 3", "row 4"})
    EXPECT_TRUE(text.contains(QString::fromUtf8(row))) << row;
  // Row 1: 2(ŷ − y) · ŷ(1 − ŷ) · a_in, then the sum the update uses.
  EXPECT_TRUE(text.contains(QStringLiteral("1.46 · 0.1971 · 0.5709 = 0.164295")))
      << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("∂L/∂w = 0.256055")));
  // On the XOR-like table the rows pull this weight both ways: bars of both colours.
  const QString html = panel->text()->toHtml();
  EXPECT_TRUE(html.contains(QStringLiteral("#f59322")) && html.contains(QStringLiteral("#0877bd")));
  QTest::keyClick(panel, Qt::Key_Home);  // a step again
  EXPECT_FALSE(panel->text()->toPlainText().contains(QStringLiteral("w = W2[1,1]")));
}

TEST(BackpropPanel, GradientOverlayLegendSpansTheLargestGradient) {
  MainWindow window(seedPreset());
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  window.runner().step(3);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return window.shownSnapshot() && window.shownSnapshot()->epoch == 3; }, kTimeoutMs));
  const auto largest = [](const Gradients& g) {
    double range = 0.0;
    for (const Matrix& m : g.weights) range = std::max(range, m.cwiseAbs().maxCoeff());
    return range;
  };
  QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier);
  ASSERT_TRUE(window.gradientAction()->isChecked());
  window.refresh();
  const auto shown = window.shownSnapshot();
  ASSERT_GT(largest(shown->gradients), 0.0);
  EXPECT_EQ(window.networkView()->edgeRange(), largest(shown->gradients));
  EXPECT_EQ(window.legend()->range(), largest(shown->gradients));
  EXPECT_EQ(window.legend()->title(), QStringLiteral("∂L/∂w"));
  // The last change Δw = −lr·∂L/∂w for the seed's gradient descent at learning rate 1.
  QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
  ASSERT_TRUE(window.changeAction()->isChecked());
  EXPECT_EQ(window.legend()->title(), QStringLiteral("Δw"));
  EXPECT_EQ(window.legend()->range(), largest(shown->lastChange));
  EXPECT_EQ(largest(shown->lastChange), largest(shown->gradients));
  window.weightsAction()->trigger();  // back to the weights
  EXPECT_EQ(window.legend()->title(), QStringLiteral("weight"));
  EXPECT_EQ(window.legend()->range(), window.networkView()->weightRange());
}

TEST(BackpropPanel, TheInspectorShowsTheBackwardSideAndSaturation) {
  Preset preset = seedPreset();
  MainWindow window(preset);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  window.runner().setSpeedLimit(0.0);  // unlimited
  window.runner().step(1500);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return window.shownSnapshot() && window.shownSnapshot()->epoch == 1500; }, kTimeoutMs));
  NetworkView* graph = window.networkView();
  QTest::mouseClick(graph->viewport(), Qt::LeftButton, {}, graph->neuronViewPosition(2, 0));
  window.refresh();
  const QString text = window.inspector()->text();
  EXPECT_TRUE(text.contains(QStringLiteral("δ = ∂L/∂z = "))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("∂L/∂w"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("w4"))) << text.toStdString();
  // After 1500 iterations some hidden unit of the seed is saturated for row 1 (σ' < 0.01):
  // the graph marks exactly the units whose slope is that small.
  const auto shown = window.shownSnapshot();
  const ForwardValues values = ForwardValues::forSample(*shown, 0);
  int saturated = 0;
  for (int u = 0; u < 4; ++u) {
    const double a = values.activations[1](u);
    const bool flat = a * (1 - a) < 0.01;
    saturated += flat;
    EXPECT_EQ(graph->neuronSaturated(1, u), flat) << "h1." << u + 1;
  }
  EXPECT_GT(saturated, 0);
}

TEST(BackpropPanel, AWideLayerShowsItsFirstUnitsAndTheSelectedOneInFull) {
  Network network(NetworkSpec{2, {{20, Activation::Tanh}, {1, Activation::Sigmoid}}, true});
  network.initialize(Init::Xavier, 3);
  const Dataset data = Dataset::fromMatrices(Matrix::Constant(3, 2, 0.5), Matrix::Ones(3, 1));
  TrainingRunner runner(network, Init::Xavier, 3, data, {});
  BackpropPanel panel(runner);
  panel.show();
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel.update() != nullptr; }, kTimeoutMs));
  panel.setStep(0);
  QString text = panel.text()->toPlainText();
  EXPECT_TRUE(text.contains(QStringLiteral("z(h1.12)")));
  EXPECT_FALSE(text.contains(QStringLiteral("z(h1.16)")));
  EXPECT_TRUE(text.contains(QStringLiteral("8 more units")));
  panel.setSelectedNeuron(1, 15);  // h1.16, clicked in the graph
  text = panel.text()->toPlainText();
  EXPECT_TRUE(text.contains(QStringLiteral("z(h1.16)"))) << text.toStdString();
  panel.setStep(4);  // backward through the hidden layer
  EXPECT_TRUE(panel.text()->toPlainText().contains(QStringLiteral("δ(h1.16)")));
}

TEST(BackpropPanel, WhileTrainingRunsItExplainsASnapshotAndApplyIsRefused) {
  const Preset preset = seedPreset();
  TrainingRunner runner(preset.makeNetwork(), preset.init, preset.seed, preset.dataset,
                        preset.settings);
  runner.run();
  ASSERT_TRUE(QTest::qWaitFor([&] { return runner.latestSnapshot()->state == RunState::Running; },
                              kTimeoutMs));
  BackpropPanel panel(runner);
  panel.show();
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel.update() != nullptr; }, kTimeoutMs));
  const QLabel* header = panel.findChildren<QLabel*>().front();
  EXPECT_TRUE(header->text().contains(QStringLiteral("Training goes on")))
      << header->text().toStdString();
  QTest::mouseClick(panel.applyButton(), Qt::LeftButton);
  EXPECT_TRUE(header->text().contains(QStringLiteral("Pause training first")));
  EXPECT_EQ(runner.latestSnapshot()->state, RunState::Running);
  runner.pause();
}

TEST(BackpropPanel, SaturatedUnitsAreMarked) {
  Network network(NetworkSpec{1, {{1, Activation::Sigmoid}}, false});
  network.layer(0).weights(0, 0) = 10.0;  // σ(10) ≈ 0.99995: σ' ≈ 4.5e-5
  const Dataset data = Dataset::fromMatrices(Matrix::Ones(1, 1), Matrix::Zero(1, 1));
  const ExplainedUpdate e = explainNextUpdate(Trainer(network, data, {}));
  const QString html = backpropStepHtml(e, {BackpropStep::Kind::Backward, 0}, 0);
  EXPECT_TRUE(html.contains(QStringLiteral("is saturated"))) << html.toStdString();
  QTextBrowser shown;  // the whole sentence reaches the reader ("<" would open a tag)
  shown.setHtml(html);
  EXPECT_TRUE(shown.toPlainText().contains(QStringLiteral("< 0.01, so its weights barely learn")))
      << shown.toPlainText().toStdString();
  network.layer(0).weights(0, 0) = 0.5;
  const ExplainedUpdate calm = explainNextUpdate(Trainer(network, data, {}));
  EXPECT_FALSE(backpropStepHtml(calm, {BackpropStep::Kind::Backward, 0}, 0)
                   .contains(QStringLiteral("is saturated")));
}

TEST(BackpropPanel, LookAheadWarnsOfAnOvershootAsTheLearningRateIsTyped) {
  MainWindow window(seedPreset());
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  window.showBackprop();
  BackpropPanel* panel = window.backprop();
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel->lookAhead().has_value(); }, kTimeoutMs));
  EXPECT_EQ(panel->lookAhead()->learningRate, 1.0);
  EXPECT_LT(panel->lookAhead()->after, panel->lookAhead()->before);
  QLineEdit* rate = window.controls()->learningRateBox();
  rate->selectAll();
  QTest::keyClicks(rate, QStringLiteral("200"));
  QTest::keyClick(rate, Qt::Key_Return);
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return panel->lookAhead()->learningRate == 200.0; }, kTimeoutMs));
  EXPECT_GT(panel->lookAhead()->after, panel->lookAhead()->before);
  EXPECT_TRUE(panel->lookAheadLabel()->text().contains(QStringLiteral("overshoots")))
      << panel->lookAheadLabel()->text().toStdString();
}

}  // namespace
}  // namespace nnlab

#include "ui/window/launch_options.h"

namespace nnlab {
namespace {

TEST(BackpropPanel, ScriptedExplainOptionsAreReadAndBadStepsRefused) {
  const auto args = [](QStringList rest) {
    rest.prepend(QStringLiteral("nnlab"));
    return LaunchOptions::parse(rest);
  };
  LaunchOptions options = args({QStringLiteral("--explain")});
  EXPECT_TRUE(options.explain);
  EXPECT_EQ(options.explainStep, -1);
  EXPECT_TRUE(options.scripted());
  options = args({QStringLiteral("--explain-step"), QStringLiteral("3")});
  EXPECT_TRUE(options.explain);
  EXPECT_EQ(options.explainStep, 3);
  EXPECT_TRUE(options.error.isEmpty());
  EXPECT_FALSE(args({QStringLiteral("--explain-step"), QStringLiteral("0")}).error.isEmpty());
  EXPECT_FALSE(args({QStringLiteral("--explain-step"), QStringLiteral("x")}).error.isEmpty());
}

}  // namespace
}  // namespace nnlab
