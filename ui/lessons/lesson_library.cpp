#include "ui/lessons/lesson_library.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include "ui/lessons/lesson_controls.h"
#include "ui/window/language.h"

// nnlab_ui is a static library: this call keeps the linker from dropping the lessons.
// (Q_INIT_RESOURCE declares a global function, so it is called from the global namespace.)
static void initLessons() { Q_INIT_RESOURCE(lessons); }

namespace nnlab {

QStringList shippedLessonFiles() {
  initLessons();
  QStringList files;
  const QDir folder(QStringLiteral(":/lessons"));
  for (const QString& name :
       folder.entryList({QStringLiteral("*.lesson")}, QDir::Files, QDir::Name))
    files << folder.filePath(name);
  return files;
}

std::optional<LoadedLesson> loadLessonFile(const QString& path, QString* error) {
  // Shipped lessons are named by their file name, files on disk as the user gave them.
  const QString shown = path.startsWith(QStringLiteral(":/")) ? QFileInfo(path).fileName() : path;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
    *error = QStringLiteral("%1: %2").arg(shown, file.errorString());
    return std::nullopt;
  }
  const QByteArray text = file.readAll();
  std::string problem;
  std::optional<Lesson> lesson =
      parseLesson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                  shown.toStdString(), &problem);
  if (lesson && lesson->session.empty() &&
      !lessonExperiment(*lesson, shown.toStdString(), &problem))
    lesson.reset();
  if (!lesson) {
    *error = QString::fromStdString(problem);
    return std::nullopt;
  }
  const QStringList known = LessonControls::names();
  for (const auto& [name, line] : lesson->controlLines) {
    if (!known.contains(QString::fromStdString(name))) {
      *error = QStringLiteral("%1:%2: no control named '%3' (known: %4)")
                   .arg(shown)
                   .arg(line)
                   .arg(QString::fromStdString(name), known.join(QStringLiteral(", ")));
      return std::nullopt;
    }
  }
  return LoadedLesson{std::move(*lesson), path};
}

std::vector<LoadedLesson> shippedLessons() {
  std::vector<LoadedLesson> lessons;
  for (const QString& path : shippedLessonFiles()) {
    QString error;
    if (auto lesson = loadLessonFile(path, &error)) lessons.push_back(std::move(*lesson));
  }
  return lessons;
}

std::string lessonLanguage() {
  return currentLanguage() == QStringLiteral("zh_CN") ? "zh_CN" : "en";
}

}  // namespace nnlab
