#include "ui/chart/stop_panel.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/common/labelled_field.h"
#include "ui/common/limited_spin_box.h"
#include "ui/data/dataset_model.h"

namespace nnlab {

namespace {

QString goalText(double goal) { return goal > 0 ? QString::number(goal, 'g', 6) : QString(); }

// A count from a session or the command line may exceed what a spin box holds: it shows the
// largest it can rather than a wrapped-around number.
int boxValue(long long count) {
  return static_cast<int>(std::clamp<long long>(count, 0, std::numeric_limits<int>::max()));
}

}  // namespace

StopPanel::StopPanel(QWidget* parent)
    : QWidget(parent),
      m_maxEpochs(new LimitedSpinBox(this)),
      m_lossGoal(new QLineEdit(this)),
      m_patience(new LimitedSpinBox(this)),
      m_revert(new QPushButton(tr("Revert to best"), this)) {
  // Counts as large as a number box holds (2³¹ − 1): about 4½ minutes of the seed at full speed
  // (8 M epochs/s), hours for anything larger. Sessions and the runner take larger counts, which
  // show as that largest.
  const QString boxLimit = tr("the largest number a box holds");
  auto* maxEpochs = static_cast<LimitedSpinBox*>(m_maxEpochs);
  maxEpochs->setLimits(0, std::numeric_limits<int>::max(), tr("Stop at epoch"), boxLimit);
  maxEpochs->setDescription(
      tr("Pause when the epoch count reaches this number (never: no limit)."));
  m_maxEpochs->setSpecialValueText(tr("never"));
  m_maxEpochs->setKeyboardTracking(false);
  m_maxEpochs->setGroupSeparatorShown(true);
  m_lossGoal->setPlaceholderText(tr("none"));
  m_lossGoal->setToolTip(
      tr("Pause as soon as the training loss is at or below this value, e.g. "
         "0.001 (empty: no goal)."));
  m_lossGoal->setFixedWidth(m_lossGoal->fontMetrics().horizontalAdvance(QStringLiteral("0.00001")) +
                            16);
  auto* patience = static_cast<LimitedSpinBox*>(m_patience);
  patience->setLimits(0, std::numeric_limits<int>::max(), tr("Early stop after"), boxLimit);
  patience->setDescription(
      tr("<p>Early stopping: pause when the test loss has not reached a new low for this many "
         "epochs (off: never). It needs test rows; it guards against overfitting."));
  m_patience->setSpecialValueText(tr("off"));
  m_patience->setSuffix(tr(" epochs"));
  m_patience->setKeyboardTracking(false);
  for (LimitedSpinBox* box : {maxEpochs, patience})
    connect(box, &LimitedSpinBox::limitHit, this, &StopPanel::refused);
  m_revert->setToolTip(tr("Go back to the weights with the lowest test loss seen so far."));
  m_revert->setEnabled(false);

  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  addLabelledField(*layout, tr("Stop at epoch"), m_maxEpochs, 0, 0);
  addLabelledField(*layout, tr("or loss ≤"), m_lossGoal, 0, 2);
  addLabelledField(*layout, tr("Early stop after"), m_patience, 1, 0);
  layout->addWidget(m_revert, 1, 2, 1, 2);
  layout->setColumnStretch(4, 1);

  connect(m_maxEpochs, &QSpinBox::valueChanged, this, &StopPanel::request);
  connect(m_patience, &QSpinBox::valueChanged, this, &StopPanel::request);
  connect(m_lossGoal, &QLineEdit::editingFinished, this, &StopPanel::request);
  connect(m_revert, &QPushButton::clicked, this, &StopPanel::revertRequested);
}

void StopPanel::request() {
  StopConditions conditions;
  conditions.maxEpochs = m_maxEpochs->value();
  conditions.earlyStopPatience = m_patience->value();
  const QString text = m_lossGoal->text().trimmed();
  if (!text.isEmpty()) {
    const std::optional<double> goal = DatasetModel::parseNumber(text);
    if (!goal || *goal < 0) {
      emit refused(
          tr("Loss goal \"%1\" refused: type a number ≥ 0, or nothing for no goal.").arg(text));
      m_lossGoal->setText(goalText(m_shown.lossGoal));
      return;
    }
    conditions.lossGoal = *goal;
  }
  if (conditions.maxEpochs == m_shown.maxEpochs && conditions.lossGoal == m_shown.lossGoal &&
      conditions.earlyStopPatience == m_shown.earlyStopPatience)
    return;
  m_shown = conditions;
  emit stopConditionsRequested(conditions);
}

void StopPanel::showSnapshot(const TrainingSnapshot& snapshot) {
  const StopConditions& c = snapshot.stopConditions;
  // A snapshot from before the runner took the conditions just typed would put the old ones back.
  const bool changed = snapshot.commandsApplied >= m_expected &&
                       (c.maxEpochs != m_shown.maxEpochs || c.lossGoal != m_shown.lossGoal ||
                        c.earlyStopPatience != m_shown.earlyStopPatience);
  if (changed) {
    m_shown = c;
    const QSignalBlocker maxBlocker(m_maxEpochs);
    const QSignalBlocker patienceBlocker(m_patience);
    if (!m_maxEpochs->hasFocus()) m_maxEpochs->setValue(boxValue(c.maxEpochs));
    if (!m_patience->hasFocus()) m_patience->setValue(boxValue(c.earlyStopPatience));
    if (!m_lossGoal->hasFocus()) m_lossGoal->setText(goalText(c.lossGoal));
  }
  const bool best = snapshot.bestEpoch.has_value();
  m_revert->setEnabled(best);
  m_revert->setToolTip(
      best ? tr("Go back to the weights of epoch %1, which had the lowest test loss so far (%2).")
                 .arg(QLocale().toString(*snapshot.bestEpoch))
                 .arg(*snapshot.bestTestLoss, 0, 'g', 4)
           : tr("Go back to the weights with the lowest test loss seen so far (needs test "
                "rows)."));
}

}  // namespace nnlab
