#pragma once

#include <QMainWindow>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/data_generators.h"
#include "core/presets.h"
#include "ui/window/frame_stats.h"
#include "ui/window/session_host.h"

class QLabel;
class QHBoxLayout;
class QSplitter;
class QTimer;
class QCheckBox;
class QSlider;
class QDockWidget;
class QAction;

namespace nnlab {

class ArchitecturePanel;
class BackpropPanel;
class ControlBar;
class DatasetPanel;
class DecisionMapPanel;
class Exporter;
class SessionController;
struct Session;
class GeneratePanel;
class LossChart;
class NetworkView;
class NeuronInspector;
class OutputSection;
class LandscapePanel;
class StatusLine;
class StopPanel;
class Timeline;
class TimelineBar;
class TrainingRunner;
class WeightLegend;
struct TrainingSnapshot;

/// The nnlab window: DATA | NETWORK | LOSS side by side under the training controls. Owns the
/// TrainingRunner; a display-rate timer pulls its latest snapshot and redraws only when the
/// snapshot changed. Commands from the panels go straight to the runner.
class MainWindow : public QMainWindow, public SessionHost {
  Q_OBJECT

 public:
  explicit MainWindow(const Preset& experiment, QWidget* parent = nullptr);
  ~MainWindow() override;

  TrainingRunner& runner() { return *m_runner; }
  /// The snapshot the widgets show now (null before the first frame).
  std::shared_ptr<const TrainingSnapshot> shownSnapshot() const { return m_shown; }
  const FrameStats& frameStats() const { return m_frames; }
  FrameStats& frameStats() { return m_frames; }
  ControlBar* controls() const { return m_controls; }
  NetworkView* networkView() const { return m_graph; }
  ArchitecturePanel* architecture() const { return m_architecture; }
  LossChart* lossChart() const { return m_chart; }
  StopPanel* stopPanel() const { return m_stops; }
  /// Which epoch the window shows (the present, or an earlier one) and its bar under the chart.
  Timeline* timeline() const { return m_timeline; }
  TimelineBar* timelineBar() const { return m_timelineBar; }
  NeuronInspector* inspector() const { return m_inspector; }
  DatasetPanel* dataPanel() const { return m_data; }
  GeneratePanel* generatePanel() const { return m_generate; }
  DecisionMapPanel* decisionMap() const { return m_map; }
  /// The OUTPUT section around the map, which can detach it into a window of its own.
  OutputSection* outputSection() const { return m_output; }
  StatusLine* statusLine() const { return m_statusLine; }
  SessionController* session() const { return m_session; }
  Exporter* exporter() const { return m_exporter; }
  BackpropPanel* backprop() const { return m_backprop; }
  QDockWidget* backpropDock() const { return m_backpropDock; }
  /// Shows or hides the Backprop view (Ctrl+B).
  QAction* backpropAction() const { return m_backpropAction; }
  /// What the graph's edges show: w, ∂L/∂w (Ctrl+G) or Δw (Ctrl+Shift+G).
  QAction* weightsAction() const { return m_weightsAction; }
  QAction* gradientAction() const { return m_gradientAction; }
  QAction* changeAction() const { return m_changeAction; }
  WeightLegend* legend() const { return m_legend; }
  /// The loss-landscape view (View ▸ Loss landscape) and its dock.
  LandscapePanel* landscape() const { return m_landscape; }
  QDockWidget* landscapeDock() const { return m_landscapeDock; }
  /// The preset's name, or the data file's path, of the experiment last loaded (not of a
  /// session opened over it): exports are named after it.
  QString experimentName() const { return m_experimentName; }

  /// What a session file keeps: the runner's state (taken at the next epoch boundary) and what
  /// the window shows. Throws std::future_error when the runner has stopped.
  Session captureSession() const override;
  /// Shows `session` as it was saved, paused.
  void applySession(const Session& session) override;
  /// Puts a model file's weights on the current data; false with `error` when the file cannot
  /// be read or its shape does not fit the data. Nothing changes then.
  bool loadModelFile(const QString& path, QString* error) override;

