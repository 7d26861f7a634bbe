#include "ui/network/neuron_inspector.h"

#include <QFontDatabase>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "core/training_runner.h"
#include "ui/network/forward_values.h"

namespace nnlab {

namespace {

constexpr int kMaxTerms = 12;

QString number(double value) { return QString::number(value, 'f', 4); }
// Gradients and changes can be tiny: significant digits, not fixed decimals.
QString small(double value) { return QString::number(value, 'g', 4); }

QString functionName(Activation activation) {
  switch (activation) {
    case Activation::Sigmoid:
      return QStringLiteral("σ");
    case Activation::Tanh:
      return QStringLiteral("tanh");
    case Activation::Relu:
      return QStringLiteral("relu");
    case Activation::Linear:
      return QStringLiteral("id");
    case Activation::Step:
      return QStringLiteral("step");
    case Activation::Softmax:
      return QStringLiteral("softmax");
  }
  return QStringLiteral("f");
}

}  // namespace

NeuronInspector::NeuronInspector(QWidget* parent) : QWidget(parent), m_label(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  // A neuron with a dozen inputs writes more lines than the panel holds: let them scroll.
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(m_label);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  layout->addWidget(scroll);
  setNeuron(std::nullopt, QString());
}

void NeuronInspector::setNeuron(std::optional<std::pair<int, int>> neuron, const QString& name) {
  m_neuron = neuron;
  m_name = name;
  if (neuron) return;
  m_label->setWordWrap(true);
  m_label->setText(tr("Click a neuron in the graph to see how it computes its value."));
}

QString NeuronInspector::text() const { return m_label->text(); }

void NeuronInspector::showValues(const TrainingSnapshot& snapshot, const ForwardValues& values,
                                 int sample) {
  if (!m_neuron || values.empty()) return;
  const auto [column, unit] = *m_neuron;
  if (column >= static_cast<int>(values.activations.size()) ||
      unit >= values.activations[column].size()) {
    setNeuron(std::nullopt, QString());
    return;
  }
  QString text = tr("%1 — sample %2, epoch %3\n\n").arg(m_name).arg(sample + 1).arg(snapshot.epoch);
  if (column == 0)
    text += tr("input value x = %1").arg(number(values.activations[0](unit)));
  else
    text += formula(snapshot, values) + backward(snapshot, values);
  m_label->setWordWrap(false);
  m_label->setText(text);
}

QString NeuronInspector::formula(const TrainingSnapshot& snapshot,
                                 const ForwardValues& values) const {
  const auto [column, unit] = *m_neuron;
  const DenseLayer& layer = snapshot.network.layer(column - 1);
  const RowVector& x = values.activations[column - 1];
  // The M-P neuron as the article writes it: it fires when the weighted sum reaches T = −b.
  const bool threshold = layer.activation == Activation::Step && layer.hasBias();
  QString text = threshold         ? tr("z = Σᵢ wᵢ·xᵢ − T   (T = −b, the threshold)\n")
                 : layer.hasBias() ? tr("z = Σᵢ wᵢ·xᵢ + b\n")
                                   : tr("z = Σᵢ wᵢ·xᵢ   (no bias)\n");
  for (int i = 0; i < layer.fanIn(); ++i) {
    if (i == kMaxTerms) {
      text += tr("  … %n more term(s)\n", nullptr, layer.fanIn() - kMaxTerms);
      break;
    }
    text += QStringLiteral("  %1 %2 · %3\n")
                .arg(i == 0 ? QStringLiteral(" ") : QStringLiteral("+"))
                .arg(number(layer.weights(i, unit)), 8)
                .arg(number(x(i)), 8);
  }
  if (threshold)
    text += QStringLiteral("  − %1   (T)\n").arg(number(-layer.bias(unit)), 8);
  else if (layer.hasBias())
    text += QStringLiteral("  + %1   (b)\n").arg(number(layer.bias(unit)), 8);
  const double z = values.preActivations[column - 1](unit);
  const double a = values.activations[column](unit);
  text += QStringLiteral("  = %1\n\n").arg(number(z));
  if (layer.activation == Activation::Softmax) {
    // Each output's share of e^z over the whole layer: the class probabilities sum to 1.
    const RowVector& zs = values.preActivations[column - 1];
    const double top = zs.maxCoeff();  // shifted, as the core computes it, so e^z cannot overflow
    const double sum = (zs.array() - top).exp().sum();
    text += tr("a = e^z / Σⱼ e^zⱼ   (softmax over the %1 outputs)\n").arg(zs.size());
    text += QStringLiteral("  = e^(%1) / %2 = %3").arg(number(z - top), number(sum), number(a));
    if (top != 0.0) text += tr("\n  (every z shifted by −%1)").arg(number(top));
    return text;
  }
  if (layer.activation == Activation::Step)
    text += tr("a = step(z) = 1 if z ≥ 0 (it fires), else 0\n");
  text += QStringLiteral("a = %1(z) = %1(%2) = %3")
              .arg(functionName(layer.activation), number(z), number(a));
  return text;
}

QString NeuronInspector::backward(const TrainingSnapshot& snapshot,
                                  const ForwardValues& values) const {
  const auto [column, unit] = *m_neuron;
  const int l = column - 1;
  const DenseLayer& layer = snapshot.network.layer(l);
  QString text;
  if (static_cast<int>(values.deltas.size()) == snapshot.network.layerCount()) {
    const double slope = ForwardValues::slope(layer.activation, values.activations[column](unit));
    text += tr("\n\nBackward (this sample): δ = ∂L/∂z = %1").arg(small(values.deltas[l](unit)));
    if (slope < ForwardValues::kSaturated)
      text += tr("\n  saturated: f'(z) = %1, its weights barely learn").arg(small(slope));
  }
  const bool known =
      snapshot.gradientsKnown &&
      static_cast<int>(snapshot.gradients.weights.size()) == snapshot.network.layerCount() &&
      static_cast<int>(snapshot.lastChange.weights.size()) == snapshot.network.layerCount();
  if (!known) return text + tr("\n(∂L/∂w and Δw: not known until the next training step)");
  text += tr("\nLast update, whole batch:   ∂L/∂w      Δw");
  for (int i = 0; i < std::min(layer.fanIn(), kMaxTerms); ++i) {
    text += QStringLiteral("\n  w%1 %2 %3")
                .arg(i + 1, -3)
                .arg(small(snapshot.gradients.weights[l](i, unit)), 10)
                .arg(small(snapshot.lastChange.weights[l](i, unit)), 10);
  }
  if (layer.fanIn() > kMaxTerms) text += tr("\n  … %1 more").arg(layer.fanIn() - kMaxTerms);
  if (layer.hasBias()) {
    text += QStringLiteral("\n  b   %1 %2")
                .arg(small(snapshot.gradients.bias[l](unit)), 10)
                .arg(small(snapshot.lastChange.bias[l](unit)), 10);
  }
  return text;
}

}  // namespace nnlab
