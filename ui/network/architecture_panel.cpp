#include "ui/network/architecture_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>

#include "core/training_runner.h"
#include "ui/common/labelled_field.h"
#include "ui/common/limited_spin_box.h"

namespace nnlab {

namespace {

// Limits, each for a reason the tooltips repeat:
// - 8 hidden layers: each layer is a column of the graph, and 10 columns (inputs, 8 hidden,
//   output) is what the NETWORK panel shows side by side at 1024 px without crowding.
// - 64 units a layer: the graph draws every neuron as a circle to hover and click; 64 in a
//   column (8 px circles in a 700 px window) is the most that can still be pointed at. Drawing
//   stays at 60 frames/s up to 8 × 64 (see kEdgeBudget in network_view.cpp). A network given
//   more on the command line (--layers) keeps them: its boxes go up to what it has.
// - A batch of 1,000,000 rows: more than the largest data nnlab is tested with (a million
//   rows, docs/robustness.md); a batch larger than the data takes every row anyway.
constexpr int kMaxHiddenLayers = 8;
constexpr int kMaxUnits = 64;
constexpr int kMaxBatch = 1000000;

QString unitsReason() {
  return ArchitecturePanel::tr("more neurons would be too small to point at in the graph");
}

QString text(std::string_view view) {
  return QString::fromUtf8(view.data(), static_cast<qsizetype>(view.size()));
}

bool sameSpec(const NetworkSpec& a, const NetworkSpec& b) {
  if (a.inputs != b.inputs || a.bias != b.bias || a.layers.size() != b.layers.size()) return false;
  for (size_t i = 0; i < a.layers.size(); ++i)
    if (a.layers[i].units != b.layers[i].units || a.layers[i].activation != b.layers[i].activation)
      return false;
  return true;
}

bool sameSettings(const TrainingSettings& a, const TrainingSettings& b) {
  return a.loss == b.loss && a.optimizer.kind == b.optimizer.kind && a.batchSize == b.batchSize;
}

void selectData(QComboBox* combo, int value) {
  const QSignalBlocker blocker(combo);
  combo->setCurrentIndex(combo->findData(value));
}

}  // namespace

ArchitecturePanel::ArchitecturePanel(QWidget* parent)
    : QWidget(parent),
      m_layerGrid(new QGridLayout),
      m_addLayer(new QPushButton(tr("+ layer"), this)),
      m_removeLayer(new QPushButton(tr("− layer"), this)),
      m_bias(new QCheckBox(tr("Bias"), this)),
      m_initBox(new QComboBox(this)),
      m_loss(new QComboBox(this)),
      m_optimizer(new QComboBox(this)),
      m_batch(new LimitedSpinBox(this)) {
  m_addLayer->setToolTip(
      tr("Add a hidden layer before the output (the weights are drawn again; Ctrl+Z undoes it). "
         "At most %1 hidden layers: the graph shows them side by side.")
          .arg(kMaxHiddenLayers));
  m_removeLayer->setToolTip(tr("Remove the last hidden layer (the weights are drawn again)."));
  m_bias->setToolTip(
      tr("A bias b is a number added to each neuron's weighted sum, letting it "
         "shift its threshold."));
  m_initBox->setToolTip(tr("How the first weights are drawn at random (Reset draws them again)."));
  m_loss->setToolTip(
      tr("The loss measures how far predictions are from targets: SSE sums the "
         "squared errors, MSE averages them, BCE is the cross-entropy of yes/no outputs, CE that "
         "of one class among several (with a softmax output)."));
  m_optimizer->setToolTip(
      tr("The rule that changes the weights after each batch (gd: plain "
         "gradient descent on all rows)."));
  m_batch->setLimits(0, kMaxBatch, tr("The batch size"),
                     tr("more rows than the largest data nnlab is tested with"));
  m_batch->setDescription(tr("Rows per weight update for sgd, momentum and adam (0: all rows)."));
  connect(m_batch, &LimitedSpinBox::limitHit, this, &ArchitecturePanel::statusMessage);
  for (Init init : {Init::Uniform01, Init::Uniform, Init::Xavier, Init::He, Init::Zeros})
    m_initBox->addItem(text(initName(init)), static_cast<int>(init));
  for (Loss loss : {Loss::Sse, Loss::Mse, Loss::Bce, Loss::Ce})
    m_loss->addItem(text(lossLabel(loss)), static_cast<int>(loss));
  for (OptimizerKind kind : {OptimizerKind::Gd, OptimizerKind::Sgd, OptimizerKind::Momentum,
                             OptimizerKind::Adam, OptimizerKind::Perceptron})
    m_optimizer->addItem(text(optimizerName(kind)), static_cast<int>(kind));
  m_batch->setKeyboardTracking(false);

  auto* layers = new QHBoxLayout;
  layers->addWidget(new QLabel(tr("Layers"), this));
  layers->addWidget(m_addLayer);
  layers->addWidget(m_removeLayer);
  // Eight hidden layers do not fit beside the buttons: let the row scroll sideways.
  auto* grid = new QWidget(this);
  grid->setLayout(m_layerGrid);
  m_layerGrid->setContentsMargins(0, 0, 0, 0);
  m_layerGrid->setSizeConstraint(QLayout::SetMinimumSize);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(grid);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  scroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  m_layerScroll = scroll;
  layers->addWidget(scroll, 1);
  // Two short rows rather than one long one: the centre column can be narrow.
  auto* training = new QGridLayout;
  // Each row fits the column at 1024 px wide with every combo box showing its longest item.
  addLabelledField(*training, tr("Init"), m_initBox, 0, 0);
  addLabelledField(*training, tr("Batch"), m_batch, 0, 2);
  training->addWidget(m_bias, 0, 4);
  addLabelledField(*training, tr("Loss"), m_loss, 1, 0);
  addLabelledField(*training, tr("Optimizer"), m_optimizer, 1, 2, 2);
  training->setColumnStretch(5, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(layers);
  layout->addLayout(training);

  connect(m_addLayer, &QPushButton::clicked, this, &ArchitecturePanel::addHiddenLayer);
  connect(m_removeLayer, &QPushButton::clicked, this, &ArchitecturePanel::removeHiddenLayer);
  connect(m_bias, &QCheckBox::toggled, this, [this](bool on) {
    NetworkSpec spec = m_spec;
    spec.bias = on;
    requestNetwork(spec);
  });
  connect(m_initBox, &QComboBox::activated, this, [this] { requestNetwork(m_spec); });
  connect(m_loss, &QComboBox::activated, this, &ArchitecturePanel::requestSettings);
  connect(m_optimizer, &QComboBox::activated, this, &ArchitecturePanel::requestSettings);
  connect(m_batch, &QSpinBox::valueChanged, this, &ArchitecturePanel::requestSettings);
}

void ArchitecturePanel::showSnapshot(const TrainingSnapshot& snapshot) {
  const NetworkSpec spec = snapshot.network.spec();
  if (m_synced && sameSpec(spec, m_spec) && snapshot.init == m_init &&
      sameSettings(snapshot.settings, m_settings) && snapshot.message == m_message)
    return;
  m_spec = spec;
  m_init = snapshot.init;
  m_settings = snapshot.settings;
  m_message = snapshot.message;
  m_synced = true;
  syncWidgets();
}

void ArchitecturePanel::syncWidgets() {
  buildLayerWidgets();
  const QSignalBlocker biasBlocker(m_bias);
  m_bias->setChecked(m_spec.bias);
  selectData(m_initBox, static_cast<int>(m_init));
  selectData(m_loss, static_cast<int>(m_settings.loss));
  selectData(m_optimizer, static_cast<int>(m_settings.optimizer.kind));
  const QSignalBlocker batchBlocker(m_batch);
  m_batch->setValue(m_settings.batchSize);
  // gd always takes every row at once and the perceptron one at a time.
  const OptimizerKind kind = m_settings.optimizer.kind;
  m_batch->setEnabled(kind != OptimizerKind::Gd && kind != OptimizerKind::Perceptron);
  const int hidden = hiddenLayerCount();
  m_addLayer->setEnabled(hidden < kMaxHiddenLayers);
  m_removeLayer->setEnabled(hidden > 0);
}

QComboBox* ArchitecturePanel::activationCombo(Activation current, bool output, QWidget* parent) {
  auto* combo = new QComboBox(parent);
  combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // never "sigmoi"
  for (Activation a : {Activation::Sigmoid, Activation::Tanh, Activation::Relu, Activation::Linear,
                       Activation::Step, Activation::Softmax}) {
    if (a == Activation::Softmax && !output) continue;  // it normalises a whole output layer
    combo->addItem(text(activationName(a)), static_cast<int>(a));
  }
  selectData(combo, static_cast<int>(current));
  const QString redrawn = tr(" A change draws new weights; Ctrl+Z undoes it.");
  combo->setToolTip((output ? tr("The output layer's activation f, a = f(z). softmax turns the "
                                 "outputs into class probabilities that sum to 1 (use it with CE).")
                            : tr("The activation function f that turns a neuron's sum z into its "
                                 "output a = f(z).")) +
                    redrawn);
  return combo;
}

void ArchitecturePanel::buildLayerWidgets() {
  for (QWidget* widget : m_layerWidgets) delete widget;
  m_layerWidgets.clear();
  // The editors live in the scroll area's content widget from the start. Made after the window
  // is shown, they would otherwise stay hidden until someone called show() on each.
  QWidget* grid = m_layerScroll->widget();
  const int layers = static_cast<int>(m_spec.layers.size());
  for (int l = 0; l < layers; ++l) {
    const bool output = l == layers - 1;
    auto* name = new QLabel(output ? tr("output") : tr("hidden %1").arg(l + 1), grid);
    name->setAlignment(Qt::AlignCenter);
    m_layerGrid->addWidget(name, 0, l);
    m_layerWidgets.push_back(name);
    auto* units = new LimitedSpinBox(grid);
    const int count = m_spec.layers[l].units;
    units->setLimits(1, std::max(kMaxUnits, count), tr("Units in %1").arg(name->text()),
                     unitsReason());
    units->setValue(count);
    units->setKeyboardTracking(false);
    units->setEnabled(!output);  // the output width follows the dataset's target columns
    if (output)
      units->setToolTip(tr("Output units: one per target column of the data."));
    else
      units->setDescription(
          tr("Neurons in this hidden layer (a change draws new weights; "
             "Ctrl+Z undoes it)."));
    connect(units, &LimitedSpinBox::limitHit, this, &ArchitecturePanel::statusMessage);
    connect(units, &QSpinBox::valueChanged, this, [this, l](int value) {
      NetworkSpec spec = m_spec;
      spec.layers[l].units = value;
      requestNetwork(spec);
    });
    QComboBox* activation = activationCombo(m_spec.layers[l].activation, output, grid);
    connect(activation, &QComboBox::activated, this, [this, l, activation] {
      NetworkSpec spec = m_spec;
      spec.layers[l].activation = static_cast<Activation>(activation->currentData().toInt());
      requestNetwork(spec);
    });
    m_layerGrid->addWidget(units, 1, l);
    m_layerGrid->addWidget(activation, 2, l);
    m_layerWidgets.push_back(units);
    m_layerWidgets.push_back(activation);
  }
  for (QWidget* widget : m_layerWidgets) widget->show();
  m_layerGrid->activate();
  grid->adjustSize();
  // Room for the three rows and for the sideways scroll bar, which may come and go.
  const int rows = std::max(grid->sizeHint().height(), m_layerGrid->minimumSize().height());
  m_layerScroll->setFixedHeight(rows + m_layerScroll->horizontalScrollBar()->sizeHint().height());
}

QList<QSpinBox*> ArchitecturePanel::unitBoxes() const {
  QList<QSpinBox*> boxes;
  for (QWidget* widget : m_layerWidgets)
    if (auto* box = qobject_cast<QSpinBox*>(widget)) boxes.push_back(box);
  return boxes;
}

QList<QComboBox*> ArchitecturePanel::activationCombos() const {
  QList<QComboBox*> combos;
  for (QWidget* widget : m_layerWidgets)
    if (auto* combo = qobject_cast<QComboBox*>(widget)) combos.push_back(combo);
  return combos;
}

void ArchitecturePanel::addHiddenLayer() {
  if (hiddenLayerCount() >= kMaxHiddenLayers || m_spec.layers.empty()) return;
  NetworkSpec spec = m_spec;
  const LayerSpec like = spec.layers.size() > 1 ? spec.layers[spec.layers.size() - 2]
                                                : LayerSpec{4, spec.layers.back().activation};
  spec.layers.insert(spec.layers.end() - 1, like);
  requestNetwork(spec);
}

void ArchitecturePanel::removeHiddenLayer() {
  if (hiddenLayerCount() <= 0) return;
  NetworkSpec spec = m_spec;
  spec.layers.erase(spec.layers.end() - 2);
  requestNetwork(spec);
}

void ArchitecturePanel::requestNetwork(const NetworkSpec& spec) {
  emit networkRequested(spec, static_cast<Init>(m_initBox->currentData().toInt()));
  // Show the runner's answer, whatever it is, on the next snapshot.
  m_synced = false;
}

void ArchitecturePanel::requestSettings() {
  TrainingSettings settings = m_settings;
  settings.loss = static_cast<Loss>(m_loss->currentData().toInt());
  settings.optimizer.kind = static_cast<OptimizerKind>(m_optimizer->currentData().toInt());
  settings.batchSize = m_batch->value();
  emit settingsRequested(settings);
  m_synced = false;
}

}  // namespace nnlab
