#include "ui/network/network_command.h"

#include <QLocale>
#include <QStringList>
#include <cmath>
#include <utility>

namespace nnlab {

namespace {

QString fromView(std::string_view view) {
  return QString::fromUtf8(view.data(), static_cast<qsizetype>(view.size()));
}

QString layerName(size_t index, size_t count) {
  return index + 1 == count ? NetworkCommand::tr("output")
                            : NetworkCommand::tr("h%1").arg(index + 1);
}

}  // namespace

NetworkCommand::NetworkCommand(TrainingRunner& runner, const TrainingSnapshot& before,
                               NetworkSpec spec, Init init, std::uint64_t seed,
                               std::function<void(const QString&)> tell)
    : RunnerStateCommand(runner, std::move(tell)),
      m_spec(std::move(spec)),
      m_init(init),
      m_seed(seed) {
  const NetworkSpec old = before.network.spec();
  setText(describe(old, before.init, m_spec, m_init));
  m_change = changes(old, before.init, m_spec, m_init);
  m_oldSummary =
      tr("the %1 network at epoch %2")
          .arg(QString::fromStdString(old.shapeText()), QLocale().toString(before.epoch));
  if (before.epoch > 0 && std::isfinite(before.loss)) {
    m_oldSummary +=
        QStringLiteral(" (%1 %2)")
            .arg(fromView(lossLabel(before.settings.loss)), QString::number(before.loss, 'g', 4));
  }
}

void NetworkCommand::apply() {
  runner().setNetwork(m_spec, m_init, m_seed);
  tell(tr("New network (%1): training starts again at epoch 0 from new weights. Ctrl+Z "
          "brings back %2.")
           .arg(m_change, m_oldSummary));
}

QString NetworkCommand::undoneMessage() const {
  return tr("Undone: back to %1, paused.").arg(m_oldSummary);
}

QString NetworkCommand::describe(const NetworkSpec& from, Init fromInit, const NetworkSpec& to,
                                 Init toInit) {
  // "Change h1: 4 → 8 units", as the Edit menu's "Undo …" reads.
  return tr("Change %1").arg(changes(from, fromInit, to, toInit));
}

QString NetworkCommand::changes(const NetworkSpec& from, Init fromInit, const NetworkSpec& to,
                                Init toInit) {
  QStringList changes;
  const size_t before = from.layers.size();
  const size_t after = to.layers.size();
  if (after > before) {
    changes << tr("add hidden layer %1").arg(layerName(after - 2, after));
  } else if (after < before) {
    changes << tr("remove hidden layer %1").arg(layerName(before - 2, before));
  } else {
    for (size_t l = 0; l < after; ++l) {
      const QString name = layerName(l, after);
      if (from.layers[l].units != to.layers[l].units)
        changes
            << tr("%1: %2 → %3 units").arg(name).arg(from.layers[l].units).arg(to.layers[l].units);
      if (from.layers[l].activation != to.layers[l].activation)
        changes << tr("%1: %2 → %3")
                       .arg(name, fromView(activationName(from.layers[l].activation)),
                            fromView(activationName(to.layers[l].activation)));
    }
  }
  if (from.bias != to.bias) changes << (to.bias ? tr("bias on") : tr("bias off"));
  if (fromInit != toInit)
    changes << tr("init: %1 → %2").arg(fromView(initName(fromInit)), fromView(initName(toInit)));
  if (changes.isEmpty()) changes << tr("new weights");
  return changes.join(QStringLiteral(", "));
}

}  // namespace nnlab
