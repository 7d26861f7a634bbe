#pragma once

namespace nnlab {

/// Why the runner is not running (Paused/Stopped), for the status bar.
enum class PauseReason {
  None,       ///< never started
  User,       ///< pause() was called
  StepDone,   ///< step(n) finished its n epochs
  MaxEpochs,  ///< the maximum epoch count was reached
  LossGoal,   ///< the loss fell to the goal
  Diverged,   ///< the loss became NaN/inf; the last finite weights were restored
  Stopped,    ///< stop() was called; the runner accepts no more commands
  EarlyStop,  ///< the test loss did not improve for StopConditions::earlyStopPatience epochs
  Converged,  ///< the perceptron rule classifies every training row right: it changes nothing more
};

/// When training stops by itself.
struct StopConditions {
  long long maxEpochs = 0;  ///< 0: no limit
  double lossGoal = 0.0;    ///< stop when loss ≤ goal; 0: no goal
  /// Stop when the test loss has not reached a new low for this many epochs; 0: never. Test
  /// losses are measured when snapshots are published (every few ms), so the stop comes at the
  /// first publication after the patience runs out. Without test rows it has no effect.
  long long earlyStopPatience = 0;
};

/// The rules by which a run stops by itself (besides step(n) finishing its n epochs): at the
/// maximum epoch, at the loss goal, when a perceptron classifies every training row right, and
/// when the test loss has not improved for the patience. The runner asks them; the texts it
/// shows for them are its own.
class StopRules {
 public:
  /// A perceptron's epoch loss is that of its starting weights: this close to 0 means every row
  /// was right and the epoch changed nothing. (bce of exact 0/1 outputs is ~1e-12.)
  static constexpr double kConvergedLoss = 1e-9;

  const StopConditions& conditions() const { return m_conditions; }
  void setConditions(const StopConditions& conditions) { m_conditions = conditions; }
  void setMaxEpochs(long long epochs) { m_conditions.maxEpochs = epochs; }

  /// Of `wanted` epochs starting after `epoch` epochs, how many may run before the maximum;
  /// 0 (or less) when it is reached.
  long long epochsBeforeMax(long long epoch, long long wanted) const {
    if (m_conditions.maxEpochs <= 0) return wanted;
    const long long left = m_conditions.maxEpochs - epoch;
    return left < wanted ? left : wanted;
  }
  /// Whether the run has reached its maximum epoch.
  bool maxReached(long long epoch) const {
    return m_conditions.maxEpochs > 0 && epoch >= m_conditions.maxEpochs;
  }
  /// Why the run stops after an epoch whose loss (measured before its update) was `loss`: the
  /// loss goal, a perceptron that has converged, or None to go on. Inline: it runs every epoch.
  PauseReason afterEpoch(double loss, bool perceptron) const {
    if (m_conditions.lossGoal > 0.0 && loss <= m_conditions.lossGoal) return PauseReason::LossGoal;
    if (perceptron && loss <= kConvergedLoss) return PauseReason::Converged;
    return PauseReason::None;
  }
  /// Early stopping: whether the test loss, lowest at `bestEpoch`, has not improved for the
  /// patience by `epoch`.
  bool patienceRanOut(long long epoch, long long bestEpoch) const {
    return m_conditions.earlyStopPatience > 0 &&
           epoch - bestEpoch >= m_conditions.earlyStopPatience;
  }

 private:
  StopConditions m_conditions;
};

}  // namespace nnlab
