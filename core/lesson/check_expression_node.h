#pragma once

// The parsed form of a CheckExpression, shared by its parser and its evaluator (not public).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/lesson/check_expression.h"

namespace nnlab {

struct CheckExpression::Node {
  enum class Kind { Number, Quantity, Negate, Not, Binary, Call };
  Kind kind = Kind::Number;
  double number = 0.0;
  std::string name;                             ///< the quantity, the operator or the function
  std::vector<std::unique_ptr<Node>> children;  ///< indices, operands or arguments
  mutable bool seen = false;                    ///< ever(): has held once
};

/// The value of `node` over `quantities`; nullopt with `error` set when a quantity has none.
std::optional<double> evaluateNode(const CheckExpression::Node& node, const Quantities& quantities,
                                   std::string* error);
/// Forgets what the ever() calls under `node` have seen.
void forgetNode(const CheckExpression::Node& node);

}  // namespace nnlab
