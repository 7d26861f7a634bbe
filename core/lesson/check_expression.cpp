#include "core/lesson/check_expression.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "core/lesson/check_expression_node.h"

namespace nnlab {

namespace {

using Node = CheckExpression::Node;
using NodePtr = std::unique_ptr<Node>;

struct Token {
  enum class Kind { Number, Name, Symbol, End };
  Kind kind = Kind::End;
  std::string text;
  double number = 0.0;
  int column = 1;  ///< from 1
};

struct Function {
  std::string_view name;
  int arguments;
};
constexpr Function kFunctions[] = {{"abs", 1}, {"min", 2},     {"max", 2}, {"ever", 1},
                                   {"exp", 1}, {"sigmoid", 1}, {"tanh", 1}};

const Function* findFunction(std::string_view name) {
  for (const Function& function : kFunctions)
    if (function.name == name) return &function;
  return nullptr;
}

std::string describe(const Token& token) {
  if (token.kind == Token::Kind::End) return "the end";
  return "'" + token.text + "'";
}

/// Splits the text into tokens; an unknown character is an error at its column.
bool tokenize(std::string_view text, std::vector<Token>* tokens, std::string* error) {
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const int column = static_cast<int>(i) + 1;
    if (std::isspace(c)) {
      ++i;
    } else if (std::isdigit(c) || (c == '.' && i + 1 < text.size() && std::isdigit(text[i + 1]))) {
      const std::string rest(text.substr(i));
      char* end = nullptr;
      const double value = std::strtod(rest.c_str(), &end);
      const std::size_t length = static_cast<std::size_t>(end - rest.c_str());
      tokens->push_back({Token::Kind::Number, rest.substr(0, length), value, column});
      i += length;
    } else if (std::isalpha(c) || c == '_') {
      std::size_t end = i;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
        ++end;
      tokens->push_back({Token::Kind::Name, std::string(text.substr(i, end - i)), 0.0, column});
      i = end;
    } else {
      const std::string_view two = text.substr(i, 2);
      if (two == "<=" || two == ">=" || two == "==" || two == "!=") {
        tokens->push_back({Token::Kind::Symbol, std::string(two), 0.0, column});
        i += 2;
      } else if (std::string_view("+-*/<>()[],").find(static_cast<char>(c)) !=
                 std::string_view::npos) {
        tokens->push_back({Token::Kind::Symbol, std::string(1, static_cast<char>(c)), 0.0, column});
        ++i;
      } else {
        *error = "column " + std::to_string(column) + ": unexpected character '" +
                 std::string(1, static_cast<char>(c)) + "'";
        if (c >= 0x80) *error = "column " + std::to_string(column) + ": unexpected character";
        return false;
      }
    }
  }
  tokens->push_back({Token::Kind::End, "", 0.0, static_cast<int>(text.size()) + 1});
  return true;
}

/// Recursive descent, lowest precedence first: or, and, not, comparison, + -, * /, unary -.
class Parser {
 public:
  Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

  NodePtr parseAll() {
    NodePtr root = parseOr();
    if (root && peek().kind != Token::Kind::End)
      fail("expected an operator, found " + describe(peek()));
    return m_error.empty() ? std::move(root) : nullptr;
  }
  const std::string& error() const { return m_error; }

 private:
  const Token& peek() const { return m_tokens[m_position]; }
  bool accept(std::string_view text) {
    const Token& token = peek();
    if ((token.kind == Token::Kind::Symbol || token.kind == Token::Kind::Name) &&
        token.text == text) {
      ++m_position;
      return true;
    }
    return false;
  }
  NodePtr fail(const std::string& message) {
    if (m_error.empty()) m_error = "column " + std::to_string(peek().column) + ": " + message;
    return nullptr;
  }
  static NodePtr make(Node::Kind kind, std::string name, NodePtr a, NodePtr b = nullptr) {
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->name = std::move(name);
    node->children.push_back(std::move(a));
    if (b) node->children.push_back(std::move(b));
    return node;
  }

  NodePtr parseOr() {
    NodePtr left = parseAnd();
    while (left && accept("or")) {
      NodePtr right = parseAnd();
      if (!right) return nullptr;
      left = make(Node::Kind::Binary, "or", std::move(left), std::move(right));
    }
    return left;
  }
  NodePtr parseAnd() {
    NodePtr left = parseNot();
    while (left && accept("and")) {
      NodePtr right = parseNot();
      if (!right) return nullptr;
      left = make(Node::Kind::Binary, "and", std::move(left), std::move(right));
    }
    return left;
  }
  NodePtr parseNot() {
    if (accept("not")) {
      NodePtr operand = parseNot();
      return operand ? make(Node::Kind::Not, "not", std::move(operand)) : nullptr;
    }
    return parseComparison();
  }
  NodePtr parseComparison() {
    NodePtr left = parseSum();
    if (!left) return nullptr;
    for (const char* op : {"<=", ">=", "==", "!=", "<", ">"}) {
      if (accept(op)) {
        NodePtr right = parseSum();
        if (!right) return nullptr;
        for (const char* again : {"<=", ">=", "==", "!=", "<", ">"})
          if (peek().text == again && peek().kind == Token::Kind::Symbol)
            return fail("comparisons cannot be chained; join them with 'and'");
        return make(Node::Kind::Binary, op, std::move(left), std::move(right));
      }
    }
    return left;
  }
  NodePtr parseSum() {
    NodePtr left = parseProduct();
    while (left && (peek().text == "+" || peek().text == "-") &&
           peek().kind == Token::Kind::Symbol) {
      const std::string op = m_tokens[m_position++].text;
      NodePtr right = parseProduct();
      if (!right) return nullptr;
      left = make(Node::Kind::Binary, op, std::move(left), std::move(right));
    }
    return left;
  }
  NodePtr parseProduct() {
    NodePtr left = parseUnary();
    while (left && (peek().text == "*" || peek().text == "/") &&
           peek().kind == Token::Kind::Symbol) {
      const std::string op = m_tokens[m_position++].text;
      NodePtr right = parseUnary();
      if (!right) return nullptr;
      left = make(Node::Kind::Binary, op, std::move(left), std::move(right));
    }
    return left;
  }
  NodePtr parseUnary() {
    if (peek().kind == Token::Kind::Symbol && accept("-")) {
      NodePtr operand = parseUnary();
      return operand ? make(Node::Kind::Negate, "-", std::move(operand)) : nullptr;
    }
    return parsePrimary();
  }
  NodePtr parsePrimary();
  NodePtr parseName();
  NodePtr parseCall(const Function& function);

