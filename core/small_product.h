#pragma once

#include "core/types.h"

namespace nnlab {

// Matrix products of the kernels. Eigen's products with run-time sizes carry a fixed cost per
// call that dominates when a batch has only a handful of rows (the seed's table has 4). For
// those, the row count is made a compile-time constant, so each column of the result is a few
// whole SIMD packets; everything else goes through Eigen (and, when large, the BLAS).
//
// Each product is one template over `Rows`, the batch's row count: Eigen::Dynamic is the general
// code, and 1, 2, 4 and 8 are its specialisations for tiny batches — the same expression on a
// view whose row count the compiler knows. The kernels (core/kernels/) take `Rows` as well and
// pick it once per pass with dispatchRows, so one pass over a tiny batch is all fixed-size code.

/// A batch whose row count is `Rows` (Eigen::Dynamic: any).
template <int Rows>
using RowsFixed = Eigen::Matrix<double, Rows, Eigen::Dynamic>;

/// `m` seen as a matrix of `Rows` rows (m.rows() must be Rows); `m` itself for Eigen::Dynamic.
template <int Rows>
auto rowsView(const Matrix& m) {
  if constexpr (Rows == Eigen::Dynamic) {
    return Eigen::Map<const Matrix>(m.data(), m.rows(), m.cols());
  } else {
    return Eigen::Map<const RowsFixed<Rows>>(m.data(), Rows, m.cols());
  }
}
template <int Rows>
auto rowsView(Matrix& m) {
  if constexpr (Rows == Eigen::Dynamic) {
    return Eigen::Map<Matrix>(m.data(), m.rows(), m.cols());
  } else {
    return Eigen::Map<RowsFixed<Rows>>(m.data(), Rows, m.cols());
  }
}

/// Calls body.template operator()<R>() with R = rows when rows is one of the specialised
/// counts (1, 2, 4, 8), else with R = Eigen::Dynamic.
template <typename Body>
decltype(auto) dispatchRows(Eigen::Index rows, Body&& body) {
  switch (rows) {
    case 1:
      return body.template operator()<1>();
    case 2:
      return body.template operator()<2>();
    case 4:
      return body.template operator()<4>();
    case 8:
      return body.template operator()<8>();
    default:
      return body.template operator()<Eigen::Dynamic>();
  }
}

/// c = a·b  (a: rows × k, b: k × n; c sized by the caller)
template <int Rows>
void multiplyRows(const Matrix& a, const Matrix& b, Matrix& c) {
  if constexpr (Rows == Eigen::Dynamic) {
    c.noalias() = a * b;
  } else {
    rowsView<Rows>(c).noalias() = rowsView<Rows>(a).lazyProduct(b);
  }
}

/// c = aᵀ·b (a: rows × m, b: rows × n)
template <int Rows>
void multiplyTransposedLeftRows(const Matrix& a, const Matrix& b, Matrix& c) {
  if constexpr (Rows == Eigen::Dynamic) {
    c.noalias() = a.transpose() * b;
  } else {
    c.noalias() = rowsView<Rows>(a).transpose().lazyProduct(rowsView<Rows>(b));
  }
}

/// c = a·bᵀ (a: rows × k, b: n × k)
template <int Rows>
void multiplyTransposedRightRows(const Matrix& a, const Matrix& b, Matrix& c) {
  if constexpr (Rows == Eigen::Dynamic) {
    c.noalias() = a * b.transpose();
  } else {
    rowsView<Rows>(c).noalias() = rowsView<Rows>(a).lazyProduct(b.transpose());
  }
}

/// c = a·b, for a batch of any row count.
void multiply(const Matrix& a, const Matrix& b, Matrix& c);
/// c = aᵀ·b, for a batch of any row count.
void multiplyTransposedLeft(const Matrix& a, const Matrix& b, Matrix& c);
/// c = a·bᵀ, for a batch of any row count.
void multiplyTransposedRight(const Matrix& a, const Matrix& b, Matrix& c);

}  // namespace nnlab
