// The main window's graph and its editing: the architecture, the neuron inspector, the weight
// editor and its undo. (The rest of the window: main_window_test.cpp.)
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>

#include "tests/ui/main_window_fixture.h"
#include "ui/network/architecture_panel.h"
#include "ui/network/network_view.h"
#include "ui/network/neuron_inspector.h"
#include "ui/network/weight_editor.h"
#include "ui/window/control_bar.h"
#include "ui/window/status_line.h"

namespace nnlab {
namespace {

TEST_F(MainWindowTest, AddingAHiddenLayerRebuildsTheGraph) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  const int rebuilds = m_window->networkView()->rebuildCount();
  QPushButton* add = nullptr;
  for (QPushButton* button : m_window->architecture()->findChildren<QPushButton*>())
    if (button->text() == QStringLiteral("+ layer")) add = button;
  ASSERT_NE(add, nullptr);
  QTest::mouseClick(add, Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.network.layerCount() == 3; }));
  EXPECT_EQ(m_window->networkView()->neuronCount(), 3 + 4 + 4 + 1);
  EXPECT_GT(m_window->networkView()->rebuildCount(), rebuilds);
  EXPECT_EQ(m_window->architecture()->hiddenLayerCount(), 2);
}

/// Every layer's units box and activation combo is on screen inside the architecture panel.
void expectLayerEditorsShown(ArchitecturePanel* panel, int layers) {
  const QList<QSpinBox*> boxes = panel->unitBoxes();
  const QList<QComboBox*> combos = panel->activationCombos();
  ASSERT_EQ(boxes.size(), layers);
  ASSERT_EQ(combos.size(), layers);
  QList<QWidget*> editors;
  for (QSpinBox* box : boxes) editors.push_back(box);
  for (QComboBox* combo : combos) editors.push_back(combo);
  for (QWidget* editor : editors) {
    EXPECT_TRUE(editor->isVisible());
    EXPECT_FALSE(editor->geometry().isEmpty());
    // Inside the panel from top to bottom; sideways the row may scroll.
    const QRect inPanel(editor->mapTo(panel, QPoint(0, 0)), editor->size());
    EXPECT_GE(inPanel.top(), 0);
    EXPECT_LE(inPanel.bottom(), panel->height());
    const QWidget* viewport = editor->parentWidget()->parentWidget();
    const QRect inViewport(editor->mapTo(viewport, QPoint(0, 0)), editor->size());
    EXPECT_GE(inViewport.top(), 0);
    EXPECT_LE(inViewport.bottom(), viewport->height()) << "cut off by the scroll area";
  }
}

TEST_F(MainWindowTest, LayerEditorsStayVisibleAfterArchitectureChanges) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  ArchitecturePanel* panel = m_window->architecture();
  QPushButton* add = nullptr;
  for (QPushButton* button : panel->findChildren<QPushButton*>())
    if (button->text() == QStringLiteral("+ layer")) add = button;
  ASSERT_NE(add, nullptr);
  QTest::mouseClick(add, Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.network.layerCount() == 3; }));
  QTest::qWait(50);
  expectLayerEditorsShown(panel, 3);

  QSpinBox* h1 = panel->unitBoxes().front();
  h1->setFocus();
  h1->selectAll();
  QTest::keyClicks(h1, QStringLiteral("8"));
  QTest::keyClick(h1, Qt::Key_Return);
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.network.spec().layers.front().units == 8; }));
  QTest::qWait(50);
  expectLayerEditorsShown(panel, 3);
  EXPECT_EQ(panel->unitBoxes().front()->value(), 8);
}

TEST_F(MainWindowTest, ClickingANeuronShowsItsComputation) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  NetworkView* view = m_window->networkView();
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->neuronViewPosition(1, 0));
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return m_window->inspector()->text().contains(QStringLiteral("σ(z)")); }, kTimeoutMs));
  EXPECT_TRUE(m_window->inspector()->text().contains(QStringLiteral("h1")));
}

// One naming scheme everywhere: layers are "hidden 1" (Layers box), units "h1.1" (graph,
// inspector, edges), so "h1" never means a layer in one place and a unit in another.
TEST_F(MainWindowTest, LayersAndUnitsAreNamedOneWayEverywhere) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  QStringList layerLabels;
  for (auto* label : m_window->architecture()->findChildren<QLabel*>())
    layerLabels << label->text();
  EXPECT_TRUE(layerLabels.contains(QStringLiteral("hidden 1")))
      << layerLabels.join('|').toStdString();
  EXPECT_FALSE(layerLabels.contains(QStringLiteral("h1")));
  NetworkView* view = m_window->networkView();
  EXPECT_EQ(view->neuronName(1, 0), QStringLiteral("h1.1"));
  EXPECT_EQ(view->neuronName(1, 3), QStringLiteral("h1.4"));
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->neuronViewPosition(1, 2));
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return m_window->inspector()->text().startsWith(QStringLiteral("h1.3 ")); },
      kTimeoutMs))
      << m_window->inspector()->text().toStdString();
}

/// The line under the graph while nothing is hovered.
QString graphCaption(const MainWindow& window) {
  for (auto* label : window.findChildren<QLabel*>())
    if (label->text().startsWith(QStringLiteral("Neurons: "))) return label->text();
  return {};
}

