#include "ui/window/control_bar.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <cmath>
#include <initializer_list>
#include <limits>

#include "core/training_runner.h"
#include "ui/common/limited_spin_box.h"

namespace nnlab {

namespace {

// Learning rate: slider positions 0…kRateSteps map to 10^-4 … 10^1 on a log scale.
constexpr int kRateSteps = 500;
constexpr double kRateMinLog = -4.0;
constexpr double kRateMaxLog = 1.0;
// Typed rates may go beyond the slider: the runner takes any finite rate ≥ 0.
constexpr double kMaxTypedRate = 1000.0;
// Speed: positions 0…kSpeedSteps−1 map to 10^0 … 10^6 epochs/s; the last one is unlimited.
constexpr int kSpeedSteps = 61;
constexpr int kDefaultSpeed = 25;  // ≈ 316 epochs/s: slow enough to watch the seed learn
// One Step is for watching a few updates; a million epochs take 0.1 s on the seed and about a
// minute on the spiral. Longer runs are Train with "Stop at epoch", which can be paused.
constexpr int kMaxStep = 1000000;

double rateAt(int position) {
  return std::pow(10.0, kRateMinLog + (kRateMaxLog - kRateMinLog) * position / kRateSteps);
}

int positionOfRate(double rate) {
  const double t = (std::log10(rate) - kRateMinLog) / (kRateMaxLog - kRateMinLog);
  return static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kRateSteps));
}

QLabel* label(const QString& text, QWidget* buddy, QWidget* parent) {
  auto* name = new QLabel(text, parent);
  name->setBuddy(buddy);
  name->setToolTip(buddy->toolTip());
  return name;
}

}  // namespace

ControlBar::ControlBar(QWidget* parent)
    : QWidget(parent),
      m_stepCount(new LimitedSpinBox(this)),
      m_rateSlider(new QSlider(Qt::Horizontal, this)),
      m_rateBox(new QLineEdit(this)),
      m_speedSlider(new QSlider(Qt::Horizontal, this)),
      m_speedLabel(new QLabel(this)),
      m_seed(new LimitedSpinBox(this)) {
  createActions();
  createRateControls();
  createSpeedControls();
  auto* step = static_cast<LimitedSpinBox*>(m_stepCount);
  step->setLimits(1, kMaxStep, tr("A step"),
                  tr("for longer runs, Train with Stop at epoch, which can be paused"));
  step->setDescription(tr("How many epochs one Step trains."));
  m_stepCount->setValue(1);
  auto* seed = static_cast<LimitedSpinBox*>(m_seed);
  // Seeds are whole numbers as large as a number box holds: every one gives other weights.
  seed->setLimits(0, std::numeric_limits<int>::max(), tr("The seed"),
                  tr("the largest number a box holds; every seed gives other weights"));
  seed->setDescription(
      tr("The random seed Reset draws the first weights from; the same seed "
         "gives the same weights."));
  for (LimitedSpinBox* box : {step, seed})
    connect(box, &LimitedSpinBox::limitHit, this, &ControlBar::refused);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(buttonFor(m_reset));
  m_trainButton = buttonFor(m_train);
  layout->addWidget(m_trainButton);
  m_stepButton = buttonFor(m_step);
  layout->addWidget(m_stepButton);
  layout->addWidget(label(tr("×"), m_stepCount, this));
  layout->addWidget(m_stepCount);
  layout->addSpacing(12);
  layout->addWidget(label(tr("Learning rate"), m_rateSlider, this));
  layout->addWidget(m_rateSlider, 2);
  layout->addWidget(m_rateBox);
  layout->addSpacing(12);
  layout->addWidget(label(tr("Speed"), m_speedSlider, this));
  layout->addWidget(m_speedSlider, 1);
  layout->addWidget(m_speedLabel);
  layout->addSpacing(12);
  layout->addWidget(label(tr("Seed"), m_seed, this));
  layout->addWidget(m_seed);
  for (QWidget* box : std::initializer_list<QWidget*>{m_stepCount, m_rateBox, m_seed})
    box->installEventFilter(this);
}

