#include "ui/backprop/backprop_panel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

#include "core/training_runner.h"

namespace nnlab {

BackpropPanel::BackpropPanel(TrainingRunner& runner, QWidget* parent)
    : QWidget(parent), m_runner(runner), m_poll(new QTimer(this)) {
  m_header = new QLabel(tr("Explaining…"), this);
  m_header->setWordWrap(true);
  m_sign = new QLabel(
      tr("Sign: the maths gives the gradient ∂L/∂w and the update subtracts it, w ← w − lr·∂L/∂w. "
         "The article's code adds 2(y − ŷ)·σ'… instead: the same step, with the sign folded "
         "into (y − ŷ). Backpropagation (the article: 反向反馈; usually 反向传播)."),
      this);
  m_sign->setWordWrap(true);
  m_lookAheadLabel = new QLabel(this);
  m_lookAheadLabel->setWordWrap(true);
  m_lookAheadLabel->setToolTip(
      tr("The loss over the training rows now, and after this update — recomputed as the "
         "learning rate moves, so an overshoot shows before it happens"));
  m_list = new QListWidget(this);
  m_list->setMaximumWidth(240);
  m_list->setMinimumHeight(60);
  m_list->setToolTip(tr("The steps of one update: forward, loss, backward, update (← → keys)"));
  m_text = new QTextBrowser(this);
  m_text->setMinimumHeight(80);
  m_rowBox = new QSpinBox(this);
  m_rowBox->setPrefix(tr("batch row "));
  m_rowBox->setToolTip(tr("Whose numbers are written out: a row of the batch this update uses"));
  m_first = new QPushButton(tr("First"), this);
  m_previous = new QPushButton(tr("◀ Previous"), this);
  m_next = new QPushButton(tr("Next ▶"), this);
  m_last = new QPushButton(tr("Last"), this);
  m_first->setToolTip(tr("The first step: the forward pass through layer 1 (Home)"));
  m_previous->setToolTip(tr("The step before (←)"));
  m_next->setToolTip(tr("The next step (→)"));
  m_last->setToolTip(tr("The last step: the update of every weight (End)"));
  m_apply = new QPushButton(tr("Apply this update"), this);
  m_apply->setToolTip(tr("Trains one epoch from this state: the weights become what Step gives"));
  m_refresh = new QPushButton(tr("Explain the current state"), this);
  m_refresh->setToolTip(
      tr("Takes the network as training has it now and explains its next update"));

  // Steps and controls on the left, the step's text (as tall as the dock allows) on the right.
  auto* navigation = new QGridLayout;
  navigation->addWidget(m_first, 0, 0);
  navigation->addWidget(m_last, 0, 1);
  navigation->addWidget(m_previous, 1, 0);
  navigation->addWidget(m_next, 1, 1);
  navigation->addWidget(m_rowBox, 2, 0, 1, 2);
  navigation->addWidget(m_refresh, 3, 0, 1, 2);
  navigation->addWidget(m_apply, 4, 0, 1, 2);
  auto* left = new QVBoxLayout;
  left->addWidget(m_list, 1);
  left->addLayout(navigation);
  auto* right = new QVBoxLayout;
  right->addWidget(m_header);
  right->addWidget(m_text, 1);
  right->addWidget(m_lookAheadLabel);
  right->addWidget(m_sign);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(left);
  layout->addLayout(right, 1);
  setFocusPolicy(Qt::StrongFocus);

  connect(m_list, &QListWidget::currentRowChanged, this, &BackpropPanel::setStep);
  connect(m_first, &QPushButton::clicked, this, &BackpropPanel::first);
  connect(m_previous, &QPushButton::clicked, this, &BackpropPanel::previous);
  connect(m_next, &QPushButton::clicked, this, &BackpropPanel::next);
  connect(m_last, &QPushButton::clicked, this, &BackpropPanel::last);
  connect(m_apply, &QPushButton::clicked, this, &BackpropPanel::apply);
  connect(m_refresh, &QPushButton::clicked, this, &BackpropPanel::explain);
  connect(m_rowBox, &QSpinBox::valueChanged, this, [this](int value) {
    m_row = value - 1;
    refreshText();
  });
  m_poll->setInterval(10);
  connect(m_poll, &QTimer::timeout, this, &BackpropPanel::poll);
  for (QPushButton* b : {m_first, m_previous, m_next, m_last, m_apply}) b->setEnabled(false);
}

BackpropPanel::~BackpropPanel() {
  // The workers hold no reference to this panel; wait so that none outlives the runner.
  if (m_pending.valid()) m_pending.wait();
  if (m_pendingLookAhead.valid()) m_pendingLookAhead.wait();
}

void BackpropPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!m_update && !m_pending.valid()) explain();
}

