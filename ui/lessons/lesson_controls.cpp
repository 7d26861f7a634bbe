#include "ui/lessons/lesson_controls.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <utility>

#include "ui/backprop/backprop_panel.h"
#include "ui/chart/loss_chart.h"
#include "ui/chart/stop_panel.h"
#include "ui/data/dataset_panel.h"
#include "ui/network/architecture_panel.h"
#include "ui/network/network_view.h"
#include "ui/network/neuron_inspector.h"
#include "ui/output/decision_map_panel.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"

namespace nnlab {

namespace {

QToolButton* buttonOf(QAction* action) {
  for (QObject* object : action->associatedObjects())
    if (auto* button = qobject_cast<QToolButton*>(object)) return button;
  return nullptr;
}

std::vector<std::pair<QString, QWidget*>> controlsOf(MainWindow& window) {
  ControlBar* bar = window.controls();
  return {
      {QStringLiteral("trainButton"), bar->trainButton()},
      {QStringLiteral("stepButton"), bar->stepButton()},
      {QStringLiteral("stepCount"), bar->stepCount()},
      {QStringLiteral("resetButton"), buttonOf(bar->resetAction())},
      {QStringLiteral("seedBox"), bar->seedBox()},
      {QStringLiteral("learningRate"), bar->learningRateBox()},
      {QStringLiteral("learningRateSlider"), bar->learningRateSlider()},
      {QStringLiteral("speedSlider"), bar->speedSlider()},
      {QStringLiteral("dataTable"), window.dataPanel()->view()},
      {QStringLiteral("networkView"), window.networkView()},
      {QStringLiteral("architecture"), window.architecture()},
      {QStringLiteral("inspector"), window.inspector()},
      {QStringLiteral("lossChart"), window.lossChart()},
      {QStringLiteral("stopPanel"), window.stopPanel()},
      {QStringLiteral("revertButton"), window.stopPanel()->revertButton()},
      {QStringLiteral("decisionMap"), window.decisionMap()},
      {QStringLiteral("backprop"), window.backprop()},
  };
}

}  // namespace

void LessonControls::nameControls(MainWindow& window) {
  for (const auto& [name, widget] : controlsOf(window))
    if (widget && widget->objectName().isEmpty()) widget->setObjectName(name);
}

QStringList LessonControls::names() {
  return {QStringLiteral("trainButton"),
          QStringLiteral("stepButton"),
          QStringLiteral("stepCount"),
          QStringLiteral("resetButton"),
          QStringLiteral("seedBox"),
          QStringLiteral("learningRate"),
          QStringLiteral("learningRateSlider"),
          QStringLiteral("speedSlider"),
          QStringLiteral("dataTable"),
          QStringLiteral("networkView"),
          QStringLiteral("architecture"),
          QStringLiteral("inspector"),
          QStringLiteral("lossChart"),
          QStringLiteral("stopPanel"),
          QStringLiteral("revertButton"),
          QStringLiteral("decisionMap"),
          QStringLiteral("backprop")};
}

QWidget* LessonControls::find(MainWindow& window, const QString& name) {
  nameControls(window);
  if (window.objectName() == name) return &window;
  return window.findChild<QWidget*>(name);
}

void LessonControls::setLocked(QWidget* control, bool locked) {
  if (!control) return;
  control->setEnabled(!locked);
  if (auto* button = qobject_cast<QToolButton*>(control); button && button->defaultAction())
    button->defaultAction()->setEnabled(!locked);
}

LessonHighlight::LessonHighlight(QWidget* target) : QWidget(target), m_target(target) {
  setAttribute(Qt::WA_TransparentForMouseEvents);
  setAttribute(Qt::WA_NoSystemBackground);
  setObjectName(QStringLiteral("lessonHighlight"));
  setGeometry(target->rect());
  target->installEventFilter(this);
  raise();
  show();
}

bool LessonHighlight::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_target && event->type() == QEvent::Resize) {
    setGeometry(m_target->rect());
    raise();
  }
  return false;
}

void LessonHighlight::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  // Magenta: legible on light and dark palettes, and unlike the weights' blue and orange.
  QPen pen(QColor(214, 0, 170), 3);
  painter.setPen(pen);
  painter.drawRoundedRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5), 4, 4);
}

}  // namespace nnlab
