// StopRules: when a run stops by itself. (That the runner obeys them is tested in
// training_runner_stop_test.cpp.)

#include "core/stop_rules.h"

#include <gtest/gtest.h>

namespace nnlab {
namespace {

TEST(StopRules, WithoutConditionsARunNeverStops) {
  const StopRules rules;
  EXPECT_EQ(rules.epochsBeforeMax(1'000'000'000, 4096), 4096);
  EXPECT_FALSE(rules.maxReached(1'000'000'000));
  EXPECT_EQ(rules.afterEpoch(0.0, false), PauseReason::None);
  EXPECT_FALSE(rules.patienceRanOut(1'000'000, 0));
}

TEST(StopRules, TheMaximumEpochCutsTheLastChunkShort) {
  StopRules rules;
  rules.setMaxEpochs(1500);  // the article's 1500 iterations
  EXPECT_EQ(rules.epochsBeforeMax(0, 1024), 1024);
  EXPECT_EQ(rules.epochsBeforeMax(1024, 1024), 476);
  EXPECT_FALSE(rules.maxReached(1499));
  EXPECT_TRUE(rules.maxReached(1500));
  EXPECT_EQ(rules.epochsBeforeMax(1500, 1024), 0);
  // A run taken past its maximum (a session, a lower maximum set later) stops at once.
  EXPECT_LE(rules.epochsBeforeMax(2000, 1024), 0);
  EXPECT_TRUE(rules.maxReached(2000));
}

TEST(StopRules, TheLossGoalIsReachedAtOrBelowIt) {
  StopRules rules;
  rules.setConditions({0, 0.01, 0});
  EXPECT_EQ(rules.afterEpoch(0.0100001, false), PauseReason::None);
  EXPECT_EQ(rules.afterEpoch(0.01, false), PauseReason::LossGoal);
  EXPECT_EQ(rules.afterEpoch(0.0, true), PauseReason::LossGoal);  // the goal is named first
  EXPECT_EQ(rules.conditions().lossGoal, 0.01);
}

TEST(StopRules, APerceptronHasConvergedWhenItsLossIsZero) {
  const StopRules rules;
  EXPECT_EQ(rules.afterEpoch(0.0, true), PauseReason::Converged);
  EXPECT_EQ(rules.afterEpoch(1e-12, true), PauseReason::Converged);  // bce of exact 0/1 outputs
  EXPECT_EQ(rules.afterEpoch(1e-6, true), PauseReason::None);
  EXPECT_EQ(rules.afterEpoch(0.0, false), PauseReason::None);  // another rule may not be done
}

TEST(StopRules, PatienceRunsOutThatManyEpochsAfterTheBest) {
  StopRules rules;
  rules.setConditions({0, 0.0, 200});
  EXPECT_FALSE(rules.patienceRanOut(1199, 1000));
  EXPECT_TRUE(rules.patienceRanOut(1200, 1000));
  EXPECT_EQ(rules.conditions().earlyStopPatience, 200);
}

}  // namespace
}  // namespace nnlab
