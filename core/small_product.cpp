#include "core/small_product.h"

namespace nnlab {

void multiply(const Matrix& a, const Matrix& b, Matrix& c) {
  dispatchRows(a.rows(), [&]<int Rows>() { multiplyRows<Rows>(a, b, c); });
}

void multiplyTransposedLeft(const Matrix& a, const Matrix& b, Matrix& c) {
  dispatchRows(a.rows(), [&]<int Rows>() { multiplyTransposedLeftRows<Rows>(a, b, c); });
}

void multiplyTransposedRight(const Matrix& a, const Matrix& b, Matrix& c) {
  dispatchRows(a.rows(), [&]<int Rows>() { multiplyTransposedRightRows<Rows>(a, b, c); });
}

}  // namespace nnlab
