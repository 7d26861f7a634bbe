// The Lessons panel and the shipped lessons, driven through the real window, offscreen.
#include "ui/lessons/lessons_panel.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

#include "core/training_runner.h"
#include "tests/ui/child_process.h"
#include "ui/backprop/prediction_box.h"
#include "ui/data/dataset_panel.h"
#include "ui/lessons/lesson_controls.h"
#include "ui/lessons/lesson_library.h"
#include "ui/lessons/lesson_session.h"
#include "ui/network/network_view.h"
#include "ui/window/control_bar.h"
#include "ui/window/lessons_dock.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 60000;

struct LessonWindow {
  MainWindow window{seedPreset()};
  LessonsPanel* panel = nullptr;

  QTemporaryDir settings;

  LessonWindow() {
    LessonsPanel::settingsFile() = settings.filePath(QStringLiteral("lessons.ini"));
    window.resize(1280, 800);
    window.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
    showLessons(window);
    panel = lessonsPanel(window);
  }
  /// Clicks lesson `index` in the list and then Start, as a learner does.
  void start(int index) {
    QListWidget* list = panel->list();
    const QRect item = list->visualItemRect(list->item(index));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, item.center());
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    ASSERT_EQ(panel->currentLesson(), index);
    ASSERT_TRUE(QTest::qWaitFor([this] { return panel->session()->setUp(); }, kTimeoutMs));
    QTest::qWait(100);  // a few frames of the set-up
  }
};

TEST(LessonsPanel, ListsTheShippedLessonsAndShowsTheChosenOnesText) {
  LessonWindow w;
  ASSERT_GE(w.panel->lessonCount(), 12);
  EXPECT_EQ(w.panel->list()->count(), w.panel->lessonCount());
  EXPECT_TRUE(w.panel->list()->item(0)->text().contains(QStringLiteral("1. The M-P neuron")));
  QListWidget* list = w.panel->list();
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                    list->visualItemRect(list->item(6)).center());
  EXPECT_TRUE(w.panel->taskLabel()->text().contains(QStringLiteral("1500")));
  EXPECT_TRUE(w.panel->text()->toPlainText().contains(QStringLiteral("0.979")));
  EXPECT_FALSE(w.panel->showMeButton()->isEnabled());  // not started yet
}

TEST(LessonsPanel, TheCheckFollowsTheWindowAndProgressIsRemembered) {
  LessonWindow w;
  w.start(3);  // the forward pass: select row 4
  EXPECT_FALSE(w.panel->session()->checkHolds());
  EXPECT_TRUE(w.panel->checkLabel()->text().startsWith(QStringLiteral("Not yet")));
  QTableView* table = w.window.dataPanel()->view();
  const QRect row4 = table->visualRect(table->model()->index(3, 0));
  QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, row4.center());
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.panel->session()->checkHolds(); }, kTimeoutMs));
  EXPECT_TRUE(w.panel->checkLabel()->text().startsWith(QStringLiteral("✓")));
  EXPECT_TRUE(LessonsPanel::doneLessons().contains(QStringLiteral("forward-pass")));
  EXPECT_TRUE(w.panel->list()->item(3)->text().startsWith(QStringLiteral("✓")));
  // Back to row 1: the check no longer holds, but the lesson stays done.
  QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                    table->visualRect(table->model()->index(0, 0)).center());
  ASSERT_TRUE(QTest::qWaitFor([&] { return !w.panel->session()->checkHolds(); }, kTimeoutMs));
  // A new panel (the next run) shows it ticked.
  LessonsPanel again(w.window.runner(), new LessonSession(w.window));
  EXPECT_TRUE(again.list()->item(3)->text().startsWith(QStringLiteral("✓")));
  EXPECT_FALSE(again.list()->item(2)->text().startsWith(QStringLiteral("✓")));
}

