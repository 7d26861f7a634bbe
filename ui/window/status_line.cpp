#include "ui/window/status_line.h"

#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <algorithm>
#include <cmath>

#include "core/training_runner.h"

namespace nnlab {

namespace {

QString stateOf(const TrainingSnapshot& snapshot) {
  const QString detail = QString::fromStdString(snapshot.message);
  if (snapshot.state == RunState::Running) return StatusLine::tr("Running");
  if (snapshot.state == RunState::Stopped) return StatusLine::tr("Stopped");
  switch (snapshot.reason) {
    case PauseReason::None:
      return StatusLine::tr("Paused — press Train (Space) or Step (→) to start");
    case PauseReason::StepDone:
      return StatusLine::tr("Paused after Step");
    case PauseReason::MaxEpochs:
      // Train and Step do nothing more until the stop moves: say where it is.
      return StatusLine::tr("Paused at the stop epoch %1 — raise “Stop at epoch” to train on")
          .arg(QLocale().toString(snapshot.stopConditions.maxEpochs));
    case PauseReason::LossGoal:
      return StatusLine::tr("Paused: loss goal reached");
    case PauseReason::Diverged:
      return StatusLine::tr("Diverged: %1").arg(detail);
    case PauseReason::Converged:
      return StatusLine::tr("Converged: every training row is classified right");
    case PauseReason::EarlyStop:
      return StatusLine::tr("Stopped early — %1").arg(detail);
    default:
      return StatusLine::tr("Paused");
  }
}

// The perceptron convergence theorem: on linearly separable data the rule makes only finitely
// many mistakes. Still wrong after this many epochs, the data is (almost surely) not separable.
constexpr long long kPerceptronPatience = 100;

/// Why a perceptron keeps failing, or empty.
QString perceptronNote(const TrainingSnapshot& snapshot) {
  if (snapshot.settings.optimizer.kind != OptimizerKind::Perceptron) return {};
  if (snapshot.epoch < kPerceptronPatience || !snapshot.trainAccuracy ||
      *snapshot.trainAccuracy >= 1.0)
    return {};
  return StatusLine::tr(
      "no straight line separates these classes, so one step unit never gets "
      "them all right (like XOR)");
}

QString speedOf(double epochsPerSecond) {
  if (epochsPerSecond >= 1e6)
    return StatusLine::tr("%1 M epochs/s").arg(epochsPerSecond / 1e6, 0, 'f', 2);
  if (epochsPerSecond >= 1e4)
    return StatusLine::tr("%1 k epochs/s").arg(epochsPerSecond / 1e3, 0, 'f', 1);
  return StatusLine::tr("%1 epochs/s").arg(epochsPerSecond, 0, 'f', 0);
}

}  // namespace

StatusLine::StatusLine(QWidget* parent)
    : QWidget(parent),
      m_epoch(new QLabel(this)),
      m_loss(new QLabel(this)),
      m_speed(new QLabel(this)),
      m_testLoss(new QLabel(this)),
      m_accuracy(new QLabel(this)),
      m_state(new QLabel(this)),
      m_message(new QLabel(this)) {
  m_epoch->setToolTip(
      tr("An epoch is one pass over every row of the data, with the weight "
         "updates it brings."));
  m_loss->setToolTip(
      tr("The loss of the current weights over all rows: how far the predictions "
         "are from the targets (SSE: sum of squared errors)."));
  m_speed->setToolTip(tr("Epochs trained per second, measured."));
  m_testLoss->setToolTip(
      tr("The loss on the test rows, which the network never trains on: how well it does on "
         "data it has not seen."));
  m_accuracy->setToolTip(
      tr("Share of rows classified right (the output on the right side of 0.5, or the most "
         "probable class), on the training rows and on the test rows."));
  m_state->setToolTip(tr("What the trainer is doing, and why it stopped."));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 0, 4, 0);
  // The numbers on the right stay whole; a long state (a divergence, a note in Chinese) gives
  // way, and its tooltip holds all of it.
  m_state->setMinimumWidth(0);
  m_state->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  layout->addWidget(m_state, 1);
  m_message->setObjectName(QStringLiteral("statusMessage"));
  m_message->setTextFormat(Qt::PlainText);
  QFont bold = m_message->font();
  bold.setBold(true);
  m_message->setFont(bold);
  m_message->setMinimumWidth(0);
  m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  m_message->hide();
  layout->addWidget(m_message, 1);
  for (QLabel* label : {m_epoch, m_loss, m_testLoss, m_accuracy, m_speed}) {
    label->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(label);
  }
  m_testLoss->hide();
  m_accuracy->hide();
  m_speed->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("000.0 k epochs/s")));
  m_loss->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("SSE 0.000000e-00")));
}