bool ControlBar::eventFilter(QObject* watched, QEvent* event) {
  auto* box = qobject_cast<QWidget*>(watched);
  if (box != m_stepCount && box != m_rateBox && box != m_seed)
    return QWidget::eventFilter(watched, event);
  if (event->type() == QEvent::ShortcutOverride) {
    // Not accepting the override lets the key go to the window's shortcut instead.
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    if (plain &&
        (key->key() == Qt::Key_Space || key->key() == Qt::Key_R || key->key() == Qt::Key_S))
      return true;
  } else if (event->type() == QEvent::KeyPress) {
    const int key = static_cast<QKeyEvent*>(event)->key();
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
      // The number is taken; the arrows belong to training again.
      QMetaObject::invokeMethod(
          box, [box] { box->clearFocus(); }, Qt::QueuedConnection);
    }
  }
  return QWidget::eventFilter(watched, event);
}

void ControlBar::createActions() {
  m_reset = new QAction(tr("Reset"), this);
  m_reset->setShortcut(QKeySequence(Qt::Key_R));
  m_reset->setToolTip(tr("Draw new random weights from the seed and go back to epoch 0 (R)."));
  m_train = new QAction(tr("Train"), this);
  m_train->setCheckable(true);
  // Space where no box takes it; Ctrl+Space and F5 everywhere, even while typing a number.
  m_train->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::CTRL | Qt::Key_Space),
                         QKeySequence(Qt::Key_F5)});
  m_train->setToolTip(
      tr("Train continuously, one epoch (a pass over every row) after another; "
         "click again to pause (Space; Ctrl+Space or F5 also while typing in a box)."));
  m_step = new QAction(tr("Step"), this);
  m_step->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_S)});
  m_step->setToolTip(tr("Train the number of epochs given next to it, then pause (→ or S)."));
  for (QAction* action : {m_reset, m_train, m_step}) {
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);
  }
  connect(m_reset, &QAction::triggered, this,
          [this] { emit resetRequested(static_cast<quint64>(m_seed->value())); });
  connect(m_train, &QAction::toggled, this, [this](bool on) {
    m_train->setText(on ? tr("Pause") : tr("Train"));
    emit trainToggled(on);
  });
  connect(m_step, &QAction::triggered, this, [this] {
    // Typed but not yet entered: a Step takes the number and leaves the box.
    if (m_stepCount->hasFocus()) {
      m_stepCount->interpretText();
      m_stepCount->clearFocus();
    }
    emit stepRequested(m_stepCount->value());
  });
}

QToolButton* ControlBar::buttonFor(QAction* action) {
  auto* button = new QToolButton(this);
  button->setDefaultAction(action);
  button->setToolButtonStyle(Qt::ToolButtonTextOnly);
  button->setMinimumWidth(64);
  button->setFocusPolicy(Qt::NoFocus);  // Space stays the window's Train/Pause shortcut
  return button;
}

void ControlBar::createRateControls() {
  const QString tip =
      tr("How big a step each weight update takes; too large diverges, too "
         "small learns slowly. Applies at once, without a reset.");
  m_rateSlider->setRange(0, kRateSteps);
  m_rateSlider->setToolTip(tip);
  m_rateSlider->setMinimumWidth(80);
  m_rateBox->setToolTip(tip + tr(" Type any rate from 0 to 1000, e.g. 0.01 or 1e-5."));
  m_rateBox->setMaximumWidth(
      m_rateBox->fontMetrics().horizontalAdvance(QStringLiteral("0.000001")) + 16);
  showRate(1.0);
  connect(m_rateSlider, &QSlider::valueChanged, this, &ControlBar::setRateFromSlider);
  connect(m_rateBox, &QLineEdit::editingFinished, this, &ControlBar::setRateFromBox);
}

