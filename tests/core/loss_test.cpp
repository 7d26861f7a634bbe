#include "core/loss.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nnlab {
namespace {

struct Batch {
  Matrix prediction;
  Matrix target;
};

// Predictions inside (0, 1) and, for ce, one-hot targets; the rest regression-like.
Batch batch(Loss loss) {
  Batch b{Matrix(3, 2), Matrix(3, 2)};
  b.prediction << 0.2, 0.7, 0.9, 0.35, 0.55, 0.15;
  if (loss == Loss::Ce) {
    b.target << 0, 1, 1, 0, 1, 0;
  } else {
    b.target << 0.1, 0.8, 1.0, 0.0, 0.3, 0.6;
  }
  return b;
}

class LossGradientTest : public ::testing::TestWithParam<Loss> {};

TEST_P(LossGradientTest, GradientMatchesFiniteDifferences) {
  const Loss loss = GetParam();
  const Batch b = batch(loss);
  const double divisor = lossDivisor(loss, 3.0, 2.0);
  Matrix analytic(3, 2);
  lossGradient(loss, b.prediction, b.target, divisor, analytic);
  const double h = 1e-7;
  for (Eigen::Index i = 0; i < b.prediction.size(); ++i) {
    Matrix plus = b.prediction, minus = b.prediction;
    plus.data()[i] += h;
    minus.data()[i] -= h;
    const double numeric =
        (lossValue(loss, plus, b.target) - lossValue(loss, minus, b.target)) / (2 * h);
    EXPECT_NEAR(analytic.data()[i], numeric, 1e-6) << lossName(loss) << " entry " << i;
  }
}

TEST_P(LossGradientTest, SumAndGradientInOnePassAgreeWithTheSeparateOnes) {
  const Loss loss = GetParam();
  const Batch b = batch(loss);
  const double divisor = lossDivisor(loss, 3.0, 2.0);
  Matrix separate(3, 2), fused(3, 2);
  lossGradient(loss, b.prediction, b.target, divisor, separate);
  const double sum = lossSumAndGradient(loss, b.prediction, b.target, divisor, fused);
  EXPECT_DOUBLE_EQ(sum, lossSum(loss, b.prediction, b.target));
  EXPECT_TRUE(fused.isApprox(separate, 1e-15));
}

INSTANTIATE_TEST_SUITE_P(AllLosses, LossGradientTest,
                         ::testing::Values(Loss::Sse, Loss::Mse, Loss::Bce, Loss::Ce),
                         [](const auto& info) { return std::string(lossName(info.param)); });

TEST(LossTest, ValuesFollowTheirDefinitions) {
  Matrix p(2, 2), y(2, 2);
  p << 0.5, 0.25, 1.0, 0.75;
  y << 1.0, 0.0, 1.0, 1.0;
  EXPECT_DOUBLE_EQ(lossValue(Loss::Sse, p, y), 0.25 + 0.0625 + 0.0 + 0.0625);  // no ½, no mean
  EXPECT_DOUBLE_EQ(lossValue(Loss::Mse, p, y), (0.25 + 0.0625 + 0.0625) / 4);
  const double bce = -(std::log(0.5) + std::log(0.75) + std::log(1.0 - 1e-12) + std::log(0.75)) / 4;
  EXPECT_NEAR(lossValue(Loss::Bce, p, y), bce, 1e-12);
  EXPECT_NEAR(lossValue(Loss::Ce, p, y), -(std::log(0.5) + std::log(1.0) + std::log(0.75)) / 2,
              1e-15);
}

TEST(LossTest, DivisorIsOneForSseSamplesForCeEntriesOtherwise) {
  EXPECT_EQ(lossDivisor(Loss::Sse, 4, 3), 1.0);
  EXPECT_EQ(lossDivisor(Loss::Ce, 4, 3), 4.0);
  EXPECT_EQ(lossDivisor(Loss::Mse, 4, 3), 12.0);
  EXPECT_EQ(lossDivisor(Loss::Bce, 4, 3), 12.0);
}

TEST(LossTest, SaturatedPredictionsKeepTheLossFinite) {
  Matrix p(1, 2), y(1, 2);
  p << 0.0, 1.0;
  y << 1.0, 0.0;
  EXPECT_TRUE(std::isfinite(lossValue(Loss::Bce, p, y)));
  EXPECT_TRUE(std::isfinite(lossValue(Loss::Ce, p, y)));
}

TEST(LossTest, NamesAndLabelsRoundTrip) {
  for (Loss loss : {Loss::Sse, Loss::Mse, Loss::Bce, Loss::Ce}) {
    EXPECT_EQ(parseLoss(lossName(loss)), loss);
  }
  EXPECT_EQ(lossLabel(Loss::Sse), "SSE");
  EXPECT_EQ(lossLabel(Loss::Ce), "CE");
  EXPECT_EQ(lossNames(), "sse, mse, bce, ce");
  EXPECT_EQ(parseLoss("SSE"), std::nullopt);
}

}  // namespace
}  // namespace nnlab