void StatusLine::showSnapshot(const TrainingSnapshot& snapshot) {
  m_epoch->setText(tr("Epoch %1").arg(QLocale().toString(snapshot.epoch)));
  const auto label = lossLabel(snapshot.settings.loss);
  const QString name = QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
  m_loss->setText(std::isfinite(snapshot.loss)
                      ? QStringLiteral("%1 %2").arg(name).arg(snapshot.loss, 0, 'g', 4)
                      : QStringLiteral("%1 —").arg(name));
  // Paused, "0 epochs/s" would read as "too slow": show the rate of the last run, dimmed, or
  // a dash before the first.
  const bool running = snapshot.state == RunState::Running;
  if (running && snapshot.epochsPerSecond > 0) m_lastRate = snapshot.epochsPerSecond;
  if (snapshot.epoch == 0) m_lastRate = running ? m_lastRate : 0.0;  // reset or new network
  m_speed->setText(m_lastRate > 0 ? speedOf(m_lastRate) : tr("— epochs/s"));
  m_speed->setForegroundRole(running ? QPalette::WindowText : QPalette::PlaceholderText);
  m_speed->setToolTip(running ? tr("Epochs trained per second, measured.")
                              : tr("Epochs per second measured while training last ran."));
  const QString note = perceptronNote(snapshot);
  m_state->setText(note.isEmpty() ? stateOf(snapshot)
                                  : QStringLiteral("%1 — %2").arg(stateOf(snapshot), note));
  // The whole text, should the window be too narrow for it.
  m_state->setToolTip(
      note.isEmpty()
          ? QStringLiteral("%1\n\n%2")
                .arg(stateOf(snapshot), tr("What the trainer is doing, and why it stopped."))
          : tr("<p>Still misclassifying rows after %1 epoch(s). The perceptron rule finds a "
               "separating line whenever one exists (the perceptron convergence theorem); a "
               "single step unit can draw nothing but a straight line, so data no straight line "
               "separates, like XOR, needs a hidden layer (try the xor-2-2-1 preset).</p>",
               nullptr, static_cast<int>(std::min<long long>(snapshot.epoch, 1000)))
                .arg(QLocale().toString(snapshot.epoch)));
  showQuality(snapshot, name);
}

void StatusLine::showQuality(const TrainingSnapshot& snapshot, const QString& lossName) {
  const auto percent = [](double share) {
    return QStringLiteral("%1%").arg(100.0 * share, 0, 'f', 1);
  };
  m_testLoss->setVisible(snapshot.testLoss.has_value());
  m_testLoss->setText(snapshot.testLoss
                          ? tr("test %1 %2").arg(lossName).arg(*snapshot.testLoss, 0, 'g', 4)
                          : QString());
  QString accuracy;
  if (snapshot.trainAccuracy) accuracy = tr("accuracy %1").arg(percent(*snapshot.trainAccuracy));
  if (snapshot.testAccuracy) {
    accuracy = accuracy.isEmpty()
                   ? tr("test accuracy %1").arg(percent(*snapshot.testAccuracy))
                   : tr("%1 · test %2").arg(accuracy, percent(*snapshot.testAccuracy));
  }
  m_accuracy->setVisible(!accuracy.isEmpty());
  m_accuracy->setText(accuracy);
}

void StatusLine::showMessage(const QString& message) {
  m_message->setText(message);
  m_message->setToolTip(message);
  m_message->setVisible(!message.isEmpty());
  m_state->setVisible(message.isEmpty());
}

QString StatusLine::stateText() const { return m_state->text(); }
QString StatusLine::lossText() const { return m_loss->text(); }
QString StatusLine::epochText() const { return m_epoch->text(); }
QString StatusLine::speedText() const { return m_speed->text(); }
QString StatusLine::testLossText() const { return m_testLoss->text(); }
QString StatusLine::accuracyText() const { return m_accuracy->text(); }

}  // namespace nnlab
