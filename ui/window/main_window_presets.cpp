// The window's experiments: a preset loaded, data generated.
#include <QAction>
#include <QStatusBar>
#include <exception>
#include <string_view>

#include "core/training_runner.h"
#include "ui/data/dataset_panel.h"
#include "ui/data/generate_panel.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"
#include "ui/window/preset_text.h"

namespace nnlab {

void MainWindow::loadPreset(const Preset& preset) {
  m_experimentName = QString::fromStdString(preset.name);
  m_controls->trainAction()->setChecked(false);
  m_data->setDataset(preset.dataset);
  m_runner->setDataset(preset.dataset);
  m_runner->setInputScaling(preset.scaling);
  // The runner checks new settings against the network it has, and a new network against the
  // settings it has. The perceptron rule trains only one layer: go through plain gradient
  // descent, which fits any network, so that neither the old network nor the new one refuses.
  TrainingSettings bridge = preset.settings;
  if (bridge.optimizer.kind == OptimizerKind::Perceptron) bridge.optimizer.kind = OptimizerKind::Gd;
  m_runner->setSettings(bridge);
  m_runner->setNetwork(preset.spec, preset.init, preset.seed);
  m_runner->setSettings(preset.settings);
  // A fresh experiment: no stop from the last one, only the preset's own (the seed's 1500).
  StopConditions stops;
  stops.maxEpochs = preset.stopAt;
  m_runner->setStopConditions(stops);
  m_controls->setSeed(preset.seed);
  showGeneratorOf(preset);
  statusBar()->showMessage(presetDescription(preset), 30000);  // what it shows, what to try
}

void MainWindow::generate(Generator generator, const GeneratorSettings& settings) {
  try {
    const std::string_view name = generatorName(generator);
    m_data->replaceData(
        generateData(generator, settings),
        tr("Generate %n %1 row(s)", nullptr, settings.samples)
            .arg(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))));
    m_generated = std::make_pair(generator, settings);
  } catch (const std::exception& problem) {
    statusBar()->showMessage(tr("Not generated: %1").arg(QString::fromStdString(problem.what())),
                             8000);
  }
}

void MainWindow::showGeneratorOf(const Preset& preset) {
  if (preset.generator)
    m_generated = std::make_pair(*preset.generator, preset.generatorSettings);
  else
    m_generated.reset();
  if (preset.generator)
    m_generate->showGenerator(*preset.generator, preset.generatorSettings);
  else
    m_generate->setExpanded(false);
}

}  // namespace nnlab
