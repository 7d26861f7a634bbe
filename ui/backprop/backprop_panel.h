#pragma once

#include <QWidget>
#include <array>
#include <future>
#include <memory>
#include <optional>
#include <vector>

#include "core/training_runner.h"
#include "ui/backprop/backprop_steps.h"

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QTimer;

namespace nnlab {

/// The Backprop view: one update of the runner's network walked through in steps — the forward
/// pass layer by layer, the loss, the backward pass layer by layer, the update — each written as
/// its formula with the numbers of one batch row substituted. The update is computed from the
/// runner's state by training's own code (explainNextUpdate) on a worker thread, so the view
/// never blocks or races training; while training runs it explains the epoch it was taken at.
/// Apply this update trains exactly one epoch: the weights then equal what Step gives.
class BackpropPanel : public QWidget {
  Q_OBJECT

 public:
  explicit BackpropPanel(TrainingRunner& runner, QWidget* parent = nullptr);
  ~BackpropPanel() override;

  /// The explained update, or nullptr before the first explanation has arrived.
  const ExplainedUpdate* update() const { return m_update ? &*m_update : nullptr; }
  const std::vector<BackpropStep>& steps() const { return m_steps; }
  int currentStep() const { return m_step; }
  /// The batch row whose numbers are written out (from 0).
  int batchRow() const { return m_row; }
  /// True while an explanation is being computed.
  bool busy() const { return m_pending.valid(); }
  /// The last look-ahead shown (nullopt before the first).
  std::optional<LookAhead> lookAhead() const { return m_lookAhead; }
  QLabel* lookAheadLabel() const { return m_lookAheadLabel; }
  QPushButton* applyButton() const { return m_apply; }
  QPushButton* nextButton() const { return m_next; }
  QPushButton* previousButton() const { return m_previous; }
  QTextBrowser* text() const { return m_text; }

 public slots:
  /// Explains the runner's next update, from its state at the next epoch boundary.
  void explain();
  void setStep(int index);
  void next() { setStep(m_step + 1); }
  void previous() { setStep(m_step - 1); }
  void first() { setStep(0); }
  void last() { setStep(static_cast<int>(m_steps.size()) - 1); }
  /// Shows the numbers of the batch row holding dataset row `datasetRow` (when it is in the
  /// batch).
  void showDatasetRow(int datasetRow);
  /// The neuron the inspector shows (column 0 = inputs): its numbers are written out even in a
  /// layer too wide to show every unit.
  void setSelectedNeuron(int column, int unit);
  /// Shows one weight's gradient row by row (an edge clicked in the graph), until the next step
  /// is chosen.
  void showWeight(int layer, int from, int to);
  /// Recomputes the look-ahead — the loss this update leaves — for a learning rate (the
  /// learning-rate slider calls it as it moves).
  void setLookAheadRate(double learningRate);

 signals:
  /// The step shown changed (or a new update arrived): the graph highlights what it computes.
  void stepChanged(const nnlab::BackpropStep& step);
  /// A new explanation is shown.
  void explained();

 protected:
  bool event(QEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  /// What the worker hands back: the state explained, its update and the look-ahead.
  struct Explanation {
    std::shared_ptr<const RunnerState> state;
    ExplainedUpdate update;
    LookAhead lookAhead;
  };

  void poll();
  void showUpdate(Explanation explanation);
  void refreshText();
  void apply();
  QString headerText() const;

  TrainingRunner& m_runner;
  void showLookAhead(const LookAhead& lookAhead);
  void startLookAhead();

  std::future<Explanation> m_pending;
  std::shared_ptr<const RunnerState> m_state;  // the state m_update explains
  std::future<LookAhead> m_pendingLookAhead;
  std::optional<double> m_wantedRate;  // a rate asked for while another was being computed
  std::optional<LookAhead> m_lookAhead;
  QLabel* m_lookAheadLabel;
  std::optional<ExplainedUpdate> m_update;
  std::vector<BackpropStep> m_steps;
  int m_step = 0;
  int m_row = 0;
  std::pair<int, int> m_selected{-1, -1};
  std::optional<std::array<int, 3>> m_weight;  // the weight shown instead of the step
  bool m_wasRunning = false;                   // the state it explains was taken while training ran
  long long m_awaitEpoch = -1;  // after Apply: explain again once the runner reaches it
  QTimer* m_poll;
  QLabel* m_header;
  QLabel* m_sign;
  QListWidget* m_list;
  QTextBrowser* m_text;
  QSpinBox* m_rowBox;
  QPushButton* m_first;
  QPushButton* m_previous;
  QPushButton* m_next;
  QPushButton* m_last;
  QPushButton* m_apply;
  QPushButton* m_refresh;
};

}  // namespace nnlab
