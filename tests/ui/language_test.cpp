// Chinese and English: --lang, the translations installed (nnlab's and Qt's own), and the
// session a language restart brings back as it was.
#include "ui/window/language.h"

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include "core/session.h"
#include "core/training_runner.h"
#include "tests/ui/child_process.h"
#include "ui/window/help_dialogs.h"
#include "ui/window/language_menu.h"
#include "ui/window/launch_options.h"
#include "ui/window/main_window.h"
#include "ui/window/session_controller.h"

namespace nnlab {
namespace {

QStringList menuTitles(MainWindow& window) {
  QStringList titles;
  for (const QAction* action : window.menuBar()->actions()) titles << action->text();
  return titles;
}

/// Speaks `code` while in scope, English again after.
struct Speaking {
  explicit Speaking(const QString& code) { installTranslations(code); }
  ~Speaking() { installTranslations(QStringLiteral("en")); }
};

TEST(Language, LangOptionTakesEnOrZhCnOnly) {
  const QString program = QStringLiteral("nnlab");
  EXPECT_EQ(
      LaunchOptions::parse({program, QStringLiteral("--lang"), QStringLiteral("zh_CN")}).language,
      QStringLiteral("zh_CN"));
  EXPECT_TRUE(LaunchOptions::parse({program, QStringLiteral("--lang"), QStringLiteral("en")})
                  .error.isEmpty());
  EXPECT_FALSE(LaunchOptions::parse({program, QStringLiteral("--lang"), QStringLiteral("fr")})
                   .error.isEmpty());
}

TEST(Language, ResolvesTheSystemsAndUnknownLanguages) {
  EXPECT_EQ(resolveLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
  EXPECT_EQ(resolveLanguage(QStringLiteral("fr")), QStringLiteral("en"));
  const QString system = resolveLanguage(QString());
  EXPECT_TRUE(system == QStringLiteral("en") || system == QStringLiteral("zh_CN"));
}

TEST(Language, ChineseWindowUsesTheArticlesTermsAndQtsOwnButtons) {
  Speaking chinese(QStringLiteral("zh_CN"));
  ASSERT_EQ(currentLanguage(), QStringLiteral("zh_CN"));
  MainWindow window(seedPreset());
  const QStringList titles = menuTitles(window);
  EXPECT_TRUE(titles.contains(QStringLiteral("文件(&F)"))) << titles.join(' ').toStdString();
  EXPECT_TRUE(titles.contains(QStringLiteral("帮助(&H)"))) << titles.join(' ').toStdString();
  // Qt's own buttons come from qtbase_zh_CN.qm.
  QDialogButtonBox box(QDialogButtonBox::Close | QDialogButtonBox::Cancel);
  EXPECT_EQ(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
  EXPECT_EQ(QCoreApplication::translate("nnlab::ControlBar", "Learning rate"),
            QStringLiteral("学习率"));
}

TEST(Language, PluralFormsInBothLanguages) {
  const auto removeRows = [](int n) {
    return QCoreApplication::translate("nnlab::DatasetPanel", "Remove %n row(s)", nullptr, n);
  };
  EXPECT_EQ(removeRows(1), QStringLiteral("Remove 1 row"));
  EXPECT_EQ(removeRows(3), QStringLiteral("Remove 3 rows"));
  Speaking chinese(QStringLiteral("zh_CN"));
  EXPECT_EQ(removeRows(1), QStringLiteral("删除 1 行"));
  EXPECT_EQ(removeRows(3), QStringLiteral("删除 3 行"));
}

TEST(Language, TheArticleAndTheShortcutsInChinese) {
  Speaking chinese(QStringLiteral("zh_CN"));
  MainWindow window(seedPreset());
  window.show();
  QDialog* article = showArticleGuide(window);
  const QString text = article->findChild<QTextBrowser*>()->toPlainText();
  for (const char* term : {"神经元", "权重", "阈值", "前馈", "和方差", "反向反馈", "反向传播",
                           "学习率", "迭代", "预测", "实际"})
    EXPECT_TRUE(text.contains(QString::fromUtf8(term))) << term;
  article->close();
  bool open = false;
  for (const auto& [name, keys] : shortcutList(window)) {
    EXPECT_FALSE(name.contains(QLatin1Char('&'))) << name.toStdString();
    if (name == QStringLiteral("打开"))
      open = keys == QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText);
  }
  EXPECT_TRUE(open) << "File ▸ Open, without its (&O)";
}

TEST(Language, ChoosingALanguageRemembersItAndOffersARestart) {
  MainWindow window(seedPreset());
  window.show();
  QAction* chinese = nullptr;
  for (QAction* action : window.findChildren<QAction*>())
    if (action->data() == QStringLiteral("zh_CN") && action->isCheckable()) chinese = action;
  ASSERT_NE(chinese, nullptr);
  QString asked;
  QTimer::singleShot(0, [&asked] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) return;
    asked = box->text();
    for (QAbstractButton* button : box->buttons())
      if (button->text() == QStringLiteral("Later")) button->click();
  });
  chinese->trigger();
  EXPECT_TRUE(asked.contains(QStringLiteral("简体中文"))) << asked.toStdString();
  EXPECT_EQ(savedLanguage(), QStringLiteral("zh_CN"));
  EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("next start")));
  EXPECT_EQ(currentLanguage(), QStringLiteral("en")) << "only after a restart";
  saveLanguage(QString());
}

TEST(Language, EnglishAgainAfterChinese) {
  { Speaking chinese(QStringLiteral("zh_CN")); }
  MainWindow window(seedPreset());
  EXPECT_TRUE(menuTitles(window).contains(QStringLiteral("&File")));
  EXPECT_EQ(currentLanguage(), QStringLiteral("en"));
}

