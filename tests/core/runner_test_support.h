#pragma once

// Shared by the TrainingRunner tests: waiting for the snapshot a test is after.

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "core/training_runner.h"

namespace nnlab::testing {

using Snapshot = std::shared_ptr<const TrainingSnapshot>;

/// Polls the runner's snapshots until `done` holds; fails the test after `seconds`.
inline Snapshot waitFor(const TrainingRunner& runner,
                        const std::function<bool(const TrainingSnapshot&)>& done,
                        double seconds = 20.0) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  for (;;) {
    Snapshot snapshot = runner.latestSnapshot();
    if (done(*snapshot)) return snapshot;
    if (Clock::now() > deadline) {
      ADD_FAILURE() << "timed out at epoch " << snapshot->epoch << " (state "
                    << static_cast<int>(snapshot->state) << ", reason "
                    << static_cast<int>(snapshot->reason) << ", loss " << snapshot->loss
                    << ", loss goal " << snapshot->stopConditions.lossGoal << ", speed limit "
                    << snapshot->speedLimit << "): " << snapshot->message;
      return snapshot;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace nnlab::testing
