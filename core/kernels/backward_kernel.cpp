#include "core/kernels/backward_kernel.h"

#include "core/kernels/forward_kernel.h"
#include "core/small_product.h"

namespace nnlab {

void PassBuffers::resize(const Network& network, int rows) {
  const auto layers = static_cast<std::size_t>(network.layerCount());
  a.resize(layers);
  delta.resize(layers);
  for (std::size_t l = 0; l < layers; ++l) {
    const int units = network.layer(static_cast<int>(l)).units();
    a[l].resize(rows, units);
    delta[l].resize(rows, units);
  }
}

bool fusedOutputDelta(Loss loss, Activation output) {
  return (loss == Loss::Ce && output == Activation::Softmax) ||
         (loss == Loss::Bce && output == Activation::Sigmoid);
}

double outputGradient(Loss loss, bool fused, const Matrix& prediction, const Matrix& target,
                      double divisor, Matrix& delta) {
  if (!fused) return lossSumAndGradient(loss, prediction, target, divisor, delta);
  const double sum = lossSum(loss, prediction, target);
  delta.noalias() = prediction - target;
  delta /= divisor;
  return sum;
}

template <int Rows>
void backwardPassRows(const Network& network, const Matrix& x, bool fused, PassBuffers& buffers,
                      Gradients& gradients) {
  const int last = network.layerCount() - 1;
  if (buffers.keep) buffers.lossGradient.assign(static_cast<std::size_t>(last + 1), Matrix());
  for (int l = last; l >= 0; --l) {
    const DenseLayer& layer = network.layer(l);
    Matrix& delta = buffers.delta[l];
    if (l != last || !fused) {
      if (buffers.keep) buffers.lossGradient[l] = delta;  // ∂L/∂a, before ⊙ f'(z)
      multiplyByDerivative(layer.activation, buffers.a[l], delta);
    }
    const Matrix& in = l == 0 ? x : buffers.a[l - 1];
    multiplyTransposedLeftRows<Rows>(in, delta, gradients.weights[l]);
    if (layer.hasBias()) gradients.bias[l].noalias() = delta.colwise().sum();
    if (l > 0) multiplyTransposedRightRows<Rows>(delta, layer.weights, buffers.delta[l - 1]);
  }
}

template <int Rows>
double gradientPassRows(const Network& network, Loss loss, const Matrix& x, const Matrix& y,
                        double divisor, PassBuffers& buffers, Gradients& gradients) {
  if (buffers.keep) sizeForwardBuffers(network, x.rows(), buffers.a, &buffers.z);
  const Matrix& output =
      forwardPassRows<Rows>(network, x, buffers.a, buffers.keep ? &buffers.z : nullptr);
  const bool fused = fusedOutputDelta(loss, network.layers().back().activation);
  const double sum = outputGradient(loss, fused, output, y, divisor, buffers.delta.back());
  backwardPassRows<Rows>(network, x, fused, buffers, gradients);
  return sum;
}

double gradientPass(const Network& network, Loss loss, const Matrix& x, const Matrix& y,
                    double divisor, PassBuffers& buffers, Gradients& gradients) {
  return dispatchRows(x.rows(), [&]<int Rows>() {
    return gradientPassRows<Rows>(network, loss, x, y, divisor, buffers, gradients);
  });
}

void addRegularisation(const Network& network, double l1, double l2, Gradients& gradients) {
  if (l1 == 0.0 && l2 == 0.0) return;
  for (int l = 0; l < network.layerCount(); ++l) {
    const Matrix& w = network.layer(l).weights;
    gradients.weights[l].array() += l1 * w.array().sign() + l2 * w.array();
  }
}

#define NNLAB_BACKWARD_ROWS(R)                                                                    \
  template void backwardPassRows<R>(const Network&, const Matrix&, bool, PassBuffers&,            \
                                    Gradients&);                                                  \
  template double gradientPassRows<R>(const Network&, Loss, const Matrix&, const Matrix&, double, \
                                      PassBuffers&, Gradients&);
NNLAB_BACKWARD_ROWS(1)
NNLAB_BACKWARD_ROWS(2)
NNLAB_BACKWARD_ROWS(4)
NNLAB_BACKWARD_ROWS(8)
NNLAB_BACKWARD_ROWS(Eigen::Dynamic)
#undef NNLAB_BACKWARD_ROWS

}  // namespace nnlab
