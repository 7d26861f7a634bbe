#pragma once

// Shared by the TrainingRunner tests: waiting for the snapshot a test is after, runners and data
// to test with, and checks of what a snapshot holds.

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "core/presets.h"
#include "core/random.h"
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

// Sanitizers slow training down by an order of magnitude; long runs shrink accordingly.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

inline std::unique_ptr<TrainingRunner> seedRunner(RunnerOptions options = {}) {
  const Preset preset = seedPreset();
  return std::make_unique<TrainingRunner>(preset.makeNetwork(), preset.init, preset.seed,
                                          preset.dataset, preset.settings, options);
}

inline Snapshot waitForPause(const TrainingRunner& runner, PauseReason reason) {
  return waitFor(runner, [reason](const TrainingSnapshot& s) {
    return s.state == RunState::Paused && s.reason == reason;
  });
}

// `rows` samples with `inputs` and `outputs` columns of deterministic data in [0, 1).
inline Dataset syntheticData(int rows, int inputs, int outputs, std::uint64_t seed) {
  Random random(seed);
  Matrix x(rows, inputs);
  Matrix y(rows, outputs);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < inputs; ++j) x(i, j) = random.uniform01();
    for (int j = 0; j < outputs; ++j) y(i, j) = random.uniform01();
  }
  return Dataset::fromMatrices(std::move(x), std::move(y));
}

inline bool sameWeights(const Network& a, const Network& b) {
  if (!a.sameShape(b)) return false;
  for (int l = 0; l < a.layerCount(); ++l) {
    if (a.layer(l).weights != b.layer(l).weights || a.layer(l).bias != b.layer(l).bias) {
      return false;
    }
  }
  return true;
}

// The invariant a view relies on: weights, predictions and data of one snapshot belong together.
inline void expectConsistent(const TrainingSnapshot& s) {
  ASSERT_TRUE(s.dataset);
  EXPECT_EQ(s.network.inputs(), s.dataset->inputColumns());
  EXPECT_EQ(s.network.outputs(), s.dataset->targetColumns());
  EXPECT_EQ(s.predictions.rows(), s.dataset->rows());
  EXPECT_EQ(s.predictions.cols(), s.network.outputs());
  ASSERT_EQ(s.gradients.weights.size(), static_cast<std::size_t>(s.network.layerCount()));
  for (int l = 0; l < s.network.layerCount(); ++l) {
    EXPECT_EQ(s.gradients.weights[l].rows(), s.network.layer(l).fanIn());
    EXPECT_EQ(s.gradients.weights[l].cols(), s.network.layer(l).units());
  }
}

}  // namespace nnlab::testing
