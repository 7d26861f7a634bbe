#pragma once

#include "types.h"

namespace nnlab {

// Matrix products of the trainer. Eigen's products with run-time sizes carry a fixed cost per
// call that dominates when a batch has only a handful of rows (the seed's table has 4). For
// those, the row count is made a compile-time constant, so each column of the result is a few
// whole SIMD packets; everything else goes through Eigen (and, when large, the BLAS).

/// c = a·b  (a: rows × k, b: k × n)
void multiply(const Matrix& a, const Matrix& b, Matrix& c);
/// c = aᵀ·b (a: rows × m, b: rows × n)
void multiplyTransposedLeft(const Matrix& a, const Matrix& b, Matrix& c);
/// c = a·bᵀ (a: rows × k, b: n × k)
void multiplyTransposedRight(const Matrix& a, const Matrix& b, Matrix& c);

}  // namespace nnlab
