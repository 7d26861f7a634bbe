#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "types.h"

namespace nnlab {

/// The elementwise function a layer applies to z = x·W + b.
enum class Activation { Sigmoid, Tanh, Relu, Linear, Step };

/// Lower-case name as used in files and on the command line ("sigmoid", …).
std::string_view activationName(Activation activation);
/// Parses a name written by activationName(); nullopt for anything else.
std::optional<Activation> parseActivation(std::string_view name);
/// All names, comma-separated, for error messages.
std::string activationNames();

/// a = f(z), elementwise. `a` must already have z's shape; it may be z itself.
void applyActivation(Activation activation, const Matrix& z, Matrix& a);
/// a = f(z) for one number (the GUI's neuron inspector uses it).
double applyActivation(Activation activation, double z);
/// delta ⊙= f'(z), written in terms of a = f(z) (every activation here allows it), so the
/// trainer need not keep z. Step's derivative is taken as 0.
void multiplyByDerivative(Activation activation, const Matrix& a, Matrix& delta);

}  // namespace nnlab
