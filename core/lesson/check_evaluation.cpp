// Evaluating a parsed CheckExpression over named quantities.
#include <algorithm>
#include <cmath>

#include "core/lesson/check_expression_node.h"

namespace nnlab {

using Node = CheckExpression::Node;
using NodePtr = std::unique_ptr<Node>;

namespace {

std::optional<double> evaluateBinary(const Node& node, const Quantities& quantities,
                                     std::string* error) {
  const auto a = evaluateNode(*node.children[0], quantities, error);
  if (!a) return std::nullopt;
  // Both sides are evaluated (so that ever() sees every snapshot), but and/or need their right
  // side's value only when it matters: a missing test loss right of a false 'and' is no error.
  std::string rightError;
  const auto b = evaluateNode(*node.children[1], quantities, &rightError);
  if (node.name == "and" && *a == 0.0) return 0.0;
  if (node.name == "or" && *a != 0.0) return 1.0;
  if (!b) {
    *error = rightError;
    return std::nullopt;
  }
  const std::string& op = node.name;
  if (op == "and" || op == "or") return *b != 0.0 ? 1.0 : 0.0;
  if (op == "+") return *a + *b;
  if (op == "-") return *a - *b;
  if (op == "*") return *a * *b;
  if (op == "/") return *a / *b;
  if (op == "<") return *a < *b ? 1.0 : 0.0;
  if (op == "<=") return *a <= *b ? 1.0 : 0.0;
  if (op == ">") return *a > *b ? 1.0 : 0.0;
  if (op == ">=") return *a >= *b ? 1.0 : 0.0;
  if (op == "==") return *a == *b ? 1.0 : 0.0;
  return *a != *b ? 1.0 : 0.0;  // "!="
}

std::optional<double> evaluateCall(const Node& node, const Quantities& quantities,
                                   std::string* error) {
  if (node.name == "ever") {
    if (node.seen) return 1.0;
    std::string ignored;  // a value missing now is simply not yet seen
    const auto value = evaluateNode(*node.children[0], quantities, &ignored);
    node.seen = value && *value != 0.0;
    return node.seen ? 1.0 : 0.0;
  }
  std::vector<double> arguments;
  for (const NodePtr& child : node.children) {
    const auto value = evaluateNode(*child, quantities, error);
    if (!value) return std::nullopt;
    arguments.push_back(*value);
  }
  if (node.name == "abs") return std::abs(arguments[0]);
  if (node.name == "exp") return std::exp(arguments[0]);
  if (node.name == "sigmoid") return 1.0 / (1.0 + std::exp(-arguments[0]));
  if (node.name == "tanh") return std::tanh(arguments[0]);
  if (node.name == "min") return std::min(arguments[0], arguments[1]);
  return std::max(arguments[0], arguments[1]);
}

}  // namespace

std::optional<double> evaluateNode(const Node& node, const Quantities& quantities,
                                   std::string* error) {
  switch (node.kind) {
    case Node::Kind::Number:
      return node.number;
    case Node::Kind::Quantity: {
      std::vector<int> indices;
      for (const NodePtr& child : node.children) {
        const auto index = evaluateNode(*child, quantities, error);
        if (!index) return std::nullopt;
        if (*index != std::floor(*index)) {
          *error = node.name + ": index " + std::to_string(*index) + " is not a whole number";
          return std::nullopt;
        }
        indices.push_back(static_cast<int>(*index));
      }
      return quantities.value(node.name, indices, error);
    }
    case Node::Kind::Negate: {
      const auto value = evaluateNode(*node.children[0], quantities, error);
      return value ? std::optional<double>(-*value) : std::nullopt;
    }
    case Node::Kind::Not: {
      const auto value = evaluateNode(*node.children[0], quantities, error);
      return value ? std::optional<double>(*value == 0.0 ? 1.0 : 0.0) : std::nullopt;
    }
    case Node::Kind::Binary:
      return evaluateBinary(node, quantities, error);
    case Node::Kind::Call:
      return evaluateCall(node, quantities, error);
  }
  return std::nullopt;
}

void forgetNode(const Node& node) {
  node.seen = false;
  for (const NodePtr& child : node.children) forgetNode(*child);
}

}  // namespace nnlab
