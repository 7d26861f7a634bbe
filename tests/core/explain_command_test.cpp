// `nnlab-cli explain`: the text laid out like the article, the JSON, and bad input.
#include "app/cli/explain_command.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/presets.h"
#include "core/trainer.h"
#include "tests/core/cli_test_support.h"

namespace nnlab::cli {
namespace {

using testing::run;
using testing::TempCsv;
using testing::TempDir;

nlohmann::json readJson(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

Matrix matrixFrom(const nlohmann::json& rows) {
  Matrix m(rows.size(), rows.empty() ? 0 : rows[0].size());
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) m(r, c) = rows[r][c].get<double>();
  return m;
}

TEST(ExplainCommand, SeedTextFollowsTheArticleFromForwardPassToUpdate) {
  const auto result = run({"explain", "--preset", "seed"});
  ASSERT_EQ(result.code, 0) << result.err;
  const std::string& out = result.out;
  for (const char* part :
       {"== Forward pass", "z1 = X·W1 (4 × 4)", "a2 = sigmoid(z2) = ŷ (4 × 1)",
        "== Loss: SSE = Σ (y − ŷ)²", "== Backward pass", "∂L/∂a2 = 2(ŷ − y)",
        "δ1 = ∂L/∂a1 ⊙ f'(z1), f' = a(1 − a)", "∂L/∂W1 = Xᵀ·δ1 (3 × 4)", "W += 2(y − ŷ)",
        "W2 after (4 × 1)", "w = W2[1,1]", "∂L/∂a = 2(ŷ − y) = 2·(0.7299 − 0) = 1.45986",
        "f'(z) = a(1 − a) = 0.7299·(1 − 0.7299) = 0.197131"}) {
    EXPECT_NE(out.find(part), std::string::npos) << part << "\n" << out;
  }
  // The forward pass comes before the loss, the loss before the backward pass.
  EXPECT_LT(out.find("== Forward pass"), out.find("== Loss"));
  EXPECT_LT(out.find("== Loss"), out.find("== Backward pass"));
  EXPECT_LT(out.find("== Backward pass"), out.find("== Update"));
}

TEST(ExplainCommand, JsonWeightsAfterAreTrainingsNextStepBitForBit) {
  TempDir dir;
  const std::string path = dir.file("update.json");
  const auto result = run({"explain", "--preset", "seed", "--epochs-before", "10", "--json", path});
  ASSERT_EQ(result.code, 0) << result.err;
  const nlohmann::json json = readJson(path);
  const Preset preset = seedPreset();
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  trainer.step(10);
  const Network before = trainer.network();
  trainer.step(1);
  EXPECT_EQ(json["epoch"], 10);
  EXPECT_EQ(json["rows"], nlohmann::json({0, 1, 2, 3}));
  EXPECT_EQ(json["loss"]["name"], "sse");
  EXPECT_EQ(json["loss"]["per_sample"].size(), 4u);
  ASSERT_EQ(json["layers"].size(), 2u);
  for (int l = 0; l < 2; ++l) {
    const auto& layer = json["layers"][l];
    EXPECT_EQ(matrixFrom(layer["weights_before"]), before.layer(l).weights);  // exact
    EXPECT_EQ(matrixFrom(layer["weights_after"]), trainer.network().layer(l).weights);
    EXPECT_TRUE(layer["bias_before"].is_null());  // the seed has no biases
    EXPECT_TRUE(layer["grad_bias"].is_null());
    EXPECT_EQ(matrixFrom(layer["z"]).rows(), 4);
    EXPECT_EQ(matrixFrom(layer["delta"]).cols(), before.layer(l).units());
    EXPECT_EQ(layer["optimizer"]["kind"], "gd");
  }
  EXPECT_EQ(matrixFrom(json["inputs"]), preset.dataset.inputs);
  EXPECT_EQ(matrixFrom(json["targets"]), preset.dataset.targets);
  EXPECT_DOUBLE_EQ(json["loss"]["total"].get<double>(), json["loss"]["sum"].get<double>());
}

TEST(ExplainCommand, AdamShowsItsMomentsAndCorrections) {
  TempDir dir;
  const std::string path = dir.file("adam.json");
  const auto result = run({"explain", "--preset", "spiral", "--epochs-before", "1", "--json", path,
                           "--weight", "2,3,4", "--sample", "5"});
  ASSERT_EQ(result.code, 0) << result.err;
  const nlohmann::json json = readJson(path);
  const auto& optimizer = json["layers"][0]["optimizer"];
  EXPECT_EQ(optimizer["kind"], "adam");
  for (const char* key : {"m_before", "m_after", "v_before", "v_after", "correction1",
                          "correction2", "t", "step_weights", "bias_m_after"}) {
    EXPECT_TRUE(optimizer.contains(key)) << key;
  }
  EXPECT_GT(optimizer["t"].get<long long>(), 1);
  EXPECT_EQ(json["rows"].size(), 32u);  // the preset's batch, not every row
  EXPECT_NE(result.out.find("w = W2[3,4]"), std::string::npos);
  EXPECT_NE(result.out.find("batch row 5"), std::string::npos);
}

TEST(ExplainCommand, BadInputIsOneMessageAndAnExitStatus) {
  TempCsv empty("x1,x2,y\n");
  const struct {
    std::vector<std::string> args;
    int code;
    const char* message;
  } cases[] = {
      {{"explain", "--preset", "seed", "--frobnicate"}, 2, "unknown option --frobnicate"},
      {{"explain", "--preset", "seed", "--weight", "3,1,1"}, 2, "layer 3 does not exist"},
      {{"explain", "--preset", "seed", "--weight", "1,4,1"}, 2, "layer 1 has weights"},
      {{"explain", "--preset", "seed", "--weight", "1,1"}, 2, "--weight: '1,1' is not L,I,J"},
      {{"explain", "--preset", "seed", "--weight", "0,1,1"}, 2, "is not L,I,J"},
      {{"explain", "--preset", "seed", "--sample", "5"}, 2, "--sample: the batch has 4 rows"},
      {{"explain", "--preset", "seed", "--epochs", "5"}, 2, "--epochs is train's"},
      {{"explain", "--preset", "seed", "--json", "/nonexistent-dir/u.json"}, 1, "u.json"},
      {{"explain", "--data", empty.path(), "--layers", "2,1"}, 1, "no data rows"},
  };
  for (const auto& c : cases) {
    const auto result = run(c.args);
    EXPECT_EQ(result.code, c.code) << c.args.back() << ": " << result.err;
    EXPECT_NE(result.err.find(c.message), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
}

TEST(ExplainCommand, DivergenceBeforeTheUpdateExitsOne) {
  const auto result = run({"explain", "--preset", "seed", "--activation", "linear", "--lr", "100",
                           "--epochs-before", "50"});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("diverged at epoch 5 of the 50"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
}

}  // namespace
}  // namespace nnlab::cli
