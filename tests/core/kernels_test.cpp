// The kernels (core/kernels/): one forward pass and one backward pass, their fixed-size
// specialisations for tiny batches the same code as the general one.
#include <gtest/gtest.h>

#include <cmath>

#include "core/kernels/backward_kernel.h"
#include "core/kernels/forward_kernel.h"
#include "core/small_product.h"

namespace nnlab {
namespace {

Network net(bool bias) {
  Network network(NetworkSpec{3, {{4, Activation::Tanh}, {2, Activation::Sigmoid}}, bias});
  network.initialize(Init::Uniform, 11);
  if (bias) network.layer(0).bias << 0.05, -0.1, 0.15, -0.2;
  return network;
}

Matrix rows(int n) {
  Matrix x(n, 3);
  for (int r = 0; r < n; ++r) x.row(r) << 0.1 * r - 0.3, 0.5 - 0.07 * r, std::sin(r + 1.0);
  return x;
}

TEST(ForwardKernelTest, KeepingZChangesNoBitOfA) {
  const Network network = net(true);
  for (int n : {1, 4, 5}) {
    std::vector<Matrix> a, aKept, z;
    forwardPass(network, rows(n), a);
    forwardPass(network, rows(n), aKept, &z);
    ASSERT_EQ(z.size(), 2u);
    for (int l = 0; l < 2; ++l) {
      EXPECT_EQ(a[l], aKept[l]) << n << " rows, layer " << l;
      Matrix fz(z[l].rows(), z[l].cols());
      applyActivation(network.layer(l).activation, z[l], fz);
      EXPECT_EQ(fz, a[l]) << "a = f(z)";
    }
  }
}

TEST(ForwardKernelTest, FixedSizeBatchesAgreeWithTheGeneralCode) {
  const Network network = net(true);
  const Matrix x = rows(4);
  std::vector<Matrix> fixed, general;
  sizeForwardBuffers(network, 4, fixed, nullptr);
  sizeForwardBuffers(network, 4, general, nullptr);
  const Matrix& a = forwardPassRows<4>(network, x, fixed, nullptr);
  const Matrix& b = forwardPassRows<Eigen::Dynamic>(network, x, general, nullptr);
  EXPECT_TRUE(a.isApprox(b, 1e-15));
  EXPECT_EQ(&a, &fixed.back());
}

TEST(ForwardKernelTest, ANetworkWithoutLayersPassesItsInputOn) {
  Network empty;
  std::vector<Matrix> a;
  const Matrix x = rows(2);
  EXPECT_EQ(&forwardPass(empty, x, a), &x);
}

double lossOf(const Network& network, Loss loss, const Matrix& x, const Matrix& y) {
  std::vector<Matrix> a;
  return lossValue(loss, forwardPass(network, x, a), y);
}

class GradientPassTest : public ::testing::TestWithParam<std::tuple<int, Loss>> {};

// ∂L/∂θ of gradientPass against central differences of the loss, for batches that take the
// fixed-size code (4 rows) and the general one (5 rows), with the fused output δ (bce) and
// without.
TEST_P(GradientPassTest, GradientsMatchFiniteDifferences) {
  // Not a structured binding: clang 14 cannot capture those in the lambda below.
  const int n = std::get<0>(GetParam());
  const Loss loss = std::get<1>(GetParam());
  Network network = net(true);
  const Matrix x = rows(n);
  Matrix y(n, 2);
  for (int r = 0; r < n; ++r) y.row(r) << (r % 2), 0.25 + 0.1 * r;
  const double divisor = lossDivisor(loss, n, 2);
  PassBuffers buffers;
  buffers.resize(network, n);
  Gradients gradients = Gradients::zerosLike(network);
  const double sum = gradientPass(network, loss, x, y, divisor, buffers, gradients);
  EXPECT_NEAR(sum / divisor, lossOf(network, loss, x, y), 1e-15);
  const double h = 1e-6;
  for (int l = 0; l < network.layerCount(); ++l) {
    auto check = [&](double& parameter, double analytic) {
      const double original = parameter;
      parameter = original + h;
      const double plus = lossOf(network, loss, x, y);
      parameter = original - h;
      const double minus = lossOf(network, loss, x, y);
      parameter = original;
      EXPECT_NEAR(analytic, (plus - minus) / (2 * h), 1e-7) << "layer " << l;
    };
    DenseLayer& layer = network.layer(l);
    for (Eigen::Index i = 0; i < layer.weights.size(); ++i)
      check(layer.weights.data()[i], gradients.weights[l].data()[i]);
    for (Eigen::Index j = 0; j < layer.bias.size(); ++j) check(layer.bias(j), gradients.bias[l](j));
  }
}

INSTANTIATE_TEST_SUITE_P(BatchesAndLosses, GradientPassTest,
                         ::testing::Combine(::testing::Values(1, 4, 5),
                                            ::testing::Values(Loss::Sse, Loss::Mse, Loss::Bce)));

TEST(BackwardKernelTest, KeptIntermediatesAreThoseOfThePass) {
  const Network network = net(false);
  const Matrix x = rows(4);
  Matrix y = Matrix::Constant(4, 2, 0.5);
  PassBuffers plain, kept;
  plain.resize(network, 4);
  kept.resize(network, 4);
  kept.keep = true;
  Gradients g1 = Gradients::zerosLike(network), g2 = g1;
  gradientPass(network, Loss::Sse, x, y, 1.0, plain, g1);
  gradientPass(network, Loss::Sse, x, y, 1.0, kept, g2);
  EXPECT_EQ(g1.weights[0], g2.weights[0]);
  EXPECT_EQ(g1.weights[1], g2.weights[1]);
  EXPECT_EQ(plain.delta[0], kept.delta[0]);
  ASSERT_EQ(kept.lossGradient.size(), 2u);
  // The output's ∂L/∂ŷ = 2(ŷ − y) for sse, and δ = ∂L/∂ŷ ⊙ σ'(z).
  EXPECT_TRUE(kept.lossGradient[1].isApprox(2.0 * (kept.a[1] - y), 1e-15));
  const Matrix slope = (kept.a[1].array() * (1.0 - kept.a[1].array())).matrix();
  EXPECT_TRUE(kept.delta[1].isApprox(kept.lossGradient[1].cwiseProduct(slope), 1e-15));
}

TEST(BackwardKernelTest, OutputDeltaIsFusedForSoftmaxCeAndSigmoidBceOnly) {
  EXPECT_TRUE(fusedOutputDelta(Loss::Ce, Activation::Softmax));
  EXPECT_TRUE(fusedOutputDelta(Loss::Bce, Activation::Sigmoid));
  EXPECT_FALSE(fusedOutputDelta(Loss::Sse, Activation::Sigmoid));
  EXPECT_FALSE(fusedOutputDelta(Loss::Ce, Activation::Sigmoid));
}

}  // namespace
}  // namespace nnlab
