#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/types.h"

namespace nnlab {

/// The function a layer applies to z = x·W + b. All are elementwise except Softmax, which
/// normalises each row: a_k = e^{z_k} / Σ_j e^{z_j} (output layers only).
enum class Activation { Sigmoid, Tanh, Relu, Linear, Step, Softmax };

/// Lower-case name as used in files and on the command line ("sigmoid", …).
std::string_view activationName(Activation activation);
/// Parses a name written by activationName(); nullopt for anything else.
std::optional<Activation> parseActivation(std::string_view name);
/// All names, comma-separated, for error messages.
std::string activationNames();

/// False for Softmax, whose units depend on each other (it is allowed on output layers only).
bool isElementwise(Activation activation);

/// a = f(z), elementwise (Softmax: row by row, max-subtracted so that e^z cannot overflow).
/// `a` must already have z's shape; it may be z itself.
void applyActivation(Activation activation, const Matrix& z, Matrix& a);
/// delta ⊙= f'(z), written in terms of a = f(z) (every activation here allows it), so the
/// trainer need not keep z. Step's derivative is taken as 0. For Softmax this is the
/// Jacobian-vector product of each row: δ = a ⊙ (δ − Σ_k δ_k a_k).
void multiplyByDerivative(Activation activation, const Matrix& a, Matrix& delta);

}  // namespace nnlab
