#include "core/explain_formulas.h"

#include <gtest/gtest.h>

#include "core/presets.h"

namespace nnlab {
namespace {

ExplainedUpdate seedUpdate() {
  const Preset preset = seedPreset();
  return explainNextUpdate(Trainer(preset.makeNetwork(), preset.dataset, preset.settings));
}

TEST(ExplainFormulas, SeedNumbersAreWrittenIntoTheFormulas) {
  const ExplainedUpdate e = seedUpdate();
  // Row 2 (0, 1, 1) into hidden unit 1: 0·w11 + 1·w21 + 1·w31.
  EXPECT_EQ(weightedSumSubstituted(e, 0, 1, 0), "0·0.5666 + 1·0.4443 + 1·0.2855 = 0.729773");
  EXPECT_EQ(lossGradientSubstituted(e, 0, 0), "2·(0.7299 − 0) = 1.45986");
  EXPECT_EQ(lossGradientSubstituted(e, 1, 0), "2·(0.7707 − 1) = -0.458623");
  EXPECT_EQ(derivativeSubstituted(Activation::Sigmoid, e.trace.layers[1].a(0, 0),
                                  e.layers[1].derivative(0, 0)),
            "0.7299·(1 − 0.7299) = 0.197131");
  EXPECT_EQ(lossTermSubstituted(e, 1, 0), "(1 − 0.7707)² = 0.0525837");
  EXPECT_EQ(lossGradientFormula(Loss::Sse), "2(ŷ − y)");
  EXPECT_EQ(derivativeFormula(Activation::Tanh), "1 − a²");
}

TEST(ExplainFormulas, LongSumsAreElidedAndNegativeTermsBracketed) {
  Network network(NetworkSpec{9, {{1, Activation::Tanh}}, true});
  network.initialize(Init::Uniform, 2);
  Dataset data = Dataset::fromMatrices(Matrix::Constant(2, 9, -0.5), Matrix::Zero(2, 1));
  const ExplainedUpdate e = explainNextUpdate(Trainer(network, data, {}));
  const std::string text = weightedSumSubstituted(e, 0, 0, 0, 3);
  EXPECT_EQ(text.rfind("(-0.5)·", 0), 0u) << text;
  EXPECT_NE(text.find("+ … (6 more)"), std::string::npos) << text;
  EXPECT_EQ(formatNumber(-0.0, 4), "0");
  EXPECT_EQ(formulaTerm(-0.25), "(-0.25)");
}

}  // namespace
}  // namespace nnlab