TEST(Language, ARestartsSessionComesBackAsItWas) {
  QTemporaryDir folder;
  const QString file = folder.filePath(QStringLiteral("restart.nnlab"));
  const QString named = folder.filePath(QStringLiteral("mine.nnlab"));
  MainWindow before(seedPreset());
  before.runner().step(7);
  ASSERT_TRUE(QTest::qWaitFor([&] { return before.runner().latestSnapshot()->epoch == 7; }, 20000));
  writeSessionFile(file.toStdString(), before.captureSession());

  MainWindow after(*findPreset("spiral"));
  QString error;
  ASSERT_TRUE(after.session()->resume(file, named, true, &error)) << error.toStdString();
  EXPECT_EQ(after.runner().latestSnapshot()->epoch, 7);
  EXPECT_EQ(after.session()->currentPath(), named);
  EXPECT_TRUE(after.session()->isModified());
  EXPECT_FALSE(QFile::exists(file)) << "the restart's file is removed once read";
  ASSERT_TRUE(QTest::qWaitFor([&] { return after.shownSnapshot() != nullptr; }, 20000));
  EXPECT_EQ(after.shownSnapshot()->network.spec().shapeText(),
            before.runner().latestSnapshot()->network.spec().shapeText());
}

// The program's side of a restart: nnlab --resume brings the session back, then deletes the file.
TEST(Language, TheProgramResumesARestartsSession) {
  NNLAB_SKIP_CHILD_PROCESS_TEST();
  QTemporaryDir folder;
  const QString file = folder.filePath(QStringLiteral("restart.nnlab"));
  const QString report = folder.filePath(QStringLiteral("report.json"));
  MainWindow before(*findPreset("gauss"));
  before.runner().step(9);
  ASSERT_TRUE(QTest::qWaitFor([&] { return before.runner().latestSnapshot()->epoch == 9; }, 20000));
  writeSessionFile(file.toStdString(), before.captureSession());

  QProcess child;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  environment.insert(QStringLiteral("NNLAB_AUTOSAVE_DIR"), folder.path());
  environment.insert(QStringLiteral("XDG_CONFIG_HOME"), folder.path());  // its own settings
  child.setProcessEnvironment(environment);
  child.start(QStringLiteral(NNLAB_GUI_BINARY),
              {QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--resume"), file,
               QStringLiteral("--resume-as"), folder.filePath(QStringLiteral("mine.nnlab")),
               QStringLiteral("--resume-modified"), QStringLiteral("--report"), report,
               QStringLiteral("--quit")});
  ASSERT_TRUE(child.waitForFinished(60000));
  ASSERT_EQ(child.exitCode(), 0) << child.readAllStandardError().toStdString();
  EXPECT_FALSE(QFile::exists(file));
  QFile written(report);
  ASSERT_TRUE(written.open(QIODevice::ReadOnly));
  const QJsonObject figures = QJsonDocument::fromJson(written.readAll()).object();
  EXPECT_EQ(figures.value(QStringLiteral("epochs")).toDouble(), 9.0);
  EXPECT_EQ(figures.value(QStringLiteral("architecture")).toString(), QStringLiteral("2-4-1"));
}

// View ▸ Language's restart: the session goes to a file, a new process brings it back (here
// told to report and quit), and this window closes without asking.
TEST(Language, ARestartHandsTheSessionToANewProcess) {
  NNLAB_SKIP_CHILD_PROCESS_TEST();
  QTemporaryDir folder;
  const QString report = folder.filePath(QStringLiteral("report.json"));
  MainWindow window(*findPreset("gauss"));
  window.session()->setInteractive(false);
  window.show();
  window.runner().step(5);
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.runner().latestSnapshot()->epoch == 5; }, 20000));
  window.session()->markModified();
  LanguageMenu* menu = window.findChild<LanguageMenu*>();
  ASSERT_NE(menu, nullptr);
  // The new process's own settings and autosave folder, for as long as it is started.
  QStringList saved;
  for (const char* name : {"XDG_CONFIG_HOME", "NNLAB_AUTOSAVE_DIR"}) {
    saved << (qEnvironmentVariableIsSet(name) ? qEnvironmentVariable(name) : QString());
    qputenv(name, folder.path().toLocal8Bit());
  }
  const auto restoreEnvironment = [&saved] {
    int i = 0;
    for (const char* name : {"XDG_CONFIG_HOME", "NNLAB_AUTOSAVE_DIR"}) {
      const QString value = saved[i++];
      if (value.isEmpty())
        qunsetenv(name);
      else
        qputenv(name, value.toLocal8Bit());
    }
  };
  QString error;
  const bool restarted =
      menu->restart(&error, QStringLiteral(NNLAB_GUI_BINARY),
                    {QStringLiteral("--report"), report, QStringLiteral("--quit")});
  restoreEnvironment();
  ASSERT_TRUE(restarted) << error.toStdString();
  EXPECT_FALSE(window.isVisible()) << "the old window closes";
  EXPECT_FALSE(window.session()->isModified()) << "closing asked nothing";
  QJsonObject figures;  // once the new process has written its whole report
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        QFile written(report);
        if (written.open(QIODevice::ReadOnly))
          figures = QJsonDocument::fromJson(written.readAll()).object();
        return figures.contains(QStringLiteral("epochs"));
      },
      60000));
  EXPECT_EQ(figures.value(QStringLiteral("epochs")).toDouble(), 5.0);
}

}  // namespace
}  // namespace nnlab