// The key under the graph names biases' squares only where the network has biases.
TEST_F(MainWindowTest, TheGraphCaptionMentionsBiasesOnlyWhenThereAreSome) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  ASSERT_FALSE(latest()->network.spec().bias);  // the seed has none
  EXPECT_FALSE(graphCaption(*m_window).isEmpty());
  EXPECT_FALSE(graphCaption(*m_window).contains(QStringLiteral("biases")));
  MainWindow withBiases(*findPreset("mp-and"));
  withBiases.show();
  ASSERT_TRUE(QTest::qWaitFor([&] { return withBiases.shownSnapshot() != nullptr; }, kTimeoutMs));
  ASSERT_TRUE(withBiases.shownSnapshot()->network.spec().bias);
  EXPECT_TRUE(graphCaption(withBiases).contains(QStringLiteral("Squares: biases")));
}

TEST_F(MainWindowTest, EditingAWeightRefusesTextAndAppliesNumbers) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  m_window->editWeight(0, 1, 2, m_window->mapToGlobal(QPoint(100, 100)));
  auto* editor = qobject_cast<WeightEditor*>(QApplication::activePopupWidget());
  ASSERT_NE(editor, nullptr);
  editor->lineEdit()->setText(QStringLiteral("abc"));
  QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
  EXPECT_TRUE(editor->isVisible());
  editor->lineEdit()->setText(QStringLiteral("0.625"));
  QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
  ASSERT_TRUE(QTest::qWaitFor([&] { return latest()->network.layer(0).weights(1, 2) == 0.625; },
                              kTimeoutMs));
}

TEST_F(MainWindowTest, DoubleClickingAnEdgeEditsItsWeightInPlaceAndTrainingGoesOnFromIt) {
  m_window->controls()->stepCount()->setValue(5);
  QTest::mouseClick(m_window->controls()->stepButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown(
      [](const TrainingSnapshot& s) { return s.epoch == 5 && s.state == RunState::Paused; }));
  const double before = latest()->network.layer(1).weights(2, 0);
  NetworkView* view = m_window->networkView();
  QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->edgeViewPosition(1, 2, 0));
  auto* editor = qobject_cast<WeightEditor*>(QApplication::activePopupWidget());
  ASSERT_NE(editor, nullptr);
  editor->lineEdit()->selectAll();
  QTest::keyClicks(editor->lineEdit(), QStringLiteral("-3.5"));
  QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
  ASSERT_TRUE(QTest::qWaitFor([&] { return latest()->network.layer(1).weights(2, 0) == -3.5; },
                              kTimeoutMs));
  EXPECT_EQ(latest()->epoch, 5);  // the same run goes on, not a new one
  QTest::mouseClick(m_window->controls()->stepButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.epoch == 10; }));
  const double trained = latest()->network.layer(1).weights(2, 0);
  EXPECT_NE(trained, -3.5);
  // Five steps from the typed value, not from the old one.
  EXPECT_LT(std::abs(trained - -3.5), std::abs(trained - before));
}

TEST_F(MainWindowTest, CtrlZPutsBackATypedWeightAndOnlyIt) {
  ASSERT_TRUE(waitShown([](const TrainingSnapshot&) { return true; }));
  const Network before = latest()->network;
  m_window->editWeight(0, 1, 2, m_window->mapToGlobal(QPoint(100, 100)));
  auto* editor = qobject_cast<WeightEditor*>(QApplication::activePopupWidget());
  ASSERT_NE(editor, nullptr);
  editor->lineEdit()->setText(QStringLiteral("2.5"));
  QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return latest()->network.layer(0).weights(1, 2) == 2.5; }, kTimeoutMs));
  // The shortcut belongs to the window: it works once the closed editor has given focus back.
  ASSERT_TRUE(QTest::qWaitFor([] { return QApplication::activePopupWidget() == nullptr; }));
  m_window->activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
  QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return latest()->network.layer(0).weights(1, 2) == before.layer(0).weights(1, 2); },
      kTimeoutMs));
  EXPECT_EQ(latest()->network.layer(0).weights, before.layer(0).weights);
  EXPECT_EQ(latest()->dataset->rows(), 4);  // the data was not touched
  QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
  EXPECT_TRUE(
      QTest::qWaitFor([&] { return latest()->network.layer(0).weights(1, 2) == 2.5; }, kTimeoutMs));
}

TEST_F(MainWindowTest, EditingAWeightIsRefusedWithAMessageWhileTraining) {
  QTest::mouseClick(m_window->controls()->trainButton(), Qt::LeftButton);
  ASSERT_TRUE(waitShown([](const TrainingSnapshot& s) { return s.state == RunState::Running; }));
  NetworkView* view = m_window->networkView();
  QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->edgeViewPosition(1, 2, 0));
  EXPECT_EQ(QApplication::activePopupWidget(), nullptr);
  EXPECT_TRUE(m_window->statusBar()->currentMessage().contains(QStringLiteral("Pause")));
  QLabel* shown = m_window->statusLine()->messageLabel();
  EXPECT_TRUE(shown->isVisible());
  EXPECT_TRUE(shown->text().contains(QStringLiteral("Pause")));
}

}  // namespace
}  // namespace nnlab
