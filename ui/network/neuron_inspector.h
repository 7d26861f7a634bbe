#pragma once

#include <QWidget>
#include <optional>

class QLabel;

namespace nnlab {

struct TrainingSnapshot;
struct ForwardValues;

/// Writes one neuron's computation out with the current numbers, live:
/// Σᵢ wᵢ·xᵢ + b = z, then f(z) = a. Lives in a dock next to the graph.
class NeuronInspector : public QWidget {
  Q_OBJECT

 public:
  explicit NeuronInspector(QWidget* parent = nullptr);

  /// Column 0 is the input layer; nullopt shows the hint to click a neuron.
  void setNeuron(std::optional<std::pair<int, int>> neuron, const QString& name);
  std::optional<std::pair<int, int>> neuron() const { return m_neuron; }
  /// Refreshes the numbers; `values` are for dataset row `sample`.
  void showValues(const TrainingSnapshot& snapshot, const ForwardValues& values, int sample);
  QString text() const;

 private:
  QString formula(const TrainingSnapshot& snapshot, const ForwardValues& values) const;
  /// δ of the neuron for the sample, each incoming weight's gradient of the last update and the
  /// change that update made (empty before the first update).
  QString backward(const TrainingSnapshot& snapshot, const ForwardValues& values) const;

  QLabel* m_label;
  std::optional<std::pair<int, int>> m_neuron;
  QString m_name;
};

}  // namespace nnlab
