#include "core/command_queue.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace nnlab {
namespace {

using std::chrono::milliseconds;

TEST(CommandQueue, NumbersTheCommandsAndHandsThemOverOldestFirst) {
  CommandQueue queue;
  EXPECT_FALSE(queue.pending());
  std::string ran;
  queue.post([&] { ran += "a"; }, CommandKind::Other, true);
  queue.post([&] { ran += "b"; }, CommandKind::Other, false);
  EXPECT_TRUE(queue.pending());
  EXPECT_EQ(queue.posted(), 2u);
  std::vector<RunnerCommand> batch = queue.take();
  EXPECT_FALSE(queue.pending());
  ASSERT_EQ(batch.size(), 2u);
  for (RunnerCommand& command : batch) command.run();
  EXPECT_EQ(ran, "ab");
  EXPECT_EQ(batch[0].sequence, 1u);
  EXPECT_EQ(batch[1].sequence, 2u);
  EXPECT_TRUE(batch[0].keepsHistory);
  EXPECT_FALSE(batch[1].keepsHistory);
  EXPECT_TRUE(queue.take().empty());
}

// A slider dragged faster than the thread drains posts many rates: only the last one runs,
// under the last number. Two runs (Other) never merge, nor do setters apart.
TEST(CommandQueue, MergesASetterWithItsNeighbourOfTheSameKindOnly) {
  CommandQueue queue;
  double rate = 0.0;
  for (const double r : {0.1, 0.2, 0.3})
    queue.post([&, r] { rate = r; }, CommandKind::LearningRate, true);
  queue.post([] {}, CommandKind::Other, true);
  queue.post([] {}, CommandKind::Other, true);
  queue.post([] {}, CommandKind::LearningRate, true);
  const std::vector<RunnerCommand> batch = queue.take();
  ASSERT_EQ(batch.size(), 4u);
  batch[0].run();
  EXPECT_EQ(rate, 0.3);
  EXPECT_EQ(batch[0].sequence, 3u);
  EXPECT_EQ(batch[3].sequence, 6u);
  EXPECT_EQ(queue.posted(), 6u);
}

TEST(CommandQueue, DropsWhatIsPostedOnceClosed) {
  CommandQueue queue;
  queue.post([] {}, CommandKind::Other, true);
  queue.close();
  EXPECT_TRUE(queue.closed());
  queue.post([] {}, CommandKind::Other, true);
  EXPECT_EQ(queue.take().size(), 1u);
  EXPECT_FALSE(queue.pending());
}

// The training thread sleeps until a command comes, a deadline passes or it is told to stop
// (run under ThreadSanitizer with the runner's tests).
TEST(CommandQueue, AWaitEndsWithACommandADeadlineOrAStop) {
  CommandQueue queue;
  std::thread poster([&] {
    std::this_thread::sleep_for(milliseconds(20));
    queue.post([] {}, CommandKind::Other, true);
  });
  queue.wait(std::stop_token(), std::nullopt);
  EXPECT_TRUE(queue.pending());
  poster.join();
  queue.take();

  const auto start = CommandQueue::Clock::now();
  queue.wait(std::stop_token(), start + milliseconds(30));
  EXPECT_GE(CommandQueue::Clock::now() - start, milliseconds(30));
  EXPECT_FALSE(queue.pending());

  std::stop_source stop;
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds(20));
    stop.request_stop();
  });
  queue.wait(stop.get_token(), std::nullopt);
  EXPECT_TRUE(stop.stop_requested());
  stopper.join();
}

}  // namespace
}  // namespace nnlab
