#pragma once

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <functional>

#include "ui/common/runner_state_command.h"

namespace nnlab {

/// A new architecture or initialisation (a layer's units or activation, a layer added or
/// removed, bias, init) as an undo step. The change draws new weights and starts training
/// again at epoch 0; undo brings back the network as it was, with its weights, its optimizer
/// state and its place in training (epoch and loss history), and redo the new one as training
/// had left it when it was undone.
///
/// How undo and redo capture and restore the run: RunnerStateCommand.
class NetworkCommand : public RunnerStateCommand {
  Q_DECLARE_TR_FUNCTIONS(NetworkCommand)

 public:
  /// `before` is the snapshot shown when the change was asked for (for the messages); `tell`
  /// shows a message in the status bar.
  NetworkCommand(TrainingRunner& runner, const TrainingSnapshot& before, NetworkSpec spec,
                 Init init, std::uint64_t seed, std::function<void(const QString&)> tell);
  /// What changed from one architecture to the other, for the Edit menu: "h1: 4 → 8 units",
  /// "add hidden layer h2", "init: uniform01 → xavier", …
  static QString describe(const NetworkSpec& from, Init fromInit, const NetworkSpec& to,
                          Init toInit);
  /// The same without "Change": "h1: 4 → 8 units, bias off".
  static QString changes(const NetworkSpec& from, Init fromInit, const NetworkSpec& to,
                         Init toInit);

 private:
  void apply() override;
  QString undoneMessage() const override;

  NetworkSpec m_spec;
  Init m_init;
  std::uint64_t m_seed;
  QString m_change;      ///< "h1: 4 → 8 units"
  QString m_oldSummary;  ///< "the 3-4-1 network at epoch 1,234 (SSE 0.0123)"
};

}  // namespace nnlab
