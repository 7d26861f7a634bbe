#include "ui/window/lessons_dock.h"

#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QSettings>
#include <QTimer>
#include <algorithm>
#include <memory>

#include "ui/lessons/lesson_session.h"
#include "ui/lessons/lessons_panel.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

const QString kOfferedKey = QStringLiteral("lessons/offered");

}  // namespace

LessonsPanel* lessonsPanel(MainWindow& window) {
  if (auto* panel = window.findChild<LessonsPanel*>()) return panel;
  auto* dock = new QDockWidget(LessonsPanel::tr("Lessons"), &window);
  dock->setObjectName(QStringLiteral("lessonsDock"));
  auto* panel = new LessonsPanel(window.runner(), new LessonSession(window), dock);
  dock->setWidget(panel);
  window.addDockWidget(Qt::LeftDockWidgetArea, dock);
  dock->hide();
  // Closing the Lessons ends the lesson: no control stays locked by a lesson out of sight.
  QObject::connect(dock->toggleViewAction(), &QAction::toggled, panel, [panel](bool shown) {
    if (!shown && panel->currentLesson() >= 0) panel->endLesson();
  });
  return panel;
}

void showLessons(MainWindow& window) {
  LessonsPanel* panel = lessonsPanel(window);
  auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget());
  const bool wasHidden = dock->isHidden();
  dock->show();
  dock->raise();
  // A quarter of the window at most, a readable column at least; after the event loop has run
  // once, as the window may be resized right after (--size).
  if (wasHidden)
    QTimer::singleShot(0, dock, [dock, &window] {
      window.resizeDocks({dock}, {std::clamp(window.width() / 4, 260, 380)}, Qt::Horizontal);
    });
  panel->list()->setFocus();
}

bool openLesson(MainWindow& window, const QString& lesson, bool showMe, QString* error) {
  LessonsPanel* panel = lessonsPanel(window);
  bool isNumber = false;
  const int number = lesson.toInt(&isNumber);
  if (isNumber && (number < 1 || number > panel->lessonCount())) {
    *error = LessonsPanel::tr("there is no lesson %1 (the lessons are numbered 1 to %2)")
                 .arg(lesson)
                 .arg(panel->lessonCount());
    return false;
  }
  const bool started =
      isNumber ? panel->startLesson(number - 1, error) : panel->openLessonFile(lesson, error);
  if (!started) return false;
  showLessons(window);
  if (showMe) panel->session()->showMe();
  return true;
}

void offerLessonsOnFirstStart(MainWindow& window) {
  const std::unique_ptr<QSettings> settings = LessonsPanel::settings();
  if (settings->value(kOfferedKey, false).toBool()) return;
  settings->setValue(kOfferedKey, true);
  showLessons(window);
}

}  // namespace nnlab
