#include "ui/lessons/lesson_session.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>

#include "core/training_runner.h"
#include "ui/backprop/backprop_panel.h"
#include "ui/backprop/backprop_steps.h"
#include "ui/data/dataset_panel.h"
#include "ui/lessons/lesson_controls.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {

namespace {
constexpr int kPollMs = 30;
constexpr int kMaxStepWaits = 30000 / kPollMs;  // a step that takes over 30 s is given up
}  // namespace

LessonSession::LessonSession(MainWindow& window, QObject* parent)
    : QObject(parent), m_window(window), m_timer(new QTimer(this)) {
  m_timer->setInterval(kPollMs);
  connect(m_timer, &QTimer::timeout, this, &LessonSession::poll);
}

// The window may be half destroyed by now (the Lessons dock is its child): touch none of it.
LessonSession::~LessonSession() { m_timer->stop(); }

bool LessonSession::start(const LoadedLesson& loaded, QString* error) {
  const Lesson& lesson = loaded.lesson;
  if (!lesson.session.empty()) {
    if (!m_window.session()->maybeSave()) return false;
    end();
    if (!openSession(loaded, error)) return false;
  } else {
    const std::string file = loaded.path.toStdString();
    std::string problem;
    const std::optional<Preset> preset = lessonExperiment(lesson, file, &problem);
    if (!preset) {
      *error = QString::fromStdString(problem);
      return false;
    }
    if (!m_window.session()->maybeSave()) return false;
    end();
    m_window.loadPreset(*preset);
    if (!lesson.parameters.empty()) {
      Network network = preset->makeNetwork();
      applyLessonParameters(lesson, file, &network, &problem);  // checked by lessonExperiment
      m_window.runner().setModel(std::move(network));
    }
  }
  m_window.session()->newExperiment();  // a lesson's work is the learner's, never its file's
  m_setupCommand = m_window.runner().postedCommands();
  m_lesson = loaded;
  m_lesson->lesson.check->resetMemory();
  m_holds = false;
  m_shownSerial = 0;
  applyLocks(true);
  for (const std::string& name : lesson.highlights)
    if (QWidget* control = LessonControls::find(m_window, QString::fromStdString(name)))
      m_highlights.emplace_back(new LessonHighlight(control));
  m_timer->start();
  emit checkChanged(false);
  return true;
}

bool LessonSession::openSession(const LoadedLesson& loaded, QString* error) {
  const Lesson& lesson = loaded.lesson;
  // Beside the lesson file, unless absolute.
  const QString path =
      QFileInfo(loaded.path).dir().filePath(QString::fromStdString(lesson.session));
  QString problem;
  if (!m_window.session()->open(path, &problem)) {
    *error = QStringLiteral("%1:%2: %3").arg(loaded.path).arg(lesson.setupLine).arg(problem);
    return false;
  }
  // A session brings its network and settings; only these overrides apply to it.
  TrainingRunner& runner = m_window.runner();
  if (lesson.learningRate) runner.setLearningRate(*lesson.learningRate);
  if (lesson.stopAt) runner.setMaxEpochs(*lesson.stopAt);
  for (const ParameterSetting& p : lesson.parameters)
    if (!p.bias) runner.setWeight(p.layer - 1, p.from - 1, p.to - 1, p.value);
  return true;
}

void LessonSession::end() {
  m_timer->stop();
  m_step = -1;
  if (m_lesson) applyLocks(false);
  for (const QPointer<LessonHighlight>& highlight : m_highlights) delete highlight.data();
  m_highlights.clear();
  m_lesson.reset();
  m_holds = false;
}

void LessonSession::applyLocks(bool locked) {
  for (const std::string& name : m_lesson->lesson.locked)
    LessonControls::setLocked(LessonControls::find(m_window, QString::fromStdString(name)), locked);
}

ViewState LessonSession::viewState() const {
  ViewState view;
  const QModelIndex current = m_window.dataPanel()->view()->currentIndex();
  view.selectedRow = current.isValid() ? current.row() + 1 : 1;
  view.backpropOpen = m_window.backpropDock()->isVisible();
  view.backpropStep = m_window.backprop()->currentStep() + 1;
  return view;
}

bool LessonSession::evaluate(const TrainingSnapshot& snapshot) {
  // Snapshots from before the set-up are of the last experiment, not of this lesson.
  if (!m_lesson || snapshot.commandsApplied < m_setupCommand) return false;
  const bool holds = m_lesson->lesson.check->holds(SnapshotQuantities(snapshot, viewState()));
  if (holds != m_holds) {
    m_holds = holds;
    emit checkChanged(holds);
  }
  return holds;
}

bool LessonSession::setUp() const {
  return m_lesson && m_window.runner().latestSnapshot()->commandsApplied >= m_setupCommand;
}

bool LessonSession::evaluateLatest() { return evaluate(*m_window.runner().latestSnapshot()); }

void LessonSession::poll() {
  if (!m_lesson) return;
  applyLocks(true);  // the window re-enables some controls as training starts and stops
  const auto shown = m_window.shownSnapshot();
  if (shown && shown->serial != m_shownSerial) {
    m_shownSerial = shown->serial;
    evaluate(*shown);
  } else if (shown) {
    evaluate(*shown);  // the view state (selected row, Backprop view) may have changed
  }
  if (m_step < 0) return;
  if (!stepFinished() && ++m_stepWaits < kMaxStepWaits) return;
  ++m_step;
  runStep();
}

