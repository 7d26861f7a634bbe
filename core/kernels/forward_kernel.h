#pragma once

#include <vector>

#include "core/network.h"

namespace nnlab {

// The forward pass, written once: training (Trainer), prediction (Network::predict), the
// explained update (through the trainer's traced pass), the neuron inspector and the decision
// map all run it.
//
// Each function taking `Rows` is one template over the batch's row count: Eigen::Dynamic is the
// general code, 1, 2, 4 and 8 its fixed-size specialisations for tiny batches (see
// small_product.h). The functions without `Rows` pick it from the batch.

/// One dense layer on a batch of N rows (one sample per row):
///   z = a_in·W + b      a_in: N × fan_in, W: fan_in × units, b: 1 × units added to every row
///   a = f(z)            elementwise (softmax: per row)
/// `a` (N × units) must have its size; so must `z` when given, which then keeps z. Without `z`,
/// z is computed in `a`'s buffer and overwritten by f(z) (the same bits either way).
template <int Rows>
void denseForwardRows(const DenseLayer& layer, const Matrix& in, Matrix& a, Matrix* z);

/// The network on a batch x (N × inputs): every layer's a into `a` and, when `z` is not null,
/// every layer's z into `*z` (N × units each; the buffers must have their sizes, see
/// sizeForwardBuffers). Returns ŷ, the last layer's a (x itself without layers).
template <int Rows>
const Matrix& forwardPassRows(const Network& network, const Matrix& x, std::vector<Matrix>& a,
                              std::vector<Matrix>* z);

/// Sizes the buffers of a forward pass on `rows` rows; allocates only when a size changes.
void sizeForwardBuffers(const Network& network, Eigen::Index rows, std::vector<Matrix>& a,
                        std::vector<Matrix>* z);

/// forwardPassRows for a batch of any size, the buffers sized first.
const Matrix& forwardPass(const Network& network, const Matrix& x, std::vector<Matrix>& a,
                          std::vector<Matrix>* z = nullptr);

}  // namespace nnlab
