// Trainer::step promises not to touch the heap inside its epoch loop. This file replaces the C
// allocation functions of the test binary (glibc's malloc family, which operator new and Eigen's
// matrices both end in) with counting ones to check that promise.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>

#include "core/presets.h"
#include "core/trainer.h"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* pointer, std::size_t size);

void* malloc(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return __libc_calloc(count, size);
}
void* realloc(void* pointer, std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return __libc_realloc(pointer, size);
}
}

namespace nnlab {
namespace {

long allocationsDuring(Trainer& trainer, long long epochs) {
  trainer.step(1);  // warm-up: anything lazily sized happens here
  const long before = g_allocations.load();
  trainer.step(epochs);
  return g_allocations.load() - before;
}

// The counter must see what it is there to catch: a new Eigen matrix and a new object.
TEST(TrainerAllocationTest, CountsEigenAndOperatorNewAllocations) {
  const long before = g_allocations.load();
  Matrix scratch(10, 10);
  scratch.setZero();
  EXPECT_GE(g_allocations.load() - before, 1);
  const long afterMatrix = g_allocations.load();
  auto object = std::make_unique<long>(afterMatrix);
  EXPECT_GE(g_allocations.load() - afterMatrix, 1);
}

TEST(TrainerAllocationTest, SeedEpochsDoNotAllocate) {
  const Preset seed = seedPreset();
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  EXPECT_EQ(allocationsDuring(trainer, 1000), 0);
}

TEST(TrainerAllocationTest, EveryOptimizerStepsWithoutAllocating) {
  Matrix inputs = Matrix::Random(37, 4);
  Matrix targets = (Matrix::Random(37, 2).array() + 1.0) / 2.0;
  Dataset data = Dataset::fromMatrices(inputs, targets);
  for (OptimizerKind kind :
       {OptimizerKind::Gd, OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam}) {
    Network network(NetworkSpec{4, {{16, Activation::Tanh}, {2, Activation::Sigmoid}}, true});
    network.initialize(Init::Xavier, 1);
    TrainingSettings settings;
    settings.optimizer.kind = kind;
    settings.optimizer.learningRate = 0.01;
    settings.batchSize = 8;  // 37 rows: four batches of 8 and a remainder of 5
    settings.l1 = 1e-4;
    settings.l2 = 1e-3;
    settings.loss = Loss::Bce;
    Trainer trainer(network, data, settings);
    EXPECT_EQ(allocationsDuring(trainer, 200), 0) << optimizerName(kind);
  }
}

TEST(TrainerAllocationTest, PerceptronStepsWithoutAllocating) {
  Matrix inputs(4, 2);
  inputs << 0, 0, 0, 1, 1, 0, 1, 1;
  Matrix targets(4, 1);
  targets << 0, 0, 0, 1;
  Network neuron(NetworkSpec{2, {{1, Activation::Step}}, true});
  TrainingSettings settings;
  settings.optimizer.kind = OptimizerKind::Perceptron;
  Trainer trainer(neuron, Dataset::fromMatrices(inputs, targets), settings);
  EXPECT_EQ(allocationsDuring(trainer, 100), 0);
}

TEST(TrainerAllocationTest, SoftmaxWithTestRowsStepsWithoutAllocating) {
  const Preset preset =
      generatedPreset(Generator::Blobs3, defaultGeneratorSettings(Generator::Blobs3));
  ASSERT_GT(preset.dataset.testRowCount(), 0);
  Trainer trainer(preset.makeNetwork(), preset.dataset, preset.settings);
  EXPECT_EQ(allocationsDuring(trainer, 50), 0);
}

}  // namespace
}  // namespace nnlab