void ControlBar::showRate(double rate) {
  m_rate = rate;
  m_rateBox->setText(QString::number(rate, 'g', 6));
  const QSignalBlocker blocker(m_rateSlider);
  m_rateSlider->setValue(positionOfRate(rate));  // pinned at an end beyond its range
}

void ControlBar::setRateFromSlider(int position) {
  const double rate = rateAt(position);
  m_rate = rate;
  m_rateBox->setText(QString::number(rate, 'g', 4));
  emit learningRateChanged(rate);
}

void ControlBar::setRateFromBox() {
  const QString text = m_rateBox->text().trimmed();
  bool ok = false;
  double rate = QLocale::c().toDouble(text, &ok);
  if (!ok) rate = QLocale().toDouble(text, &ok);
  if (!ok || !std::isfinite(rate) || rate < 0.0 || rate > kMaxTypedRate) {
    emit refused(tr("Learning rate \"%1\" refused: type a number from 0 to %2.")
                     .arg(text)
                     .arg(kMaxTypedRate));
    showRate(m_rate);
    return;
  }
  const bool changed = rate != m_rate;
  showRate(rate);
  if (changed) emit learningRateChanged(rate);
}

void ControlBar::createSpeedControls() {
  m_speedSlider->setRange(0, kSpeedSteps - 1);
  m_speedSlider->setValue(kDefaultSpeed);
  m_speedSlider->setMinimumWidth(60);
  m_speedSlider->setToolTip(tr("The most epochs per second to train; far right is unlimited."));
  m_speedLabel->setMinimumWidth(m_speedLabel->fontMetrics().horizontalAdvance(tr("unlimited")));
  updateSpeedLabel();
  connect(m_speedSlider, &QSlider::valueChanged, this, [this] {
    updateSpeedLabel();
    emit speedLimitChanged(speedLimit());
  });
}

double ControlBar::speedLimit() const {
  const int position = m_speedSlider->value();
  if (position >= kSpeedSteps - 1) return 0.0;
  return std::round(std::pow(10.0, position / 10.0));
}

void ControlBar::updateSpeedLabel() {
  const double limit = speedLimit();
  if (limit == 0.0)
    m_speedLabel->setText(tr("unlimited"));
  else if (limit >= 1000.0)
    m_speedLabel->setText(tr("%1 k/s").arg(limit / 1000.0, 0, 'g', 3));
  else
    m_speedLabel->setText(tr("%1 /s").arg(limit));
}

void ControlBar::setSeed(quint64 seed) { m_seed->setValue(static_cast<int>(seed)); }

void ControlBar::showSpeedLimit(double epochsPerSecond) {
  const int position =
      epochsPerSecond <= 0.0
          ? kSpeedSteps - 1
          : std::clamp(static_cast<int>(std::lround(10.0 * std::log10(epochsPerSecond))), 0,
                       kSpeedSteps - 2);
  const QSignalBlocker blocker(m_speedSlider);
  m_speedSlider->setValue(position);
  updateSpeedLabel();
}

void ControlBar::showSnapshot(const TrainingSnapshot& snapshot) {
  // Follow the runner (it pauses itself after Step, on divergence…), but only snapshots that
  // have seen the last Train, Pause or Step: an older one must not undo a click.
  const bool running = snapshot.state == RunState::Running;
  if (snapshot.commandsApplied >= m_expected && running != m_train->isChecked()) {
    const QSignalBlocker blocker(m_train);
    m_train->setChecked(running);
    m_train->setText(running ? tr("Pause") : tr("Train"));
  }
  const double rate = snapshot.settings.optimizer.learningRate;
  if (rate != m_lastRate) {
    m_lastRate = rate;
    if (!m_rateSlider->isSliderDown() && !m_rateBox->hasFocus() && rate != m_rate) showRate(rate);
  }
}

void ControlBar::addTool(QAction* action) {
  auto* row = static_cast<QBoxLayout*>(layout());
  row->insertWidget(row->indexOf(m_stepCount) + 1, buttonFor(action));
}

}  // namespace nnlab
