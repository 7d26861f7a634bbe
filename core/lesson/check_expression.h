#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lesson/quantities.h"

namespace nnlab {

/// A lesson's check: a small expression over named quantities, e.g.
/// `loss < 0.01 and abs(output[1] - target[1]) < 0.1`. Numbers, names with indices
/// (`weight[1][2][3]`), + - * / and unary -, comparisons (< <= > >= == !=), and/or/not,
/// abs/min/max/exp/sigmoid/tanh, ever(condition) (true from the first evaluation it held on) and
/// parentheses. Conditions are 1 (true) or 0 (false); a number is true when it is not 0.
class CheckExpression {
 public:
  struct Node;

  /// Parses `text`; nullopt with `error` set ("column 7: expected a number or a name, found
  /// ')'") when it is not an expression, or names a quantity that does not exist.
  static std::optional<CheckExpression> parse(std::string_view text, std::string* error);

  CheckExpression(CheckExpression&&) noexcept;
  CheckExpression& operator=(CheckExpression&&) noexcept;
  ~CheckExpression();

  /// The value over `quantities`; nullopt with `error` set when a quantity has no value (an
  /// index out of range, no test rows, …). Latches the ever() conditions that hold.
  std::optional<double> evaluate(const Quantities& quantities, std::string* error) const;
  /// True when the expression evaluates to a non-zero number (false when it has no value).
  bool holds(const Quantities& quantities) const;
  /// Forgets what ever() conditions have seen (a lesson starting again).
  void resetMemory() const;
  const std::string& text() const { return m_text; }

 private:
  CheckExpression() = default;
  std::string m_text;
  std::unique_ptr<Node> m_root;
};

}  // namespace nnlab
