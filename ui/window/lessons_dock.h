#pragma once

#include <QString>

namespace nnlab {

class LessonsPanel;
class MainWindow;

// Help ▸ Lessons in the window: the dock that holds the LessonsPanel, and the start-up options
// that open it.

/// The Lessons dock of `window`, created on first use (hidden).
LessonsPanel* lessonsPanel(MainWindow& window);
/// Shows the Lessons dock.
void showLessons(MainWindow& window);
/// --lesson N|FILE: starts shipped lesson N (from 1) or the lesson file in the Lessons dock,
/// and plays its Show me when asked; false with `error` when there is no such lesson or the file
/// is not one ("FILE:LINE: problem").
bool openLesson(MainWindow& window, const QString& lesson, bool showMe, QString* error);
/// On the very first start (nothing in QSettings yet), opens the Lessons dock once.
void offerLessonsOnFirstStart(MainWindow& window);

}  // namespace nnlab