TEST(LessonsPanel, PredictThenSeeGradesTheTypedNumbersAndPointsAtTheFirstWrongOne) {
  LessonWindow w;
  w.start(3);  // the forward pass: h1.1's z and a for row 4
  PredictionBox* box = w.panel->predictions();
  ASSERT_TRUE(box->isVisible());
  ASSERT_EQ(box->fields().size(), 2);
  const Matrix& W1 = w.window.runner().latestSnapshot()->network.layer(0).weights;
  const double z = W1(0, 0) + W1(1, 0) + W1(2, 0);  // row 4 is (1, 1, 1)
  const double a = 1.0 / (1.0 + std::exp(-z));
  QTest::keyClicks(box->fields()[0], QString::number(z, 'f', 4));
  QTest::keyClicks(box->fields()[1], QStringLiteral("0.5"));
  QTest::mouseClick(box->checkButton(), Qt::LeftButton);
  EXPECT_TRUE(
      box->resultLabel()->text().contains(QStringLiteral("first wrong number is its output")))
      << box->resultLabel()->text().toStdString();
  EXPECT_TRUE(box->resultLabel()->text().contains(QString::number(a, 'g', 4)));
  box->fields()[1]->clear();
  QTest::keyClicks(box->fields()[1], QString::number(a, 'f', 3));
  QTest::keyClick(box->fields()[1], Qt::Key_Return);
  EXPECT_TRUE(box->resultLabel()->text().startsWith(QStringLiteral("✓")))
      << box->resultLabel()->text().toStdString();
  box->fields()[0]->clear();
  QTest::mouseClick(box->checkButton(), Qt::LeftButton);
  EXPECT_TRUE(box->resultLabel()->text().contains(QStringLiteral("first number missing is z")));
  w.start(6);  // no predictions in the 1500 iterations
  EXPECT_FALSE(box->isVisible());
}

TEST(LessonsPanel, TheHintAppearsAfterItsTime) {
  LessonWindow w;
  w.start(1);
  EXPECT_FALSE(w.panel->hintLabel()->isVisible());
  EXPECT_TRUE(w.panel->hintTimer()->isActive());
  EXPECT_EQ(w.panel->hintTimer()->interval(), 45000);  // the lesson's hint-after
  w.panel->hintTimer()->start(10);
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.panel->hintLabel()->isVisible(); }, kTimeoutMs));
  EXPECT_TRUE(w.panel->hintLabel()->text().contains(QStringLiteral("Step")));
}

TEST(LessonsPanel, LocksAndHighlightsLastAsLongAsTheirLesson) {
  LessonWindow w;
  w.start(0);  // the M-P neuron by hand: Train and Step locked
  ControlBar* bar = w.window.controls();
  EXPECT_FALSE(bar->trainButton()->isEnabled());
  EXPECT_FALSE(bar->trainAction()->isEnabled());
  QTest::keyClick(&w.window, Qt::Key_Space);  // the shortcut is locked too
  QTest::qWait(100);
  EXPECT_EQ(w.window.runner().latestSnapshot()->epoch, 0);
  const auto highlights = [&] {
    return w.window.networkView()->findChildren<LessonHighlight*>().size();
  };
  EXPECT_EQ(highlights(), 1);
  w.start(1);  // the perceptron rule: Train is the point
  EXPECT_TRUE(bar->trainButton()->isEnabled());
  EXPECT_TRUE(bar->trainAction()->isEnabled());
  EXPECT_EQ(highlights(), 1);  // lesson 2 highlights the graph too, once
  EXPECT_EQ(bar->trainButton()->findChildren<LessonHighlight*>().size(), 1);
  w.start(2);
  EXPECT_EQ(highlights(), 0);
  w.start(0);
  EXPECT_FALSE(bar->trainButton()->isEnabled());
  // Closing the Lessons ends the lesson: nothing stays locked or framed out of sight.
  auto* dock = w.window.findChild<QDockWidget*>(QStringLiteral("lessonsDock"));
  ASSERT_TRUE(dock->close());
  EXPECT_EQ(w.panel->currentLesson(), -1);
  EXPECT_TRUE(bar->trainButton()->isEnabled());
  EXPECT_TRUE(bar->trainAction()->isEnabled());
  EXPECT_EQ(highlights(), 0);
}

