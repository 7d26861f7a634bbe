#include "ui/output/decision_map_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/training_runner.h"
#include "ui/output/curve_view.h"
#include "ui/output/decision_map_view.h"

namespace nnlab {

DecisionMapPanel::DecisionMapPanel(QWidget* parent)
    : QWidget(parent),
      m_pages(new QStackedWidget(this)),
      m_view(new DecisionMapView(this)),
      m_discretize(new QCheckBox(tr("Discretize"), this)),
      m_class(new QComboBox(this)),
      m_hint(new QLabel(tr("The output map appears when the data has 2 inputs."), this)),
      m_curve(new CurveView(this)),
      m_contributions(new QToolButton(this)) {
  m_discretize->setToolTip(
      tr("Show only the decision: which side of the threshold (or which class) each point "
         "falls on, without the network's confidence."));
  m_class->setToolTip(tr("The class a click on the map adds (Shift+click adds the other one)."));
  m_hint->setWordWrap(true);
  m_hint->setAlignment(Qt::AlignCenter);
  m_hint->setForegroundRole(QPalette::PlaceholderText);

  auto* mapPage = new QWidget(this);
  m_controls = new QWidget(mapPage);
  auto* controls = new QHBoxLayout(m_controls);
  controls->setContentsMargins(0, 0, 0, 0);
  controls->addWidget(m_discretize);
  controls->addStretch();
  controls->addWidget(new QLabel(tr("Click adds"), m_controls));
  controls->addWidget(m_class);
  auto* mapLayout = new QVBoxLayout(mapPage);
  mapLayout->setContentsMargins(0, 0, 0, 0);
  mapLayout->addWidget(m_view, 1);
  mapLayout->addWidget(m_controls);
  m_pages->addWidget(mapPage);
  m_pages->addWidget(m_hint);
  m_pages->addWidget(createCurvePage());
  m_pages->setCurrentWidget(m_hint);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_pages, 1);

  connect(m_discretize, &QCheckBox::toggled, m_view, &DecisionMapView::setDiscretize);
  connect(m_class, &QComboBox::currentIndexChanged, m_view, &DecisionMapView::setSelectedClass);
  connect(m_view, &DecisionMapView::classesChanged, this, &DecisionMapPanel::fillClasses);
  fillClasses();
}

QWidget* DecisionMapPanel::createCurvePage() {
  m_contributions->setToolTip(
      tr("Show each hidden neuron's share of the output, its output times its weight to the "
         "output neuron, instead of its output: the network's curve is their sum plus the bias."));
  // A toggle button, not a check box: the window's one check box near the chart is Log scale.
  m_contributions->setText(tr("Contributions (a·w)"));
  m_contributions->setCheckable(true);
  m_curvePage = new QWidget(this);
  auto* layout = new QVBoxLayout(m_curvePage);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_curve, 1);
  // In a row of its own, as the map's controls are.
  auto* controls = new QWidget(m_curvePage);
  auto* row = new QHBoxLayout(controls);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(m_contributions);
  row->addStretch();
  layout->addWidget(controls);
  connect(m_contributions, &QToolButton::toggled, m_curve, &CurveView::setContributions);
  connect(m_curve, &CurveView::contributionsAvailableChanged, m_contributions,
          &QToolButton::setEnabled);
  m_contributions->setEnabled(false);
  return m_curvePage;
}

bool DecisionMapPanel::mapShown() const { return m_pages->currentIndex() == 0; }

bool DecisionMapPanel::curveShown() const { return m_pages->currentWidget() == m_curvePage; }

void DecisionMapPanel::showSnapshot(const TrainingSnapshot& snapshot) {
  const bool applies = DecisionMapView::applies(snapshot);
  if (!applies && CurveView::applies(snapshot)) {
    m_pages->setCurrentWidget(m_curvePage);
    m_curve->showSnapshot(snapshot);
    return;
  }
  m_pages->setCurrentIndex(applies ? 0 : 1);
  if (!applies) return;
  // Classes to decide between, or values to fit (sine, plane): only classes have a decision to
  // discretize and a class for a click to add.
  const bool classes = snapshot.trainAccuracy.has_value();
  m_view->setClassification(classes);
  m_controls->setVisible(classes);
  if (!classes && m_discretize->isChecked()) m_discretize->setChecked(false);
  m_view->showSnapshot(snapshot);
}

void DecisionMapPanel::fillClasses() {
  const QSignalBlocker blocker(m_class);
  m_class->clear();
  for (int i = 0; i < m_view->classCount(); ++i)
    m_class->addItem(tr("class %1").arg(m_view->className(i)));
  m_class->setCurrentIndex(m_view->selectedClass());
}

}  // namespace nnlab