  std::vector<Token> m_tokens;
  std::size_t m_position = 0;
  std::string m_error;
};

NodePtr Parser::parsePrimary() {
  const Token& token = peek();
  if (token.kind == Token::Kind::Number) {
    auto node = std::make_unique<Node>();
    node->number = token.number;
    ++m_position;
    return node;
  }
  if (token.kind == Token::Kind::Name) {
    if (token.text == "true" || token.text == "false") {
      auto node = std::make_unique<Node>();
      node->number = token.text == "true" ? 1.0 : 0.0;
      ++m_position;
      return node;
    }
    return parseName();
  }
  if (accept("(")) {
    NodePtr inner = parseOr();
    if (!inner) return nullptr;
    if (!accept(")")) return fail("expected ')', found " + describe(peek()));
    return inner;
  }
  return fail("expected a number or a name, found " + describe(token));
}

NodePtr Parser::parseName() {
  const Token token = peek();
  if (const Function* function = findFunction(token.text)) {
    ++m_position;
    return parseCall(*function);
  }
  const QuantityName* quantity = findQuantity(token.text);
  if (!quantity) return fail("unknown name '" + token.text + "'");
  ++m_position;
  auto node = std::make_unique<Node>();
  node->kind = Node::Kind::Quantity;
  node->name = token.text;
  while (accept("[")) {
    NodePtr index = parseSum();
    if (!index) return nullptr;
    if (!accept("]")) return fail("expected ']', found " + describe(peek()));
    node->children.push_back(std::move(index));
  }
  const int count = static_cast<int>(node->children.size());
  if (count < quantity->minIndices || count > quantity->maxIndices) {
    const std::string expected =
        quantity->minIndices == quantity->maxIndices
            ? std::to_string(quantity->minIndices)
            : std::to_string(quantity->minIndices) + " or " + std::to_string(quantity->maxIndices);
    m_error = "column " + std::to_string(token.column) + ": '" + token.text + "' takes " +
              expected + " index" + (quantity->maxIndices == 1 ? "" : "es") + ", not " +
              std::to_string(count);
    return nullptr;
  }
  return node;
}

NodePtr Parser::parseCall(const Function& function) {
  if (!accept("(")) return fail("expected '(' after '" + std::string(function.name) + "'");
  auto node = std::make_unique<Node>();
  node->kind = Node::Kind::Call;
  node->name = std::string(function.name);
  for (int i = 0; i < function.arguments; ++i) {
    if (i > 0 && !accept(",")) return fail("expected ',', found " + describe(peek()));
    NodePtr argument = parseOr();
    if (!argument) return nullptr;
    node->children.push_back(std::move(argument));
  }
  if (!accept(")")) return fail("expected ')', found " + describe(peek()));
  return node;
}

}  // namespace

CheckExpression::CheckExpression(CheckExpression&&) noexcept = default;
CheckExpression& CheckExpression::operator=(CheckExpression&&) noexcept = default;
CheckExpression::~CheckExpression() = default;

std::optional<CheckExpression> CheckExpression::parse(std::string_view text, std::string* error) {
  std::vector<Token> tokens;
  if (!tokenize(text, &tokens, error)) return std::nullopt;
  if (tokens.size() == 1) {
    *error = "column 1: the expression is empty";
    return std::nullopt;
  }
  Parser parser(std::move(tokens));
  NodePtr root = parser.parseAll();
  if (!root) {
    *error = parser.error();
    return std::nullopt;
  }
  CheckExpression expression;
  expression.m_text = std::string(text);
  expression.m_root = std::move(root);
  return expression;
}

std::optional<double> CheckExpression::evaluate(const Quantities& quantities,
                                                std::string* error) const {
  return evaluateNode(*m_root, quantities, error);
}

bool CheckExpression::holds(const Quantities& quantities) const {
  std::string error;
  const auto value = evaluate(quantities, &error);
  return value && *value != 0.0 && !std::isnan(*value);
}

void CheckExpression::resetMemory() const { forgetNode(*m_root); }

}  // namespace nnlab
