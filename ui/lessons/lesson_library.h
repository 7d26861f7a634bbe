#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "core/lesson/lesson.h"

namespace nnlab {

/// A lesson and the file it came from.
struct LoadedLesson {
  Lesson lesson;
  QString path;  ///< where it was read (":/lessons/…" for the shipped ones)
};

/// The shipped lessons' files (resources/lessons/, compiled in), in the panel's order.
QStringList shippedLessonFiles();
/// Reads one lesson file; nullopt with `error` ("FILE:LINE: problem") when it is not a valid
/// lesson or its set-up does not fit its preset.
std::optional<LoadedLesson> loadLessonFile(const QString& path, QString* error);
/// Every shipped lesson that loads, in the panel's order.
std::vector<LoadedLesson> shippedLessons();
/// The language lesson texts are shown in: the window's ("zh_CN" or "en").
std::string lessonLanguage();

}  // namespace nnlab
