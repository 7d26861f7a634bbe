#include "core/kernels/forward_kernel.h"

#include "core/small_product.h"

namespace nnlab {

template <int Rows>
void denseForwardRows(const DenseLayer& layer, const Matrix& in, Matrix& a, Matrix* z) {
  Matrix& sum = z != nullptr ? *z : a;
  multiplyRows<Rows>(in, layer.weights, sum);  // z = a_in·W
  if (layer.hasBias()) sum.rowwise() += layer.bias;
  applyActivation(layer.activation, sum, a);  // a = f(z), in place when z is not kept
}

template <int Rows>
const Matrix& forwardPassRows(const Network& network, const Matrix& x, std::vector<Matrix>& a,
                              std::vector<Matrix>* z) {
  const int layers = network.layerCount();
  if (layers == 0) return x;
  for (int l = 0; l < layers; ++l) {
    denseForwardRows<Rows>(network.layer(l), l == 0 ? x : a[l - 1], a[l],
                           z != nullptr ? &(*z)[l] : nullptr);
  }
  return a.back();
}

void sizeForwardBuffers(const Network& network, Eigen::Index rows, std::vector<Matrix>& a,
                        std::vector<Matrix>* z) {
  const auto layers = static_cast<std::size_t>(network.layerCount());
  a.resize(layers);
  if (z != nullptr) z->resize(layers);
  for (std::size_t l = 0; l < layers; ++l) {
    const int units = network.layer(static_cast<int>(l)).units();
    a[l].resize(rows, units);  // no allocation when the size is the same
    if (z != nullptr) (*z)[l].resize(rows, units);
  }
}

const Matrix& forwardPass(const Network& network, const Matrix& x, std::vector<Matrix>& a,
                          std::vector<Matrix>* z) {
  sizeForwardBuffers(network, x.rows(), a, z);
  return dispatchRows(x.rows(), [&]<int Rows>() -> const Matrix& {
    return forwardPassRows<Rows>(network, x, a, z);
  });
}

#define NNLAB_FORWARD_ROWS(R)                                                                    \
  template void denseForwardRows<R>(const DenseLayer&, const Matrix&, Matrix&, Matrix*);         \
  template const Matrix& forwardPassRows<R>(const Network&, const Matrix&, std::vector<Matrix>&, \
                                            std::vector<Matrix>*);
NNLAB_FORWARD_ROWS(1)
NNLAB_FORWARD_ROWS(2)
NNLAB_FORWARD_ROWS(4)
NNLAB_FORWARD_ROWS(8)
NNLAB_FORWARD_ROWS(Eigen::Dynamic)
#undef NNLAB_FORWARD_ROWS

}  // namespace nnlab
