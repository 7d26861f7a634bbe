#pragma once

#include <QList>
#include <QWidget>
#include <string>
#include <vector>

#include "core/network.h"
#include "core/trainer.h"

class QCheckBox;
class QComboBox;
class QGridLayout;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace nnlab {

class LimitedSpinBox;

struct TrainingSnapshot;

/// Architecture and training choices under the graph: hidden layers (units and activation
/// each), output activation, bias, initialisation, loss, optimizer and batch size. It shows
/// what the latest snapshot says and turns edits into requests; if the runner refuses one, the
/// next snapshot puts the old choice back.
class ArchitecturePanel : public QWidget {
  Q_OBJECT

 public:
  explicit ArchitecturePanel(QWidget* parent = nullptr);

  void showSnapshot(const TrainingSnapshot& snapshot);
  /// Hidden layers shown (tests use it).
  int hiddenLayerCount() const { return static_cast<int>(m_spec.layers.size()) - 1; }
  /// The units box and activation combo of each layer, hidden layers then output (tests).
  QList<QSpinBox*> unitBoxes() const;
  QList<QComboBox*> activationCombos() const;

 public slots:
  void addHiddenLayer();
  void removeHiddenLayer();

 signals:
  /// A new architecture or initialisation: the weights must be drawn again.
  void networkRequested(const nnlab::NetworkSpec& spec, nnlab::Init init);
  /// Loss, optimizer or batch size: no re-initialisation.
  void settingsRequested(const nnlab::TrainingSettings& settings);
  /// Something to tell the user (a typed number beyond a limit), for the status bar.
  void statusMessage(const QString& message);

 private:
  void buildLayerWidgets();
  void syncWidgets();
  void requestNetwork(const NetworkSpec& spec);
  void requestSettings();
  QComboBox* activationCombo(Activation current, bool output, QWidget* parent);

  NetworkSpec m_spec;
  Init m_init = Init::Uniform01;
  TrainingSettings m_settings;
  std::string m_message;
  bool m_synced = false;

  QGridLayout* m_layerGrid;
  QScrollArea* m_layerScroll = nullptr;
  std::vector<QWidget*> m_layerWidgets;
  QPushButton* m_addLayer;
  QPushButton* m_removeLayer;
  QCheckBox* m_bias;
  QComboBox* m_initBox;
  QComboBox* m_loss;
  QComboBox* m_optimizer;
  LimitedSpinBox* m_batch;
};

}  // namespace nnlab