 public slots:
  /// Pulls the runner's snapshot and redraws if it changed (the timer calls it).
  void refresh();
  /// Opens the in-place weight editor for one edge (refused while training).
  void editWeight(int layer, int from, int to, const QPoint& globalPosition);
  /// Opens the Backprop view (and gives it the keyboard).
  void showBackprop();
  /// Replaces the experiment (data, architecture, settings) with a preset.
  void loadPreset(const Preset& preset) override;

 protected:
  /// Times the window's repaints (UpdateRequest) for the frame statistics.
  bool event(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createWidgets();
  QWidget* createNetworkPanel();
  QWidget* createLossPanel();
  QWidget* createMapPanel();
  QWidget* createTimelineBar(QWidget* parent);
  static QLabel* panelTitle(const QString& text, QWidget* parent);
  /// Log x and the smoothing slider, in the LOSS panel's header.
  void addChartOptions(QHBoxLayout* header, QWidget* parent);
  /// What to show now: the runner's latest snapshot, or the timeline's earlier epoch.
  std::shared_ptr<const TrainingSnapshot> currentSnapshot();
  void createMenus();
  void createViewAndHelpMenus();
  void createBackprop();
  void createLandscape(QMenu* view);
  void createEdgeMeasureActions();
  void createPresetsMenu();
  void connectCommands();
  /// Train, Step, Reset, the rate, the speed limit and the stop conditions.
  void connectTrainingCommands();
  /// The architecture, settings, data, scaling, generator and the graph's clicks.
  void connectEditCommands();
  void showSnapshot(const std::shared_ptr<const TrainingSnapshot>& snapshot);
  void inspectNeuron(int column, int unit);
  void showGeneratorOf(const Preset& preset);
  void generate(Generator generator, const GeneratorSettings& settings);
  void restoreLayout();
  void saveLayout() const;

  std::unique_ptr<TrainingRunner> m_runner;
  std::shared_ptr<const TrainingSnapshot> m_shown;
  bool m_shownLive = true;  ///< whether m_shown was the present (not the timeline's past)
  std::uint64_t m_shownSerial = 0;
  std::string m_shownMessage;
  int m_sample = 0;
  FrameStats m_frames;

  QTimer* m_timer;
  ControlBar* m_controls = nullptr;
  DatasetPanel* m_data = nullptr;
  GeneratePanel* m_generate = nullptr;
  NetworkView* m_graph = nullptr;
  WeightLegend* m_legend = nullptr;
  QLabel* m_info = nullptr;
  ArchitecturePanel* m_architecture = nullptr;
  LossChart* m_chart = nullptr;
  StopPanel* m_stops = nullptr;
  Timeline* m_timeline = nullptr;
  TimelineBar* m_timelineBar = nullptr;
  DecisionMapPanel* m_map = nullptr;
  QWidget* m_mapSection = nullptr;  // the OUTPUT title and map; hidden without 2 inputs
  OutputSection* m_output = nullptr;
  QCheckBox* m_logScale = nullptr;
  QCheckBox* m_logX = nullptr;     ///< the loss chart's epochs on a log axis
  QSlider* m_smoothing = nullptr;  ///< the loss chart's EMA weight, in hundredths
  NeuronInspector* m_inspector = nullptr;
  StatusLine* m_statusLine = nullptr;
  SessionController* m_session = nullptr;
  Exporter* m_exporter = nullptr;
  /// How the data was generated, while it comes from the Generate panel or a generated preset.
  std::optional<std::pair<Generator, GeneratorSettings>> m_generated;
  BackpropPanel* m_backprop = nullptr;
  QDockWidget* m_backpropDock = nullptr;
  QAction* m_backpropAction = nullptr;
  QAction* m_weightsAction = nullptr;
  QAction* m_gradientAction = nullptr;
  QAction* m_changeAction = nullptr;
  LandscapePanel* m_landscape = nullptr;
  QDockWidget* m_landscapeDock = nullptr;
  QSplitter* m_columns = nullptr;
  QSplitter* m_rightColumn = nullptr;
  QString m_experimentName;
};

}  // namespace nnlab