void LessonSession::showMe() {
  if (!m_lesson || m_lesson->lesson.showMe.empty()) return;
  m_step = 0;
  runStep();
}

void LessonSession::runStep() {
  const std::vector<LessonStep>& steps = m_lesson->lesson.showMe;
  if (m_step >= static_cast<int>(steps.size())) {
    m_step = -1;
    emit showMeFinished();
    return;
  }
  m_stepWaits = 0;
  post(steps[static_cast<std::size_t>(m_step)]);
  m_stepCommand = m_window.runner().postedCommands();
}

bool LessonSession::stepFinished() const {
  const LessonStep& step = m_lesson->lesson.showMe[static_cast<std::size_t>(m_step)];
  if (step.kind == LessonStep::Kind::Backprop)
    return m_window.backprop()->update() && !m_window.backprop()->busy();
  const auto snapshot = m_window.runner().latestSnapshot();
  return snapshot->commandsApplied >= m_stepCommand && snapshot->state != RunState::Running &&
         m_window.shownSnapshot() && m_window.shownSnapshot()->serial == snapshot->serial;
}

void LessonSession::post(const LessonStep& step) {
  TrainingRunner& runner = m_window.runner();
  const std::vector<double>& n = step.numbers;
  const auto index = [&n](std::size_t i) { return static_cast<int>(n[i]) - 1; };
  m_window.session()->markModified();
  switch (step.kind) {
    case LessonStep::Kind::LearningRate:
      runner.setLearningRate(n[0]);
      break;
    case LessonStep::Kind::Weight:
      runner.setWeight(index(0), index(1), index(2), n[3]);
      break;
    case LessonStep::Kind::Bias:
      setBias(index(0), index(1), n[2]);
      break;
    case LessonStep::Kind::Train:
      runner.step(static_cast<long long>(n[0]));
      m_window.controls()->expectCommand(runner.postedCommands());
      break;
    case LessonStep::Kind::Reset:
      m_window.controls()->setSeed(static_cast<quint64>(n[0]));
      runner.reset(static_cast<std::uint64_t>(n[0]));
      break;
    case LessonStep::Kind::Layers:
      setLayers(n);
      break;
    case LessonStep::Kind::Row:
      m_window.dataPanel()->view()->selectRow(index(0));
      break;
    case LessonStep::Kind::Backprop:
      m_window.showBackprop();
      if (!n.empty()) {
        // The view explains the next update on its own thread: choose the step once it has.
        const int wanted = index(0);
        auto* wait = new QTimer(this);
        connect(wait, &QTimer::timeout, this, [this, wait, wanted] {
          if (!m_window.backprop()->update() || m_window.backprop()->busy()) return;
          m_window.backprop()->setStep(wanted);
          wait->deleteLater();
        });
        wait->start(kPollMs);
      }
      break;
    case LessonStep::Kind::Set:
      setControl(step);
      break;
  }
}

void LessonSession::setBias(int layer, int unit, double value) {
  Network network = m_window.runner().latestSnapshot()->network;
  if (layer >= 0 && layer < network.layerCount()) {
    RowVector& bias = network.layer(layer).bias;
    if (unit >= 0 && unit < bias.size()) bias(unit) = value;
  }
  m_window.runner().setModel(std::move(network));
}

void LessonSession::setLayers(const std::vector<double>& sizes) {
  const auto snapshot = m_window.runner().latestSnapshot();
  NetworkSpec spec = snapshot->network.spec();
  const Activation hidden = spec.layers.front().activation;
  const Activation output = spec.layers.back().activation;
  spec.inputs = static_cast<int>(sizes.front());
  spec.layers.clear();
  for (std::size_t i = 1; i < sizes.size(); ++i)
    spec.layers.push_back({static_cast<int>(sizes[i]), i + 1 == sizes.size() ? output : hidden});
  m_window.runner().setNetwork(spec, snapshot->init, snapshot->seed);
}

void LessonSession::setControl(const LessonStep& step) {
  QWidget* control = LessonControls::find(m_window, QString::fromStdString(step.control));
  const QString value = QString::fromStdString(step.value);
  if (auto* box = qobject_cast<QSpinBox*>(control)) {
    box->setValue(value.toInt());
  } else if (auto* box = qobject_cast<QDoubleSpinBox*>(control)) {
    box->setValue(value.toDouble());
  } else if (auto* combo = qobject_cast<QComboBox*>(control)) {
    int found = combo->findText(value);
    if (found < 0) found = combo->findData(value);
    if (found >= 0) combo->setCurrentIndex(found);
  } else if (auto* edit = qobject_cast<QLineEdit*>(control)) {
    edit->setText(value);
    emit edit->editingFinished();
  } else if (auto* slider = qobject_cast<QSlider*>(control)) {
    slider->setValue(value.toInt());
  } else if (auto* button = qobject_cast<QAbstractButton*>(control)) {
    if (button->isCheckable())
      button->setChecked(value == QStringLiteral("on") || value == QStringLiteral("true"));
    else
      button->click();
  }
}

}  // namespace nnlab
