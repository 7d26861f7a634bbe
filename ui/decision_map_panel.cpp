#include "decision_map_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "decision_map_view.h"
#include "training_runner.h"

namespace nnlab {

DecisionMapPanel::DecisionMapPanel(QWidget* parent)
    : QWidget(parent),
      m_pages(new QStackedWidget(this)),
      m_view(new DecisionMapView(this)),
      m_discretize(new QCheckBox(tr("Discretize"), this)),
      m_class(new QComboBox(this)),
      m_hint(new QLabel(tr("The output map appears when the data has 2 inputs."), this)) {
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
  m_pages->setCurrentWidget(m_hint);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_pages, 1);

  connect(m_discretize, &QCheckBox::toggled, m_view, &DecisionMapView::setDiscretize);
  connect(m_class, &QComboBox::currentIndexChanged, m_view, &DecisionMapView::setSelectedClass);
  connect(m_view, &DecisionMapView::classesChanged, this, &DecisionMapPanel::fillClasses);
  fillClasses();
}

bool DecisionMapPanel::mapShown() const { return m_pages->currentWidget() != m_hint; }

void DecisionMapPanel::showSnapshot(const TrainingSnapshot& snapshot) {
  const bool applies = DecisionMapView::applies(snapshot);
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
