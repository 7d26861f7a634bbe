#include "core/blas_setup.h"

#include <gtest/gtest.h>

#include "core/small_product.h"

namespace nnlab {
namespace {

// Products large enough to go to the BLAS must agree with Eigen's own coefficient-wise product,
// whichever kernels prepareBlas() selected for this CPU.
TEST(BlasSetupTest, LargeProductsAgreeWithEigensOwn) {
  prepareBlas();
  const Matrix a = Matrix::Random(300, 200);
  const Matrix b = Matrix::Random(200, 150);
  Matrix c(300, 150);
  multiply(a, b, c);
  const Matrix reference = a.lazyProduct(b);
  EXPECT_LT((c - reference).cwiseAbs().maxCoeff(), 1e-11) << "kernels: " << blasCoreName();
  Matrix d(200, 150);
  multiplyTransposedLeft(a, c, d);
  EXPECT_LT((d - a.transpose().lazyProduct(c)).cwiseAbs().maxCoeff(), 1e-9);
  Matrix e(300, 200);
  multiplyTransposedRight(c, b, e);
  EXPECT_LT((e - c.lazyProduct(b.transpose())).cwiseAbs().maxCoeff(), 1e-10);
}

TEST(BlasSetupTest, ReportsTheKernelsInUse) { EXPECT_FALSE(blasCoreName().empty()); }

}  // namespace
}  // namespace nnlab
