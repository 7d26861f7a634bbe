#pragma once

#include <QJsonObject>
#include <QWidget>
#include <memory>
#include <vector>

#include "ui/lessons/lesson_library.h"

class QSettings;
class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace nnlab {

class LessonSession;
class PredictionBox;
class TrainingRunner;

/// Help ▸ Lessons: the shipped lessons (and any opened file) in a list, the chosen one's text,
/// its task and whether its check holds now, a hint after a while, and Show me. Lessons whose
/// check held once are ticked, remembered across runs.
class LessonsPanel : public QWidget {
  Q_OBJECT

 public:
  /// `session` (which it takes over) sets lessons up in the window and plays their Show me; the
  /// predictions typed in are graded against `runner`'s latest snapshot.
  LessonsPanel(TrainingRunner& runner, LessonSession* session, QWidget* parent = nullptr);

  /// Starts lesson `index` (from 0, in the list's order); false with `error` when it cannot.
  bool startLesson(int index, QString* error);
  /// Ends the running lesson (its locks and highlights go; the experiment stays).
  void endLesson();
  /// Adds a lesson file to the list and starts it; false with `error` ("FILE:LINE: problem").
  bool openLessonFile(const QString& path, QString* error);
  /// The lesson running (its index in the list), −1 for none.
  int currentLesson() const { return m_current; }
  int lessonCount() const { return static_cast<int>(m_lessons.size()); }
  LessonSession* session() const { return m_session; }
  /// {"id", "title", "check"}: the running lesson, its check on the latest snapshot.
  QJsonObject report() const;
  /// Lesson ids whose check has held once (QSettings lessons/done).
  static QStringList doneLessons();
  /// Where progress is kept: the application's settings, or (when set, for tests that run in
  /// parallel) an INI file of its own.
  static QString& settingsFile();
  static std::unique_ptr<QSettings> settings();

  QListWidget* list() const { return m_list; }
  QLabel* taskLabel() const { return m_task; }
  QLabel* checkLabel() const { return m_check; }
  QLabel* hintLabel() const { return m_hint; }
  QTextBrowser* text() const { return m_text; }
  QPushButton* startButton() const { return m_start; }
  QPushButton* showMeButton() const { return m_showMe; }
  QPushButton* nextButton() const { return m_next; }
  QTimer* hintTimer() const { return m_hintTimer; }
  PredictionBox* predictions() const { return m_predictions; }

 private:
  void fillList();
  void showLesson(int index);
  void startChosen();
  void showCheck(bool holds);
  void markDone(const std::string& id);

  TrainingRunner& m_runner;
  LessonSession* m_session;
  std::vector<LoadedLesson> m_lessons;
  int m_current = -1;
  QListWidget* m_list;
  QLabel* m_title;
  QTextBrowser* m_text;
  QLabel* m_task;
  QLabel* m_check;
  QLabel* m_hint;
  PredictionBox* m_predictions;
  QPushButton* m_start;
  QPushButton* m_showMe;
  QPushButton* m_next;
  QTimer* m_hintTimer;
};

}  // namespace nnlab
