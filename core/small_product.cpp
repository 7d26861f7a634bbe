#include "small_product.h"

namespace nnlab {
namespace {

template <int Rows>
using RowsFixed = Eigen::Matrix<double, Rows, Eigen::Dynamic>;

template <int Rows>
Eigen::Map<const RowsFixed<Rows>> fixedRows(const Matrix& m) {
  return {m.data(), Rows, m.cols()};
}

template <int Rows>
Eigen::Map<RowsFixed<Rows>> fixedRows(Matrix& m) {
  return {m.data(), Rows, m.cols()};
}

// Calls body.template operator()<R>() for R = rows when rows is small, else body<Dynamic>.
template <typename Body>
void dispatchRows(Eigen::Index rows, Body&& body) {
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

}  // namespace

void multiply(const Matrix& a, const Matrix& b, Matrix& c) {
  dispatchRows(a.rows(), [&]<int Rows>() {
    if constexpr (Rows == Eigen::Dynamic) {
      c.noalias() = a * b;
    } else {
      fixedRows<Rows>(c).noalias() = fixedRows<Rows>(a).lazyProduct(b);
    }
  });
}

void multiplyTransposedLeft(const Matrix& a, const Matrix& b, Matrix& c) {
  dispatchRows(a.rows(), [&]<int Rows>() {
    if constexpr (Rows == Eigen::Dynamic) {
      c.noalias() = a.transpose() * b;
    } else {
      c.noalias() = fixedRows<Rows>(a).transpose().lazyProduct(fixedRows<Rows>(b));
    }
  });
}

void multiplyTransposedRight(const Matrix& a, const Matrix& b, Matrix& c) {
  dispatchRows(a.rows(), [&]<int Rows>() {
    if constexpr (Rows == Eigen::Dynamic) {
      c.noalias() = a * b.transpose();
    } else {
      fixedRows<Rows>(c).noalias() = fixedRows<Rows>(a).lazyProduct(b.transpose());
    }
  });
}

}  // namespace nnlab
