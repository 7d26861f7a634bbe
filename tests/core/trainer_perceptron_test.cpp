// Trainer with the perceptron rule: the M-P neuron learning gates. (The other optimizers and the
// gradients: trainer_test.cpp.)
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/presets.h"
#include "core/trainer.h"

namespace nnlab {
namespace {

Dataset gate(double y00, double y01, double y10, double y11) {
  Matrix inputs(4, 2);
  inputs << 0, 0, 0, 1, 1, 0, 1, 1;
  Matrix targets(4, 1);
  targets << y00, y01, y10, y11;
  return Dataset::fromMatrices(inputs, targets);
}

int errorsAfterPerceptron(const Dataset& data, long long epochs, StepResult* result = nullptr) {
  Network neuron(NetworkSpec{2, {{1, Activation::Step}}, true});
  neuron.initialize(Init::Zeros, 1);
  TrainingSettings settings;
  settings.optimizer.kind = OptimizerKind::Perceptron;
  settings.optimizer.learningRate = 0.1;
  Trainer trainer(neuron, data, settings);
  const StepResult r = trainer.step(epochs);
  if (result) *result = r;
  return static_cast<int>((trainer.predictAll() - data.targets).cwiseAbs().sum());
}

TEST(TrainerTest, PerceptronLearnsAndOrNand) {
  EXPECT_EQ(errorsAfterPerceptron(gate(0, 0, 0, 1), 100), 0) << "AND";
  EXPECT_EQ(errorsAfterPerceptron(gate(0, 1, 1, 1), 100), 0) << "OR";
  EXPECT_EQ(errorsAfterPerceptron(gate(1, 1, 1, 0), 100), 0) << "NAND";
}

TEST(TrainerTest, PerceptronCannotLearnXor) {
  StepResult result;
  EXPECT_GT(errorsAfterPerceptron(gate(0, 1, 1, 0), 1000, &result), 0);
  EXPECT_EQ(result.epochs, 1000);  // ran to the limit
  EXPECT_GT(result.loss, 0.0);     // and still made mistakes in its last epoch
}

TEST(TrainerTest, PerceptronRefusesAMultiLayerNetwork) {
  TrainingSettings settings;
  settings.optimizer.kind = OptimizerKind::Perceptron;
  const Preset seed = seedPreset();
  EXPECT_THROW(Trainer(seed.makeNetwork(), seed.dataset, settings), std::invalid_argument);
}

TEST(TrainerTest, PerceptronRefusesOtherUnitsAndRegularisation) {
  TrainingSettings settings;
  settings.optimizer.kind = OptimizerKind::Perceptron;
  const Dataset gate = seedPreset().dataset;
  Network sigmoid(NetworkSpec{3, {{1, Activation::Sigmoid}}, true});
  const auto problem = Trainer::incompatibility(sigmoid, gate, settings);
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("step units"), std::string::npos) << *problem;
  Network step(NetworkSpec{3, {{1, Activation::Step}}, true});
  EXPECT_FALSE(Trainer::incompatibility(step, gate, settings));
  settings.l2 = 0.1;
  EXPECT_TRUE(Trainer::incompatibility(step, gate, settings));
}

// The loss a perceptron epoch reports is that of the weights it started from, the same number
// evaluate() gives for them (and the status bar shows): not the mistakes made along the way.
TEST(TrainerTest, PerceptronEpochLossIsThatOfItsStartingWeights) {
  const Preset xorGate = *findPreset("mp-xor");
  Trainer trainer(xorGate.makeNetwork(), xorGate.dataset, xorGate.settings);
  for (int epoch = 0; epoch < 20; ++epoch) {
    const double before = trainer.evaluate();
    const StepResult result = trainer.step(1);
    EXPECT_EQ(result.loss, before) << "epoch " << epoch + 1;
  }
}

}  // namespace
}  // namespace nnlab
