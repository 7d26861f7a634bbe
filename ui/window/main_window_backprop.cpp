// MainWindow's Backprop view: a dock under the panels, opened from the network panel's
// Backprop button, View ▸ Backprop step by step, or Ctrl+B.
#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QDockWidget>

#include "ui/backprop/backprop_panel.h"
#include "ui/data/dataset_panel.h"
#include "ui/network/network_view.h"
#include "ui/network/weight_legend.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

// What a step computes, in the graph's terms: neuron columns (0 = inputs) and edge layers.
std::pair<std::vector<int>, std::vector<int>> focusOf(const BackpropStep& step, int layers) {
  switch (step.kind) {
    case BackpropStep::Kind::Forward:
    case BackpropStep::Kind::Backward:
      return {{step.layer, step.layer + 1}, {step.layer}};
    case BackpropStep::Kind::Loss:
      return {{layers}, {}};
    case BackpropStep::Kind::Update:
      break;
  }
  std::vector<int> all(static_cast<std::size_t>(layers));
  for (int l = 0; l < layers; ++l) all[static_cast<std::size_t>(l)] = l;
  return {{}, all};
}

}  // namespace

void MainWindow::createBackprop() {
  m_backpropDock = new QDockWidget(tr("Backprop: one update, step by step"), this);
  m_backpropDock->setObjectName(QStringLiteral("backpropDock"));
  m_backprop = new BackpropPanel(*m_runner, m_backpropDock);
  m_backpropDock->setWidget(m_backprop);
  addDockWidget(Qt::BottomDockWidgetArea, m_backpropDock);
  if (auto* button = m_backpropDock->findChild<QAbstractButton*>("qt_dockwidget_floatbutton"))
    button->setToolTip(tr("Detach the Backprop view into a window of its own, or dock it again"));
  if (auto* button = m_backpropDock->findChild<QAbstractButton*>("qt_dockwidget_closebutton"))
    button->setToolTip(tr("Close the Backprop view (Ctrl+B opens it again)"));
  m_backpropDock->hide();
  // Not the dock's own toggle action: opening goes through showBackprop(), which floats the
  // view on a short window.
  m_backpropAction = new QAction(tr("&Backprop step by step"), this);
  m_backpropAction->setIconText(tr("Backprop"));
  m_backpropAction->setCheckable(true);
  connect(m_backpropAction, &QAction::triggered, this, [this](bool open) {
    if (open)
      showBackprop();
    else
      m_backpropDock->hide();
  });
  m_backpropAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
  m_backpropAction->setToolTip(
      tr("Walk through one update of the network: forward, loss, backward, update (Ctrl+B)"));
  connect(m_backprop, &BackpropPanel::stepChanged, this, [this](const BackpropStep& step) {
    const auto [columns, edges] = focusOf(step, m_graph->layerColumns() - 1);
    m_graph->setStepFocus(columns, edges);
  });
  connect(m_backpropDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
    m_backpropAction->setChecked(m_backpropDock->isVisible());
    if (!visible) m_graph->setStepFocus({}, {});
  });
  createEdgeMeasureActions();
  connect(m_graph, &NetworkView::neuronClicked, m_backprop, &BackpropPanel::setSelectedNeuron);
  m_controls->addTool(m_backpropAction);
  connect(m_graph, &NetworkView::edgeClicked, this, [this](int layer, int from, int to) {
    if (m_backpropDock->isVisible()) m_backprop->showWeight(layer, from, to);
  });
  connect(m_controls, &ControlBar::learningRateChanged, m_backprop,
          &BackpropPanel::setLookAheadRate);
  connect(m_data, &DatasetPanel::selectedSampleChanged, m_backprop, &BackpropPanel::showDatasetRow);
}

// View ▸ Edges show: the weights, the last update's gradients ∂L/∂w, or its changes Δw.
void MainWindow::createEdgeMeasureActions() {
  auto* group = new QActionGroup(this);
  const auto add = [&](const QString& text, const QString& tip, NetworkView::EdgeMeasure measure,
                       const QString& legendTitle) {
    QAction* action = group->addAction(text);
    action->setCheckable(true);
    action->setToolTip(tip);
    connect(action, &QAction::toggled, this, [this, measure, legendTitle](bool on) {
      if (!on) return;
      m_graph->setEdgeMeasure(measure);
      m_legend->setTitle(legendTitle);
      m_legend->setRange(m_graph->edgeRange());
    });
    return action;
  };
  m_weightsAction =
      add(tr("Edges show &weights w"), tr("Colour and size the graph's edges by their weights"),
          NetworkView::EdgeMeasure::Weight, tr("weight"));
  m_weightsAction->setChecked(true);
  m_gradientAction =
      add(tr("Edges show &gradients ∂L/∂w"),
          tr("Colour and size the edges by the last update's gradient ∂L/∂w; the neurons show "
             "δ = ∂L/∂z of the selected row; dashed red rings mark saturated neurons (Ctrl+G)"),
          NetworkView::EdgeMeasure::Gradient, tr("∂L/∂w"));
  m_gradientAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
  m_changeAction = add(tr("Edges show the last &change Δw"),
                       tr("Colour and size the edges by the change Δw the last update made; the "
                          "neurons show δ = ∂L/∂z of the selected row (Ctrl+Shift+G)"),
                       NetworkView::EdgeMeasure::Change, tr("Δw"));
  m_changeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
}

void MainWindow::showBackprop() {
  // Docked under the panels where the window is tall enough for both; otherwise (a small
  // laptop's 700 px) over the window's lower part, as a tool window that can be moved away.
  constexpr int kDockHeight = 300;
  constexpr int kTallEnough = 650 + kDockHeight;
  if (!m_backpropDock->isVisible()) {
    const bool floating = height() < kTallEnough;
    m_backpropDock->setFloating(floating);
    if (floating) {
      const QRect frame = geometry();
      m_backpropDock->setGeometry(frame.left() + frame.width() / 20, frame.bottom() - kDockHeight,
                                  frame.width() * 9 / 10, kDockHeight);
    } else {
      resizeDocks({m_backpropDock}, {kDockHeight}, Qt::Vertical);
    }
  }
  m_backpropDock->show();
  m_backpropDock->raise();
  m_backprop->setFocus();
}

}  // namespace nnlab