void BackpropPanel::explain() {
  if (m_pending.valid()) return;
  std::shared_ptr<const TrainingSnapshot> snapshot = m_runner.latestSnapshot();
  m_wasRunning = snapshot->state == RunState::Running;
  std::future<RunnerState> state;
  try {
    state = m_runner.captureState(0);  // the update to explain needs no timeline
  } catch (const std::exception&) {
    m_header->setText(tr("Training has ended: there is no update to explain."));
    return;
  }
  m_pending = std::async(std::launch::async, [state = std::move(state)]() mutable {
    auto taken = std::make_shared<const RunnerState>(state.get());
    ExplainedUpdate update = explainNextUpdate(*taken);
    const LookAhead ahead = nnlab::lookAhead(*taken, taken->settings.optimizer.learningRate);
    return Explanation{std::move(taken), std::move(update), ahead};
  });
  m_header->setText(tr("Explaining the next update…"));
  m_poll->start();
}

void BackpropPanel::poll() {
  if (m_pendingLookAhead.valid() &&
      m_pendingLookAhead.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    try {
      showLookAhead(m_pendingLookAhead.get());
    } catch (const std::exception&) {
      m_lookAheadLabel->clear();
    }
    if (m_wantedRate) startLookAhead();
  }
  if (m_awaitEpoch >= 0) {
    const auto snapshot = m_runner.latestSnapshot();
    if (snapshot->epoch < m_awaitEpoch || snapshot->state == RunState::Running) return;
    m_awaitEpoch = -1;
    explain();
    return;
  }
  if (!m_pending.valid()) {
    if (!m_pendingLookAhead.valid()) m_poll->stop();
    return;
  }
  if (m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  m_poll->stop();
  try {
    showUpdate(m_pending.get());
  } catch (const std::exception& error) {
    m_header->setText(
        tr("This update cannot be explained: %1").arg(QString::fromUtf8(error.what())));
  }
}

void BackpropPanel::showUpdate(Explanation explanation) {
  ExplainedUpdate& update = explanation.update;
  const int layers = static_cast<int>(update.trace.layers.size());
  const bool sameShape = m_update && m_update->trace.layers.size() == update.trace.layers.size();
  m_update = std::move(update);
  m_state = std::move(explanation.state);
  showLookAhead(explanation.lookAhead);
  if (m_wantedRate) startLookAhead();  // a rate typed while this explanation was computed
  m_steps = backpropSteps(layers);
  m_list->blockSignals(true);
  m_list->clear();
  for (std::size_t i = 0; i < m_steps.size(); ++i)
    m_list->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(backpropStepTitle(m_steps[i], layers)));
  m_list->blockSignals(false);
  m_rowBox->blockSignals(true);
  m_rowBox->setRange(1, static_cast<int>(m_update->trace.rows.size()));
  m_row = std::clamp(m_row, 0, static_cast<int>(m_update->trace.rows.size()) - 1);
  m_rowBox->setValue(m_row + 1);
  m_rowBox->blockSignals(false);
  m_header->setText(headerText());
  m_apply->setEnabled(!m_update->trace.diverged);
  for (QPushButton* b : {m_first, m_previous, m_next, m_last}) b->setEnabled(true);
  setStep(sameShape ? m_step : 0);
  emit explained();
}

QString BackpropPanel::headerText() const {
  const UpdateTrace& t = m_update->trace;
  const int rows = static_cast<int>(t.rows.size());
  QString text =
      (rows == 1
           ? tr("<b>The update after epoch %1</b> — a batch of one row")
           : tr("<b>The update after epoch %1</b> — a batch of %2 rows").arg(t.epoch).arg(rows));
  if (rows == 1) text = text.arg(t.epoch);
  text += tr(", loss %1, %2 with learning rate %3.")
              .arg(QString::fromStdString(std::string(lossLabel(m_update->loss))),
                   QString::fromStdString(std::string(optimizerName(t.optimizer.kind))))
              .arg(t.optimizer.learningRate);
  if (m_wasRunning)
    text +=
        tr(" Training goes on: this is the state of epoch %1 (press Explain to take a newer one).")
            .arg(t.epoch);
  if (static_cast<int>(t.rows.size()) < t.trainingRows) {
    text += tr(" Apply trains the whole epoch: this batch, then the epoch's other batches.");
  }
  return text;
}

void BackpropPanel::setSelectedNeuron(int column, int unit) {
  m_selected = {column, unit};
  refreshText();
}

void BackpropPanel::showWeight(int layer, int from, int to) {
  m_weight = std::array<int, 3>{layer, from, to};
  refreshText();
}

