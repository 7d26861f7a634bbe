#pragma once

#include <QGroupBox>
#include <QList>
#include <functional>
#include <optional>
#include <vector>

#include "core/lesson/lesson.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace nnlab {

/// "Predict, then see": the learner types each number of a lesson's predictions (a neuron's z,
/// then its a; a δ's factors, then δ) before the app shows it; Check grades them within the
/// lesson's tolerance, points at the first wrong one, and reveals every value.
class PredictionBox : public QGroupBox {
  Q_OBJECT

 public:
  /// Grades typed numbers against the window as it is now.
  using Grader = std::function<PredictionGrade(const std::vector<std::optional<double>>&)>;

  explicit PredictionBox(QWidget* parent = nullptr);
  /// Shows `lesson`'s predictions (hidden when it has none), empty and unrevealed.
  void setLesson(const Lesson* lesson, Grader grader);

  QList<QLineEdit*> fields() const { return m_fields; }
  QPushButton* checkButton() const { return m_check; }
  QLabel* resultLabel() const { return m_result; }

 private:
  void grade();
  void clearRows();

  const Lesson* m_lesson = nullptr;
  Grader m_grader;
  QList<QLabel*> m_labels;
  QList<QLineEdit*> m_fields;
  QList<QLabel*> m_values;
  QWidget* m_rows;
  QPushButton* m_check;
  QLabel* m_result;
};

}  // namespace nnlab
