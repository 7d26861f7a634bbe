#include "ui/lessons/lessons_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <memory>

#include "core/training_runner.h"
#include "ui/backprop/prediction_box.h"
#include "ui/common/error_box.h"
#include "ui/lessons/lesson_session.h"

namespace nnlab {

namespace {
const QString kDoneKey = QStringLiteral("lessons/done");

QString textOf(const LessonText& text) { return QString::fromStdString(text.in(lessonLanguage())); }
}  // namespace

LessonsPanel::LessonsPanel(TrainingRunner& runner, LessonSession* session, QWidget* parent)
    : QWidget(parent),
      m_runner(runner),
      m_session(session),
      m_lessons(shippedLessons()),
      m_list(new QListWidget(this)),
      m_title(new QLabel(this)),
      m_text(new QTextBrowser(this)),
      m_task(new QLabel(this)),
      m_check(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_predictions(new PredictionBox(this)),
      m_start(new QPushButton(tr("Start"), this)),
      m_showMe(new QPushButton(tr("Show me"), this)),
      m_next(new QPushButton(tr("Next lesson"), this)),
      m_hintTimer(new QTimer(this)) {
  m_session->setParent(this);
  setObjectName(QStringLiteral("lessonsPanel"));
  m_list->setMaximumHeight(120);
  m_list->setTextElideMode(Qt::ElideRight);
  m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setMinimumWidth(240);
  QFont bold = m_title->font();
  bold.setBold(true);
  m_title->setFont(bold);
  m_title->setWordWrap(true);
  m_text->setOpenExternalLinks(true);
  for (QLabel* label : {m_task, m_check, m_hint}) {
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  m_task->setFont(bold);
  m_hint->setVisible(false);
  m_start->setToolTip(tr("Set the window up for this lesson (again)"));
  m_showMe->setToolTip(tr("Do the task in the window, step by step"));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_start);
  buttons->addWidget(m_showMe);
  buttons->addStretch();
  buttons->addWidget(m_next);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_list);
  layout->addWidget(m_title);
  layout->addWidget(m_text, 1);
  layout->addWidget(m_task);
  layout->addWidget(m_check);
  layout->addWidget(m_hint);
  layout->addWidget(m_predictions);
  layout->addLayout(buttons);
  m_hintTimer->setSingleShot(true);
  connect(m_hintTimer, &QTimer::timeout, this,
          [this] { m_hint->setVisible(!m_hint->text().isEmpty()); });
  connect(m_list, &QListWidget::currentRowChanged, this, &LessonsPanel::showLesson);
  connect(m_list, &QListWidget::itemActivated, this, [this] { startChosen(); });
  connect(m_start, &QPushButton::clicked, this, &LessonsPanel::startChosen);
  connect(m_showMe, &QPushButton::clicked, m_session, &LessonSession::showMe);
  connect(m_next, &QPushButton::clicked, this, [this] {
    const int next = m_list->currentRow() + 1;
    if (next >= lessonCount()) return;
    m_list->setCurrentRow(next);
    startChosen();
  });
  connect(m_session, &LessonSession::checkChanged, this, &LessonsPanel::showCheck);
  fillList();
  showLesson(m_lessons.empty() ? -1 : 0);
}

void LessonsPanel::fillList() {
  const QStringList done = doneLessons();
  const QSignalBlocker blocker(m_list);
  const int row = m_list->currentRow();
  m_list->clear();
  for (std::size_t i = 0; i < m_lessons.size(); ++i) {
    const Lesson& lesson = m_lessons[i].lesson;
    const bool ticked = done.contains(QString::fromStdString(lesson.id));
    m_list->addItem(QStringLiteral("%1%2. %3")
                        .arg(ticked ? QStringLiteral("✓ ") : QStringLiteral("   "))
                        .arg(i + 1)
                        .arg(textOf(lesson.title)));
  }
  m_list->setCurrentRow(row);
}

void LessonsPanel::showLesson(int index) {
  const bool valid = index >= 0 && index < lessonCount();
  m_start->setEnabled(valid);
  m_showMe->setEnabled(valid && index == m_current);
  m_next->setEnabled(index + 1 < lessonCount());
  if (!valid) {
    m_title->clear();
    m_text->clear();
    m_task->clear();
    m_check->clear();
    m_hint->clear();
    return;
  }
  const Lesson& lesson = m_lessons[static_cast<std::size_t>(index)].lesson;
  if (index != m_current) m_predictions->setLesson(nullptr, {});
  m_title->setText(textOf(lesson.title));
  m_text->setMarkdown(textOf(lesson.text));
  m_task->setText(tr("Task: %1").arg(textOf(lesson.task)));
  m_hint->setText(lesson.hint.empty() ? QString() : tr("Hint: %1").arg(textOf(lesson.hint)));
  m_hint->setVisible(false);
  if (index == m_current) {
    showCheck(m_session->checkHolds());
  } else {
    m_check->setText(tr("Press Start to set the window up for this lesson."));
  }
  m_start->setText(index == m_current ? tr("Start again") : tr("Start"));
}

void LessonsPanel::startChosen() {
  QString error;
  if (!startLesson(m_list->currentRow(), &error) && !error.isEmpty())
    showError(this, tr("Lesson failed"), tr("The lesson could not be set up."), error);
}

bool LessonsPanel::startLesson(int index, QString* error) {
  if (index < 0 || index >= lessonCount()) {
    *error = tr("There is no lesson %1.").arg(index + 1);
    return false;
  }
  if (!m_session->start(m_lessons[static_cast<std::size_t>(index)], error)) return false;
  m_current = index;
  {
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentRow(index);
  }
  showLesson(index);
  showCheck(false);
  const Lesson& lesson = m_lessons[static_cast<std::size_t>(index)].lesson;
  m_hintTimer->start(static_cast<int>(lesson.hintAfterSeconds * 1000));
  m_predictions->setLesson(&lesson, [this, index](const std::vector<std::optional<double>>& typed) {
    // Graded against the numbers the window shows now (the latest once the set-up is in).
    const Lesson& lesson = m_lessons[static_cast<std::size_t>(index)].lesson;
    const auto snapshot = m_runner.latestSnapshot();
    return gradePredictions(lesson.predictions, typed,
                            SnapshotQuantities(*snapshot, m_session->viewState()),
                            lesson.tolerance);
  });
  return true;
}

void LessonsPanel::endLesson() {
  m_session->end();
  m_hintTimer->stop();
  m_current = -1;
  m_predictions->setLesson(nullptr, {});
  showLesson(m_list->currentRow());
}

bool LessonsPanel::openLessonFile(const QString& path, QString* error) {
  std::optional<LoadedLesson> lesson = loadLessonFile(path, error);
  if (!lesson) return false;
  m_predictions->setLesson(nullptr, {});  // it points into the list, which may move now
  m_lessons.push_back(std::move(*lesson));
  fillList();
  return startLesson(lessonCount() - 1, error);
}

void LessonsPanel::showCheck(bool holds) {
  if (m_current < 0 || m_list->currentRow() != m_current) return;
  if (holds) {
    m_check->setText(tr("✓ Done: the task's check holds."));
    m_check->setStyleSheet(QStringLiteral("color: #1a8f3c;"));
    markDone(m_lessons[static_cast<std::size_t>(m_current)].lesson.id);
  } else {
    m_check->setText(tr("Not yet: the check does not hold."));
    m_check->setStyleSheet(QString());
  }
}

void LessonsPanel::markDone(const std::string& id) {
  QStringList done = doneLessons();
  const QString name = QString::fromStdString(id);
  if (done.contains(name)) return;
  done << name;
  settings()->setValue(kDoneKey, done);
  fillList();
}

QStringList LessonsPanel::doneLessons() { return settings()->value(kDoneKey).toStringList(); }

QString& LessonsPanel::settingsFile() {
  static QString file;
  return file;
}

std::unique_ptr<QSettings> LessonsPanel::settings() {
  if (settingsFile().isEmpty()) return std::make_unique<QSettings>();
  return std::make_unique<QSettings>(settingsFile(), QSettings::IniFormat);
}

QJsonObject LessonsPanel::report() const {
  QJsonObject lesson;
  if (m_current < 0) return lesson;
  const Lesson& current = m_lessons[static_cast<std::size_t>(m_current)].lesson;
  lesson[QStringLiteral("id")] = QString::fromStdString(current.id);
  lesson[QStringLiteral("title")] = textOf(current.title);
  lesson[QStringLiteral("check")] = m_session->evaluateLatest();
  return lesson;
}

}  // namespace nnlab
