// The window's menus: File (sessions, import and export), Edit (undo), Training, Presets,
// View and Help.
#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QUndoStack>

#include "ui/chart/timeline.h"
#include "ui/data/dataset_panel.h"
#include "ui/landscape/landscape_panel.h"
#include "ui/lessons/lessons_panel.h"
#include "ui/network/network_view.h"
#include "ui/window/application_info.h"
#include "ui/window/control_bar.h"
#include "ui/window/exporter.h"
#include "ui/window/help_dialogs.h"
#include "ui/window/language_menu.h"
#include "ui/window/lessons_dock.h"
#include "ui/window/main_window.h"
#include "ui/window/model_export_dialog.h"
#include "ui/window/preset_text.h"
#include "ui/window/session_controller.h"

namespace nnlab {

void MainWindow::createLandscape(QMenu* view) {
  m_landscapeDock = new QDockWidget(tr("Loss landscape"), this);
  m_landscapeDock->setObjectName(QStringLiteral("landscapeDock"));
  m_landscape = new LandscapePanel(*m_runner, m_data->undoStack(), m_landscapeDock);
  m_landscapeDock->setWidget(m_landscape);
  addDockWidget(Qt::RightDockWidgetArea, m_landscapeDock);
  if (auto* button = m_landscapeDock->findChild<QAbstractButton*>("qt_dockwidget_floatbutton"))
    button->setToolTip(tr("Dock the loss landscape in the window, or float it again"));
  if (auto* button = m_landscapeDock->findChild<QAbstractButton*>("qt_dockwidget_closebutton"))
    button->setToolTip(tr("Close the loss landscape (View ▸ Loss landscape opens it again)"));
  m_landscapeDock->setFloating(true);
  m_landscapeDock->resize(520, 600);
  m_landscapeDock->hide();
  QAction* show = m_landscapeDock->toggleViewAction();
  show->setText(tr("Loss l&andscape"));
  view->addAction(show);
  // A point of the path picked on the landscape is shown on the timeline.
  connect(m_landscape, &LandscapePanel::epochPicked, m_timeline, &Timeline::showEpoch);
  connect(m_landscape, &LandscapePanel::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 10000); });
  if (m_shown) m_landscape->showSnapshot(m_shown);
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(m_session->openAction());
  file->addMenu(m_session->recentMenu());
  file->addAction(m_session->saveAction());
  file->addAction(m_session->saveAsAction());
  file->addSeparator();
  file->addAction(m_data->importAction());
  m_data->exportAction()->setText(tr("Data as CSV…"));
  file->addMenu(m_exporter->menu());
  file->addAction(tr("Export &model as…"), this,
                  [this] { ModelExportDialog::interactive(*m_runner, *m_exporter, *this); });
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = m_data->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
  QAction* redo = m_data->undoStack()->createRedoAction(this, tr("&Redo"));
  // Ctrl+Shift+Z and Ctrl+Y both, whatever the platform's own Redo key is.
  QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
  for (const QKeySequence& key :
       {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
    if (!redoKeys.contains(key)) redoKeys.append(key);
  redo->setShortcuts(redoKeys);
  edit->addAction(undo);
  edit->addAction(redo);

  QMenu* training = menuBar()->addMenu(tr("&Training"));
  training->addAction(m_controls->trainAction());
  training->addAction(m_controls->stepAction());
  training->addAction(m_controls->resetAction());
  training->addAction(m_backpropAction);

  createPresetsMenu();
  createViewAndHelpMenus();
}

void MainWindow::createViewAndHelpMenus() {
  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* fit = view->addAction(tr("&Fit graph"), m_graph, &NetworkView::fitGraph);
  fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  view->addAction(m_backpropAction);
  QMenu* edges = view->addMenu(tr("&Edges show"));
  edges->addActions({m_weightsAction, m_gradientAction, m_changeAction});
  QAction* log = view->addAction(tr("&Log-scale loss"));
  log->setCheckable(true);
  connect(log, &QAction::toggled, m_logScale, &QCheckBox::setChecked);
  connect(m_logScale, &QCheckBox::toggled, log, &QAction::setChecked);
  createLandscape(view);
  view->addSeparator();
  view->addMenu(new LanguageMenu(*m_session, *this, view));

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Lessons"), this, [this] { showLessons(*this); });
  QAction* keys =
      help->addAction(tr("&Keyboard shortcuts"), this, [this] { showShortcuts(*this); });
  keys->setShortcut(QKeySequence(Qt::Key_F1));
  help->addAction(tr("The &article"), this, [this] {
    if (!m_session->maybeSave()) return;  // the seed replaces the whole session
    loadPreset(seedPreset());
    m_session->newExperiment();
    showArticleGuide(*this);
  });
  help->addAction(tr("&About nnlab"), this,
                  [this] { QMessageBox::about(this, tr("About nnlab"), aboutText()); });
}

void MainWindow::createPresetsMenu() {
  // Grouped as the presets are used: the seed article, 2-D classification (with the output
  // map), regression, then logic gates; the order within each is core's menu order.
  const auto groupOf = [](const Preset& preset) {
    if (!preset.generator) return preset.name == "seed" ? 0 : 3;
    return *preset.generator == Generator::Sine || *preset.generator == Generator::Plane ? 2 : 1;
  };
  std::vector<Preset> presets;
  for (const std::string& name : presetNames())
    if (std::optional<Preset> preset = findPreset(name)) presets.push_back(std::move(*preset));
  QMenu* menu = menuBar()->addMenu(tr("&Presets"));
  menu->setToolTipsVisible(true);
  for (int group = 0; group < 4; ++group) {
    if (group > 0) menu->addSeparator();
    for (const Preset& preset : presets) {
      if (groupOf(preset) != group) continue;
      const QString name = QString::fromStdString(preset.name);
      // Each action loads a fresh copy: the data is drawn again from the preset's seed.
      QAction* action = menu->addAction(name, this, [this, name] {
        if (!m_session->maybeSave()) return;  // a preset replaces the whole session
        if (const std::optional<Preset> chosen = findPreset(name.toStdString())) {
          loadPreset(*chosen);
          m_session->newExperiment();
        }
      });
      action->setData(name);
      action->setToolTip(presetDescription(preset));
      action->setStatusTip(action->toolTip());
    }
  }
}

}  // namespace nnlab
