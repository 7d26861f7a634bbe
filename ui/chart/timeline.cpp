#include "ui/chart/timeline.h"

#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include "core/training_runner.h"
#include "ui/common/runner_state_command.h"

namespace nnlab {

namespace {

constexpr int kPlayIntervalMs = 33;

/// Train from here, as an undo step: redo goes back to the epoch, undo restores the run as it
/// was, with its timeline (see RunnerStateCommand).
class TrainFromHereCommand : public RunnerStateCommand {
 public:
  TrainFromHereCommand(TrainingRunner& runner, long long epoch, long long present,
                       std::function<void(const QString&)> tell)
      : RunnerStateCommand(runner, std::move(tell)), m_epoch(epoch), m_present(present) {
    setText(Timeline::tr("Train from epoch %1").arg(epoch));
  }

 private:
  void apply() override { runner().goBackTo(m_epoch); }
  QString undoneMessage() const override {
    return Timeline::tr("Undone: the run is back at epoch %1 as it was, paused.").arg(m_present);
  }

  long long m_epoch;
  long long m_present;
};

}  // namespace

Timeline::Timeline(TrainingRunner& runner, QUndoStack* undoStack, QObject* parent)
    : QObject(parent), m_runner(runner), m_undoStack(undoStack), m_playTimer(new QTimer(this)) {
  m_playTimer->setInterval(kPlayIntervalMs);
  connect(m_playTimer, &QTimer::timeout, this, &Timeline::advancePlay);
}

Timeline::~Timeline() {
  if (m_pending.valid()) m_pending.wait();  // the runner fulfils it within a replay
}

bool Timeline::isPlaying() const { return m_playTimer->isActive(); }

long long Timeline::present() const {
  const auto latest = m_runner.latestSnapshot();
  return latest ? latest->epoch : 0;
}

void Timeline::showEpoch(long long epoch) {
  const bool wasLive = isLive();
  epoch = std::clamp<long long>(epoch, 0, present());
  if (wasLive) {
    m_runner.pause();
    m_pausedAt = m_runner.postedCommands();
    m_pausedPresent.reset();  // known once the pause is applied
  }
  if (m_wanted == epoch && !wasLive) return;
  m_wanted = epoch;
  if (!isPlaying()) m_playPosition = static_cast<double>(epoch);
  request(epoch);
  emit changed();
}

void Timeline::goLive() {
  const bool changedNow = !isLive() || isPlaying();
  m_playTimer->stop();
  m_wanted.reset();
  m_past.reset();
  if (changedNow) emit changed();
}

void Timeline::request(long long epoch) {
  if (m_computing) return;  // poll() asks for the newest wanted epoch when this one is done
  m_computing = epoch;
  m_pending = m_runner.snapshotAt(epoch);
}

void Timeline::poll() {
  const auto latest = m_runner.latestSnapshot();
  // Training went on again (Train, Step, a preset; however briefly), or the run was changed (new
  // data or settings are an event of it; new weights start a new timeline): the present is
  // what to show.
  if (!isLive() && latest && latest->commandsApplied >= m_pausedAt) {
    if (!m_pausedPresent) {
      m_pausedPresent = latest->epoch;
      m_pausedStart = latest->timelineStart;
      m_pausedEvents = latest->events;
      m_pausedSettings = latest->settings;
      m_pausedData = latest->dataset;
    }
    if (latest->epoch != *m_pausedPresent || latest->timelineStart != m_pausedStart ||
        latest->events != m_pausedEvents || latest->settings != m_pausedSettings ||
        latest->dataset != m_pausedData ||
        (latest->state == RunState::Running && latest->commandsApplied > m_pausedAt)) {
      goLive();
      return;
    }
  }
  if (!m_computing || !m_pending.valid()) return;
  if (m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  std::shared_ptr<const TrainingSnapshot> shown;
  try {
    shown = m_pending.get();
  } catch (const std::exception&) {
    shown = nullptr;  // the runner stopped
  }
  const long long asked = *m_computing;
  m_computing.reset();
  if (isLive()) return;
  if (!shown) {
    goLive();
    emit refused(tr("Epoch %1 cannot be shown: it is not in this run's timeline (a new network, "
                    "loss or weights put in by hand start a new one).")
                     .arg(asked));
    return;
  }
  m_past = std::move(shown);
  if (m_wanted && *m_wanted != asked) request(*m_wanted);
}

void Timeline::setPlaying(bool on) {
  if (on == isPlaying()) return;
  if (!on) {
    m_playTimer->stop();
    emit changed();
    return;
  }
  // From the start when looking at the present; from the shown epoch otherwise.
  const long long from = isLive() || *m_wanted >= present() ? 0 : *m_wanted;
  m_playPosition = static_cast<double>(from);
  showEpoch(from);
  m_playTimer->start();
  emit changed();
}

void Timeline::setPlaySpeed(double epochsPerSecond) { m_speed = std::max(0.0, epochsPerSecond); }

void Timeline::advancePlay() {
  const long long end = present();
  const double perSecond =
      m_speed > 0.0 ? m_speed : std::max(1.0, static_cast<double>(end) / kWholeRunSeconds);
  m_playPosition += perSecond * kPlayIntervalMs / 1000.0;
  if (m_playPosition >= static_cast<double>(end)) {
    m_playTimer->stop();
    showEpoch(end);  // the last frame of the run, then stay there
    emit changed();
    return;
  }
  showEpoch(static_cast<long long>(std::floor(m_playPosition)));
}

void Timeline::trainFromHere() {
  if (isLive()) {
    m_runner.run();
    return;
  }
  const long long epoch = *m_wanted;
  goLive();
  if (epoch < present() && m_undoStack)
    m_undoStack->push(new TrainFromHereCommand(m_runner, epoch, present(),
                                               [this](const QString& text) { emit said(text); }));
  m_runner.run();
}

}  // namespace nnlab
