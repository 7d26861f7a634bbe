// GuiMailbox hands jobs from worker threads to the GUI thread, in order, and drops those that
// a cleared or deleted mailbox has not yet run.
#include "ui/common/gui_mailbox.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QTest>
#include <QThread>
#include <memory>
#include <thread>
#include <vector>

namespace nnlab {
namespace {

constexpr int kTimeoutMs = 10000;

TEST(GuiMailbox, JobsPostedFromAWorkerRunInTheGuiThreadInOrder) {
  GuiMailbox mailbox;
  std::vector<int> ran;  // touched by the GUI thread only
  bool allInGuiThread = true;
  std::thread worker([&mailbox, &ran, &allInGuiThread] {
    for (int i = 0; i < 100; ++i) {
      mailbox.post([i, &ran, &allInGuiThread] {
        allInGuiThread = allInGuiThread && QThread::currentThread() == qApp->thread();
        ran.push_back(i);
      });
    }
  });
  worker.join();
  EXPECT_TRUE(ran.empty()) << "a job ran before the GUI thread's event loop did";
  EXPECT_TRUE(QTest::qWaitFor([&ran] { return ran.size() == 100; }, kTimeoutMs));
  for (int i = 0; i < static_cast<int>(ran.size()); ++i) EXPECT_EQ(ran[i], i);
  EXPECT_TRUE(allInGuiThread);
}

TEST(GuiMailbox, ClearingDropsTheJobsNotYetRunAndLaterOnesStillRun) {
  GuiMailbox mailbox;
  int ran = 0;
  mailbox.post([&ran] { ran += 1; });
  mailbox.clear();
  mailbox.post([&ran] { ran += 10; });
  EXPECT_TRUE(QTest::qWaitFor([&ran] { return ran != 0; }, kTimeoutMs));
  QCoreApplication::processEvents();  // the first job's wake-up call, if still queued
  EXPECT_EQ(ran, 10);
}

TEST(GuiMailbox, ADeletedMailboxRunsNothing) {
  auto mailbox = std::make_unique<GuiMailbox>();
  bool ran = false;
  mailbox->post([&ran] { ran = true; });
  mailbox.reset();
  QTest::qWait(50);
  EXPECT_FALSE(ran);
}

TEST(GuiMailbox, AJobThatClearsTheMailboxStopsTheJobsAfterIt) {
  GuiMailbox mailbox;
  int ran = 0;
  mailbox.post([&] {
    ran += 1;
    mailbox.clear();
  });
  mailbox.post([&ran] { ran += 10; });
  EXPECT_TRUE(QTest::qWaitFor([&ran] { return ran != 0; }, kTimeoutMs));
  QCoreApplication::processEvents();
  EXPECT_EQ(ran, 1);
}

}  // namespace
}  // namespace nnlab
