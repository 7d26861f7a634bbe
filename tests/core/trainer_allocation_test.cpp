// Trainer::step promises not to touch the heap inside its epoch loop. This file replaces the C
// allocation functions of the test binary (glibc's malloc family, which operator new and Eigen's
// matrices both end in) with counting ones to check that promise.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>

#include "core/presets.h"
#include "core/run_history.h"
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

// The run history copies the trainer's state into records thinned out before: with the shapes
// the same, neither the copy nor the record allocates (allocating every record cost the spiral
// preset's runner several per cent of its speed).
TEST(TrainerAllocationTest, RecordingIntoThinnedOutRecordsDoesNotAllocate) {
  const Preset spiral = *findPreset("spiral");
  Trainer trainer(spiral.makeNetwork(), spiral.dataset, spiral.settings);
  trainer.step(3);  // Adam's moments and the shuffle's order are sized
  TrainerState copy = trainer.state();
  trainer.step(1);
  long before = g_allocations.load();
  trainer.copyStateTo(copy);
  EXPECT_EQ(g_allocations.load() - before, 0);
  const TrainerState state = trainer.state();
  EXPECT_EQ(copy.epoch, state.epoch);
  EXPECT_EQ(copy.shuffleRandom, state.shuffleRandom);
  EXPECT_EQ(copy.shuffleOrder, state.shuffleOrder);
  EXPECT_EQ(copy.optimizer.steps, state.optimizer.steps);
  ASSERT_EQ(copy.optimizer.first.weights.size(), state.optimizer.first.weights.size());
  for (std::size_t l = 0; l < state.optimizer.first.weights.size(); ++l) {
    EXPECT_EQ(copy.optimizer.first.weights[l], state.optimizer.first.weights[l]);
    EXPECT_EQ(copy.optimizer.second.weights[l], state.optimizer.second.weights[l]);
  }

  RunHistory history(std::size_t{1} << 30, 16);
  for (long long e = 0; e <= 16; ++e) {  // the 17th record thins the history to stride 2
    trainer.setEpoch(e);
    history.record(trainer);
  }
  ASSERT_EQ(history.stride(), 2);
  before = g_allocations.load();
  for (long long e = 18; e <= 32; e += 2) {
    trainer.setEpoch(e);
    ASSERT_TRUE(history.record(trainer));
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
}

}  // namespace
}  // namespace nnlab
