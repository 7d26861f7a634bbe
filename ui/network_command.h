#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>
#include <cstdint>
#include <functional>
#include <future>
#include <optional>

#include "training_runner.h"

namespace nnlab {

/// A new architecture or initialisation (a layer's units or activation, a layer added or
/// removed, bias, init) as an undo step. The change draws new weights and starts training
/// again at epoch 0; undo brings back the network as it was, with its weights, its optimizer
/// state and its place in training (epoch and loss history), and redo the new one as training
/// had left it when it was undone.
///
/// The runner's state is captured before the change (its commands run in order, so the capture
/// sees the old network even while training runs) and again at each undo and redo. What was
/// not changed by this step is kept as it is now: the data, the input scaling, the stop
/// conditions and the speed limit.
class NetworkCommand : public QUndoCommand {
  Q_DECLARE_TR_FUNCTIONS(NetworkCommand)

 public:
  /// `before` is the snapshot shown when the change was asked for (for the messages); `tell`
  /// shows a message in the status bar.
  NetworkCommand(TrainingRunner& runner, const TrainingSnapshot& before, NetworkSpec spec,
                 Init init, std::uint64_t seed, std::function<void(const QString&)> tell);
  void redo() override;
  void undo() override;

  /// What changed from one architecture to the other, for the Edit menu: "h1: 4 → 8 units",
  /// "add hidden layer h2", "init: uniform01 → xavier", …
  static QString describe(const NetworkSpec& from, Init fromInit, const NetworkSpec& to,
                          Init toInit);
  /// The same without "Change": "h1: 4 → 8 units, bias off".
  static QString changes(const NetworkSpec& from, Init fromInit, const NetworkSpec& to,
                         Init toInit);
  /// `state` with what this step did not change (data, scaling, stops, speed) as in `now`.
  static RunnerState inSurroundings(RunnerState state, const RunnerState& now);

 private:
  /// The runner's state now; nullopt (with a message) when the runner cannot be asked, e.g.
  /// while the window closes.
  std::optional<RunnerState> current();

  TrainingRunner& m_runner;
  NetworkSpec m_spec;
  Init m_init;
  std::uint64_t m_seed;
  std::function<void(const QString&)> m_tell;
  QString m_change;                         ///< "h1: 4 → 8 units"
  QString m_oldSummary;                     ///< "the 3-4-1 network at epoch 1,234 (SSE 0.0123)"
  std::shared_future<RunnerState> m_first;  ///< the old network when the change was asked for
  std::optional<RunnerState> m_before;      ///< the old network as a redo left it
  std::optional<RunnerState> m_after;       ///< the new network as an undo left it
  bool m_done = false;                      ///< redo() has run once
};

}  // namespace nnlab