TEST(LessonsPanel, ALessonCanStartFromASessionFileBesideIt) {
  LessonWindow w;
  QTemporaryDir dir;
  QString error;
  ASSERT_TRUE(w.window.session()->save(dir.filePath(QStringLiteral("start.nnlab")), &error))
      << error.toStdString();
  const QString path = dir.filePath(QStringLiteral("own.lesson"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(
      "id: own\ntitle: Own\ntask: T\ncheck: weight[1][1][1] == 0.25\n"
      "session: start.nnlab\nlr: 0.5\nweight: 1 1 1 = 0.25\nshow: train 1\n");
  file.close();
  ASSERT_TRUE(openLesson(w.window, path, false, &error)) << error.toStdString();
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.panel->session()->checkHolds(); }, kTimeoutMs));
  EXPECT_EQ(w.window.runner().latestSnapshot()->settings.optimizer.learningRate, 0.5);
  EXPECT_TRUE(w.window.windowTitle().contains(QStringLiteral("Untitled")) ||
              !w.window.windowTitle().contains(QStringLiteral("start.nnlab")))
      << w.window.windowTitle().toStdString();
}

TEST(LessonsPanel, ABadLessonFileIsRefusedWithItsLineAndTheWindowGoesOn) {
  LessonWindow w;
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("bad.lesson"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("id: bad\ntitle: Bad\nhighlight: nowhere\ntask: T\ncheck: loss <\n");
  file.close();
  QString error;
  EXPECT_FALSE(openLesson(w.window, path, false, &error));
  EXPECT_EQ(error, path + QStringLiteral(":5: check: column 7: expected a number or a name, "
                                         "found the end"));
  ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  file.write("id: bad\ntitle: Bad\nhighlight: nowhere\ntask: T\ncheck: loss < 1\n");
  file.close();
  EXPECT_FALSE(openLesson(w.window, path, false, &error));
  EXPECT_TRUE(error.startsWith(path + QStringLiteral(":3: no control named 'nowhere'")))
      << error.toStdString();
  EXPECT_FALSE(openLesson(w.window, QStringLiteral("99"), false, &error));
  EXPECT_EQ(error.toStdString(), "there is no lesson 99 (the lessons are numbered 1 to " +
                                     std::to_string(w.panel->lessonCount()) + ")");
  EXPECT_EQ(w.panel->currentLesson(), -1);
  EXPECT_EQ(w.panel->list()->count(), w.panel->lessonCount());
  EXPECT_TRUE(w.window.isVisible());
}

TEST(LessonsPanel, IsOfferedOnTheFirstStartOnly) {
  QTemporaryDir settings;
  LessonsPanel::settingsFile() = settings.filePath(QStringLiteral("lessons.ini"));
  {
    MainWindow window(seedPreset());
    window.show();
    offerLessonsOnFirstStart(window);
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("lessonsDock"));
    ASSERT_NE(dock, nullptr);
    EXPECT_TRUE(dock->isVisible());
  }
  MainWindow window(seedPreset());
  window.show();
  offerLessonsOnFirstStart(window);
  EXPECT_EQ(window.findChild<QDockWidget*>(QStringLiteral("lessonsDock")), nullptr);
}

TEST(Lessons, EveryShippedLessonLoadsInBothLanguages) {
  const QStringList files = shippedLessonFiles();
  ASSERT_GE(files.size(), 12);
  for (const QString& path : files) {
    QString error;
    const auto loaded = loadLessonFile(path, &error);
    ASSERT_TRUE(loaded) << error.toStdString();
    const Lesson& lesson = loaded->lesson;
    for (const LessonText* text : {&lesson.title, &lesson.text, &lesson.task, &lesson.hint}) {
      for (const std::string& language : lessonLanguages()) {
        EXPECT_EQ(text->byLanguage.count(language), 1u) << path.toStdString() << " " << language;
      }
      // Chinese, not a copy of the English.
      const QString chinese = QString::fromStdString(text->in("zh_CN"));
      EXPECT_TRUE(std::any_of(chinese.begin(), chinese.end(), [](QChar c) {
        return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF;
      })) << path.toStdString();
    }
    EXPECT_FALSE(lesson.showMe.empty()) << path.toStdString();
  }
}

class ShippedLesson : public ::testing::TestWithParam<int> {};

