#include "core/activation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nnlab {
namespace {

Matrix sampleZ() {
  Matrix z(3, 4);
  z << -2.5, -0.3, 0.004, 1.7,  //
      0.6, -1.1, 3.2, -0.02,    //
      -0.7, 0.45, -4.0, 0.9;
  return z;
}

Matrix activate(Activation activation, const Matrix& z) {
  Matrix a(z.rows(), z.cols());
  applyActivation(activation, z, a);
  return a;
}

class ActivationDerivativeTest : public ::testing::TestWithParam<Activation> {};

// multiplyByDerivative gives Jᵀ·v for each row (for elementwise f, v ⊙ f'(z)); each entry must
// match the central difference of Σ_k v_k·f(z)_k with respect to z_j.
TEST_P(ActivationDerivativeTest, DerivativeMatchesFiniteDifferences) {
  const Activation activation = GetParam();
  const Matrix z = sampleZ();
  Matrix v(3, 4);
  v << 0.3, -1.2, 0.8, 0.5, -0.4, 0.9, 0.1, -0.7, 1.1, 0.2, -0.6, 0.35;
  Matrix analytic = v;
  multiplyByDerivative(activation, activate(activation, z), analytic);
  const double h = 1e-6;
  for (Eigen::Index r = 0; r < z.rows(); ++r) {
    for (Eigen::Index j = 0; j < z.cols(); ++j) {
      Matrix plus = z, minus = z;
      plus(r, j) += h;
      minus(r, j) -= h;
      const double numeric = (activate(activation, plus).row(r).dot(v.row(r)) -
                              activate(activation, minus).row(r).dot(v.row(r))) /
                             (2 * h);
      EXPECT_NEAR(analytic(r, j), numeric, 1e-7)
          << activationName(activation) << " at (" << r << ", " << j << ")";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Differentiable, ActivationDerivativeTest,
                         ::testing::Values(Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                                           Activation::Linear, Activation::Softmax),
                         [](const auto& info) { return std::string(activationName(info.param)); });

TEST(ActivationTest, ValuesAreTheTextbookFunctions) {
  const Matrix z = sampleZ();
  const Matrix sigmoid = activate(Activation::Sigmoid, z);
  const Matrix tanh = activate(Activation::Tanh, z);
  const Matrix relu = activate(Activation::Relu, z);
  const Matrix step = activate(Activation::Step, z);
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    const double x = z.data()[i];
    EXPECT_NEAR(sigmoid.data()[i], 1.0 / (1.0 + std::exp(-x)), 1e-15);
    EXPECT_NEAR(tanh.data()[i], std::tanh(x), 1e-15);
    EXPECT_EQ(relu.data()[i], x > 0 ? x : 0.0);
    EXPECT_EQ(step.data()[i], x >= 0 ? 1.0 : 0.0);
  }
  EXPECT_EQ(activate(Activation::Linear, z), z);
}

TEST(ActivationTest, TanhSaturatesWithoutOverflow) {
  Matrix z(1, 3);
  z << -800.0, 800.0, 1e-9;
  const Matrix a = activate(Activation::Tanh, z);
  EXPECT_EQ(a(0, 0), -1.0);
  EXPECT_EQ(a(0, 1), 1.0);
  EXPECT_NEAR(a(0, 2), 1e-9, 1e-24);
}

TEST(ActivationTest, StepPassesNoGradient) {
  Matrix delta = Matrix::Ones(2, 2);
  multiplyByDerivative(Activation::Step, Matrix::Ones(2, 2), delta);
  EXPECT_TRUE(delta.isZero(0.0));
}

TEST(ActivationTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (Activation a : {Activation::Sigmoid, Activation::Tanh, Activation::Relu, Activation::Linear,
                       Activation::Step, Activation::Softmax}) {
    EXPECT_EQ(parseActivation(activationName(a)), a);
    EXPECT_NE(activationNames().find(activationName(a)), std::string::npos);
  }
  EXPECT_EQ(parseActivation("Sigmoid"), std::nullopt);
  EXPECT_EQ(parseActivation(""), std::nullopt);
  EXPECT_EQ(activationNames(), "sigmoid, tanh, relu, linear, step, softmax");
  EXPECT_FALSE(isElementwise(Activation::Softmax));
  EXPECT_TRUE(isElementwise(Activation::Tanh));
}

}  // namespace
}  // namespace nnlab