void BackpropPanel::setStep(int index) {
  if (m_steps.empty()) return;
  m_weight.reset();
  m_step = std::clamp(index, 0, static_cast<int>(m_steps.size()) - 1);
  m_list->blockSignals(true);
  m_list->setCurrentRow(m_step);
  m_list->blockSignals(false);
  m_first->setEnabled(m_step > 0);
  m_previous->setEnabled(m_step > 0);
  m_next->setEnabled(m_step + 1 < static_cast<int>(m_steps.size()));
  m_last->setEnabled(m_step + 1 < static_cast<int>(m_steps.size()));
  refreshText();
  emit stepChanged(m_steps[static_cast<std::size_t>(m_step)]);
}

void BackpropPanel::showDatasetRow(int datasetRow) {
  if (!m_update) return;
  const auto& rows = m_update->trace.rows;
  const auto found = std::find(rows.begin(), rows.end(), datasetRow);
  if (found != rows.end()) m_rowBox->setValue(static_cast<int>(found - rows.begin()) + 1);
}

void BackpropPanel::refreshText() {
  if (!m_update || m_steps.empty()) return;
  const int dataRow = m_update->trace.rows[static_cast<std::size_t>(m_row)];
  const QString intro =
      tr("<p><i>Numbers for batch row %1 (data row %2).</i></p>").arg(m_row + 1).arg(dataRow + 1);
  if (m_weight) {
    const auto [layer, from, to] = *m_weight;
    if (layer < static_cast<int>(m_update->trace.layers.size()) &&
        from < m_update->trace.layers[layer].weightsBefore.rows() &&
        to < m_update->trace.layers[layer].weightsBefore.cols()) {
      m_text->setHtml(weightSharesHtml(*m_update, layer, from, to));
      return;
    }
    m_weight.reset();  // the network has changed shape since
  }
  const BackpropStep& step = m_steps[static_cast<std::size_t>(m_step)];
  const int selected = m_selected.first == step.layer + 1 ? m_selected.second : -1;
  m_text->setHtml(intro + backpropStepHtml(*m_update, step, m_row, selected));
}

void BackpropPanel::setLookAheadRate(double learningRate) {
  m_wantedRate = learningRate;
  if (!m_pendingLookAhead.valid()) startLookAhead();
}

void BackpropPanel::startLookAhead() {
  if (!m_state || !m_wantedRate) return;
  const double rate = *std::exchange(m_wantedRate, std::nullopt);
  m_pendingLookAhead = std::async(
      std::launch::async, [state = m_state, rate] { return nnlab::lookAhead(*state, rate); });
  m_poll->start();
}

void BackpropPanel::showLookAhead(const LookAhead& ahead) {
  m_lookAhead = ahead;
  const bool finite = std::isfinite(ahead.after);
  QString text =
      finite ? tr("Look ahead: at learning rate %1 this update takes the loss from %2 to %3.")
                   .arg(ahead.learningRate)
                   .arg(ahead.before, 0, 'g', 5)
                   .arg(ahead.after, 0, 'g', 5)
             : tr("Look ahead: at learning rate %1 this update makes the loss overflow: training "
                  "would diverge.")
                   .arg(ahead.learningRate);
  if (finite && ahead.after > ahead.before) {
    text += tr(" It rises: the step overshoots — try a smaller learning rate.");
  }
  m_lookAheadLabel->setText(text);
  const bool bad = !finite || ahead.after > ahead.before;
  m_lookAheadLabel->setStyleSheet(bad ? QStringLiteral("color: #c0392b;") : QString());
}

void BackpropPanel::apply() {
  if (!m_update) return;
  if (m_runner.latestSnapshot()->state == RunState::Running) {
    m_header->setText(tr("Pause training first: an update can be applied only to a paused run."));
    return;
  }
  m_apply->setEnabled(false);
  m_awaitEpoch = m_update->trace.epoch + 1;
  m_runner.step(1);
  m_poll->start();
}

// The window's own shortcuts (→ steps training) must not take the arrow keys from the walk.
bool BackpropPanel::event(QEvent* event) {
  if (event->type() == QEvent::ShortcutOverride) {
    switch (static_cast<QKeyEvent*>(event)->key()) {
      case Qt::Key_Right:
      case Qt::Key_Left:
      case Qt::Key_Up:
      case Qt::Key_Down:
      case Qt::Key_Home:
      case Qt::Key_End:
        event->accept();
        return true;
      default:
        break;
    }
  }
  return QWidget::event(event);
}

void BackpropPanel::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
      return next();
    case Qt::Key_Left:
    case Qt::Key_Up:
      return previous();
    case Qt::Key_Home:
      return first();
    case Qt::Key_End:
      return last();
    default:
      QWidget::keyPressEvent(event);
  }
}

}  // namespace nnlab