// The set-up is a wrong state (the check does not hold), and Show me makes the check hold.
TEST_P(ShippedLesson, ShowMeMakesItsCheckHold) {
  LessonWindow w;
  ASSERT_LT(GetParam(), w.panel->lessonCount());
  w.start(GetParam());
  EXPECT_FALSE(w.panel->session()->evaluateLatest());
  EXPECT_FALSE(w.panel->session()->checkHolds());
  QSlider* speed = w.window.controls()->speedSlider();
  speed->setValue(speed->maximum());  // unlimited: the test need not watch
  QTest::mouseClick(w.panel->showMeButton(), Qt::LeftButton);
  ASSERT_TRUE(w.panel->session()->showingMe());
  ASSERT_TRUE(QTest::qWaitFor([&] { return !w.panel->session()->showingMe(); }, kTimeoutMs));
  EXPECT_TRUE(w.panel->session()->evaluateLatest());
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.panel->session()->checkHolds(); }, kTimeoutMs));
}

INSTANTIATE_TEST_SUITE_P(Every, ShippedLesson, ::testing::Range(0, 12),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return "Lesson" + std::to_string(info.param + 1);
                         });

/// Runs the real nnlab with `arguments` (settings in a temporary folder); its exit status.
int runNnlab(const QTemporaryDir& dir, const QStringList& arguments, QString* errors) {
  QProcess nnlab;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
  environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  nnlab.setProcessEnvironment(environment);
  nnlab.start(QStringLiteral(NNLAB_GUI_BINARY), arguments);
  EXPECT_TRUE(nnlab.waitForFinished(kTimeoutMs));
  *errors = QString::fromUtf8(nnlab.readAllStandardError());
  return nnlab.exitCode();
}

QJsonObject lessonReport(const QTemporaryDir& dir) {
  QFile file(dir.filePath(QStringLiteral("r.json")));
  EXPECT_TRUE(file.open(QIODevice::ReadOnly));
  return QJsonDocument::fromJson(file.readAll()).object()[QStringLiteral("lesson")].toObject();
}

TEST(Lessons, AScriptedRunReportsTheLessonsCheck) {
  NNLAB_SKIP_CHILD_PROCESS_TEST();
  QTemporaryDir dir;
  const QString report = dir.filePath(QStringLiteral("r.json"));
  QString errors;
  ASSERT_EQ(runNnlab(dir, {"--lesson", "2", "--report", report, "--quit"}, &errors), 0)
      << errors.toStdString();
  QJsonObject lesson = lessonReport(dir);
  EXPECT_EQ(lesson[QStringLiteral("id")].toString(), QStringLiteral("perceptron-and"));
  EXPECT_EQ(lesson[QStringLiteral("title")].toString(),
            QStringLiteral("The perceptron rule learns AND"));
  EXPECT_EQ(lesson[QStringLiteral("check")], QJsonValue(false));
  ASSERT_EQ(runNnlab(dir,
                     {"--lesson", "2", "--lang", "zh_CN", "--show-me", "--screenshot",
                      dir.filePath(QStringLiteral("s.png")), "--report", report, "--quit"},
                     &errors),
            0)
      << errors.toStdString();
  lesson = lessonReport(dir);
  EXPECT_EQ(lesson[QStringLiteral("title")].toString(), QStringLiteral("感知机规则学会 AND"));
  EXPECT_EQ(lesson[QStringLiteral("check")], QJsonValue(true));
  EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("s.png"))));
}

TEST(Lessons, ABadLessonFileEndsAScriptedRunWithStatusOne) {
  NNLAB_SKIP_CHILD_PROCESS_TEST();
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("bad.lesson"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("id: bad\ntitle: Bad\ntask: T\ncheck: loss < 1\nshow: train lots\n");
  file.close();
  QString errors;
  EXPECT_EQ(
      runNnlab(dir, {"--lesson", path, "--report", dir.filePath("r.json"), "--quit"}, &errors), 1);
  EXPECT_TRUE(errors.contains(path + QStringLiteral(":5: show: train EPOCHS")))
      << errors.toStdString();
  EXPECT_EQ(runNnlab(dir, {"--lesson", "0", "--quit"}, &errors), 1);
  EXPECT_TRUE(errors.contains(QStringLiteral("there is no lesson 0"))) << errors.toStdString();
}

}  // namespace
}  // namespace nnlab
