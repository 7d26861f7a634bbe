#include "core/lesson/check_expression.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "core/presets.h"
#include "core/training_runner.h"

namespace nnlab {
namespace {

// Named values from a table; indices are appended to the name ("output[2]").
class TableQuantities : public Quantities {
 public:
  std::map<std::string, double> values;
  std::optional<double> value(std::string_view name, const std::vector<int>& indices,
                              std::string* error) const override {
    std::string key(name);
    for (int index : indices) {  // appended piece by piece: GCC 12 warns (falsely) on "[" + str
      key += '[';
      key += std::to_string(index);
      key += ']';
    }
    const auto found = values.find(key);
    if (found == values.end()) {
      *error = key + " has no value here";
      return std::nullopt;
    }
    return found->second;
  }
};

double valueOf(std::string_view text, const Quantities& quantities) {
  std::string error;
  const auto expression = CheckExpression::parse(text, &error);
  EXPECT_TRUE(expression) << text << ": " << error;
  if (!expression) return -12345.0;
  const auto value = expression->evaluate(quantities, &error);
  EXPECT_TRUE(value) << text << ": " << error;
  return value.value_or(-12345.0);
}

std::string parseError(std::string_view text) {
  std::string error;
  EXPECT_FALSE(CheckExpression::parse(text, &error)) << text;
  return error;
}

TEST(CheckExpression, ArithmeticFollowsPrecedence) {
  const TableQuantities none;
  EXPECT_DOUBLE_EQ(valueOf("1 + 2 * 3", none), 7.0);
  EXPECT_DOUBLE_EQ(valueOf("(1 + 2) * 3", none), 9.0);
  EXPECT_DOUBLE_EQ(valueOf("10 - 4 - 3", none), 3.0);
  EXPECT_DOUBLE_EQ(valueOf("8 / 4 / 2", none), 1.0);
  EXPECT_DOUBLE_EQ(valueOf("-2 * -3", none), 6.0);
  EXPECT_DOUBLE_EQ(valueOf("abs(-0.5) + min(2, 3) + max(2, 3)", none), 5.5);
  EXPECT_DOUBLE_EQ(valueOf("1e-2 + .5", none), 0.51);
  EXPECT_DOUBLE_EQ(valueOf("sigmoid(0) + exp(0) + tanh(0)", none), 1.5);
  EXPECT_DOUBLE_EQ(valueOf("sigmoid(2)", none), 1.0 / (1.0 + std::exp(-2.0)));
}

TEST(CheckExpression, ComparisonsAndLogicGiveOneOrZero) {
  const TableQuantities none;
  EXPECT_DOUBLE_EQ(valueOf("1 < 2", none), 1.0);
  EXPECT_DOUBLE_EQ(valueOf("2 <= 1", none), 0.0);
  EXPECT_DOUBLE_EQ(valueOf("1 == 1 and 2 != 2", none), 0.0);
  EXPECT_DOUBLE_EQ(valueOf("1 == 1 and not 2 != 2", none), 1.0);
  EXPECT_DOUBLE_EQ(valueOf("0 or 1 > 0 and 0", none), 0.0);  // and binds tighter than or
  EXPECT_DOUBLE_EQ(valueOf("1 + 1 > 1 * 1", none), 1.0);
  EXPECT_DOUBLE_EQ(valueOf("true and not false", none), 1.0);
}

TEST(CheckExpression, ReadsNamedQuantitiesWithIndices) {
  TableQuantities q;
  q.values = {{"loss", 0.004}, {"output[2]", 0.97}, {"weight[1][2][3]", -1.5}, {"epoch", 3}};
  EXPECT_DOUBLE_EQ(valueOf("loss < 0.01", q), 1.0);
  EXPECT_DOUBLE_EQ(valueOf("output[epoch - 1]", q), 0.97);
  EXPECT_DOUBLE_EQ(valueOf("abs(weight[1][2][3])", q), 1.5);
}

TEST(CheckExpression, AMissingValueIsAnErrorUnlessItCannotMatter) {
  TableQuantities q;
  q.values = {{"loss", 1.0}};
  std::string error;
  auto expression = CheckExpression::parse("test_loss < 1", &error);
  ASSERT_TRUE(expression);
  EXPECT_FALSE(expression->evaluate(q, &error));
  EXPECT_EQ(error, "test_loss has no value here");
  EXPECT_FALSE(expression->holds(q));
  expression = CheckExpression::parse("loss < 0.5 and test_loss < 1", &error);
  ASSERT_TRUE(expression);
  EXPECT_EQ(expression->evaluate(q, &error), 0.0);
}

TEST(CheckExpression, EverRemembersUntilReset) {
  TableQuantities q;
  q.values = {{"diverged", 0}, {"loss", 1}};
  std::string error;
  const auto expression = CheckExpression::parse("loss < 0.1 and ever(diverged)", &error);
  ASSERT_TRUE(expression);
  EXPECT_FALSE(expression->holds(q));
  q.values["diverged"] = 1;  // seen even though the left side is false now
  EXPECT_FALSE(expression->holds(q));
  q.values["diverged"] = 0;
  q.values["loss"] = 0.05;
  EXPECT_TRUE(expression->holds(q));
  expression->resetMemory();
  EXPECT_FALSE(expression->holds(q));
}

TEST(CheckExpression, BadInputNamesTheColumnAndTheProblem) {
  EXPECT_EQ(parseError(""), "column 1: the expression is empty");
  EXPECT_EQ(parseError("loss <"), "column 7: expected a number or a name, found the end");
  EXPECT_EQ(parseError("loss < 0.1)"), "column 11: expected an operator, found ')'");
  EXPECT_EQ(parseError("(loss < 0.1"), "column 12: expected ')', found the end");
  EXPECT_EQ(parseError("los < 0.1"), "column 1: unknown name 'los'");
  EXPECT_EQ(parseError("loss # 2"), "column 6: unexpected character '#'");
  EXPECT_EQ(parseError("output < 1"), "column 1: 'output' takes 1 or 2 indexes, not 0");
  EXPECT_EQ(parseError("weight[1][1] > 0"), "column 1: 'weight' takes 3 indexes, not 2");
  EXPECT_EQ(parseError("loss[1] > 0"), "column 1: 'loss' takes 0 indexes, not 1");
  EXPECT_EQ(parseError("output[1 > 0"), "column 10: expected ']', found '>'");
  EXPECT_EQ(parseError("abs 1"), "column 5: expected '(' after 'abs'");
  EXPECT_EQ(parseError("min(1)"), "column 6: expected ',', found ')'");
  EXPECT_EQ(parseError("0 < loss < 1"),
            "column 10: comparisons cannot be chained; join them with 'and'");
  EXPECT_EQ(parseError("loss and"), "column 9: expected a number or a name, found the end");
}

TEST(SnapshotQuantities, ReadsTheSeedsSnapshot) {
  TrainingSnapshot snapshot;
  const Preset seed = seedPreset();
  snapshot.network = seed.makeNetwork();
  snapshot.dataset = std::make_shared<Dataset>(seed.dataset);
  snapshot.predictions = snapshot.network.predict(seed.dataset.inputs);
  snapshot.loss = 0.5;
  snapshot.epoch = 7;
  snapshot.settings = seed.settings;
  const SnapshotQuantities q(snapshot, ViewState{3, true, 4});
  EXPECT_DOUBLE_EQ(valueOf("output[2]", q), snapshot.predictions(1, 0));
  EXPECT_DOUBLE_EQ(valueOf("target[2]", q), 1.0);
  EXPECT_DOUBLE_EQ(valueOf("input[4][1]", q), 1.0);
  EXPECT_DOUBLE_EQ(valueOf("weight[2][3][1]", q), snapshot.network.layer(1).weights(2, 0));
  EXPECT_DOUBLE_EQ(valueOf("units[1] + layers + rows", q), 4 + 2 + 4);
  EXPECT_DOUBLE_EQ(valueOf("epoch + lr + loss", q), 8.5);
  EXPECT_DOUBLE_EQ(valueOf("selected_row * 10 + backprop_step", q), 34);
  EXPECT_DOUBLE_EQ(valueOf("diverged + training", q), 0.0);
  std::string error;
  EXPECT_FALSE(q.value("output", {5}, &error));
  EXPECT_EQ(error, "output: row 5 is not between 1 and 4");
  EXPECT_FALSE(q.value("bias", {1, 1}, &error));
  EXPECT_EQ(error, "bias: layer 1 has no biases");
  EXPECT_FALSE(q.value("weight", {3, 1, 1}, &error));
  EXPECT_EQ(error, "weight: layer 3 is not between 1 and 2");
  EXPECT_FALSE(q.value("gradient", {1, 1, 1}, &error));
  EXPECT_FALSE(q.value("test_loss", {}, &error));
}

}  // namespace
}  // namespace nnlab
