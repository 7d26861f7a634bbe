#include "ui/backprop/prediction_box.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

#include "ui/lessons/lesson_library.h"

namespace nnlab {

namespace {
QString number(double value) { return QString::number(value, 'g', 4); }
}  // namespace

PredictionBox::PredictionBox(QWidget* parent)
    : QGroupBox(tr("Predict, then see"), parent),
      m_rows(new QWidget(this)),
      m_check(new QPushButton(tr("Check my numbers"), this)),
      m_result(new QLabel(this)) {
  setObjectName(QStringLiteral("predictionBox"));
  setToolTip(
      tr("Work each number out yourself, type it, then check: nnlab grades it and shows "
         "the right value"));
  m_result->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  new QGridLayout(m_rows);
  layout->addWidget(m_rows);
  layout->addWidget(m_check, 0, Qt::AlignLeft);
  layout->addWidget(m_result);
  connect(m_check, &QPushButton::clicked, this, &PredictionBox::grade);
  setVisible(false);
}

void PredictionBox::clearRows() {
  for (QList<QLabel*>* labels : {&m_labels, &m_values}) {
    qDeleteAll(*labels);
    labels->clear();
  }
  qDeleteAll(m_fields);
  m_fields.clear();
  m_result->clear();
}

void PredictionBox::setLesson(const Lesson* lesson, Grader grader) {
  clearRows();
  m_lesson = lesson;
  m_grader = std::move(grader);
  const bool shown = lesson && !lesson->predictions.empty();
  setVisible(shown);
  if (!shown) return;
  auto* grid = static_cast<QGridLayout*>(m_rows->layout());
  const std::string language = lessonLanguage();
  for (const Prediction& prediction : lesson->predictions) {
    const int row = static_cast<int>(m_fields.size());
    auto* label = new QLabel(QString::fromStdString(prediction.label.in(language)), m_rows);
    label->setWordWrap(true);
    auto* field = new QLineEdit(m_rows);
    field->setPlaceholderText(tr("your number"));
    field->setMaximumWidth(90);
    auto* value = new QLabel(m_rows);
    grid->addWidget(label, row, 0);
    grid->addWidget(field, row, 1);
    grid->addWidget(value, row, 2);
    m_labels << label;
    m_fields << field;
    m_values << value;
    connect(field, &QLineEdit::returnPressed, this, &PredictionBox::grade);
  }
  grid->setColumnStretch(0, 1);
}

void PredictionBox::grade() {
  if (!m_lesson || !m_grader) return;
  std::vector<std::optional<double>> typed;
  for (QLineEdit* field : m_fields) {
    QString text = field->text().trimmed();
    text.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = text.toDouble(&ok);
    typed.push_back(ok ? std::optional<double>(value) : std::nullopt);
  }
  const PredictionGrade grade = m_grader(typed);
  for (int i = 0; i < m_values.size(); ++i) {
    const bool wrong = i == grade.firstWrong;
    m_values[i]->setText(
        QStringLiteral("= %1").arg(number(grade.values[static_cast<std::size_t>(i)])));
    m_fields[i]->setStyleSheet(wrong ? QStringLiteral("border: 2px solid #c62828;") : QString());
  }
  if (grade.right()) {
    m_result->setText(tr("✓ All right, within %1.").arg(m_lesson->tolerance));
    return;
  }
  const std::size_t wrong = static_cast<std::size_t>(grade.firstWrong);
  const QString label = m_labels[grade.firstWrong]->text();
  m_result->setText(typed[wrong]
                        ? tr("✗ The first wrong number is %1: you typed %2, it is %3.")
                              .arg(label, number(*typed[wrong]), number(grade.values[wrong]))
                        : tr("✗ The first number missing is %1: it is %2.")
                              .arg(label, number(grade.values[wrong])));
}

}  // namespace nnlab
