// How much of the trainer's speed the background runner keeps while a display thread pulls a
// snapshot 60 times a second. Each benchmark measures Trainer::step alone and the runner in the
// same run, alternating in short rounds so that both see the same machine load.
#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <thread>

#include "core/presets.h"
#include "core/random.h"
#include "core/trainer.h"
#include "core/training_runner.h"

namespace nnlab {
namespace {

using BenchClock = std::chrono::steady_clock;
using BenchSeconds = std::chrono::duration<double>;

constexpr int kRounds = 3;
constexpr double kRoundSeconds = 0.5;

struct Experiment {
  Network network;
  Init init = Init::Uniform01;
  std::uint64_t seed = 1;
  Dataset dataset;
  TrainingSettings settings;
};

Experiment seedExperiment() {
  const Preset preset = seedPreset();
  return {preset.makeNetwork(), preset.init, preset.seed, preset.dataset, preset.settings};
}

// The window's spiral preset: 2-16-16-1 tanh, sigmoid output, BCE, Adam on batches of 32 of
// 320 training rows (80 test rows).
Experiment spiralExperiment() {
  const Preset preset = *findPreset("spiral");
  return {preset.makeNetwork(), preset.init, preset.seed, preset.dataset, preset.settings};
}

// 2-16-16-1 tanh on 1000 points of y = sin(πx₁)·x₂, full-batch gradient descent on MSE.
Experiment tanhExperiment() {
  NetworkSpec spec;
  spec.inputs = 2;
  spec.layers = {{16, Activation::Tanh}, {16, Activation::Tanh}, {1, Activation::Tanh}};
  Experiment experiment;
  experiment.init = Init::Xavier;
  experiment.network = Network(spec);
  experiment.network.initialize(experiment.init, experiment.seed);
  Random random(42);
  Matrix inputs(1000, 2);
  Matrix targets(1000, 1);
  for (int i = 0; i < 1000; ++i) {
    inputs(i, 0) = random.uniform01() * 2.0 - 1.0;
    inputs(i, 1) = random.uniform01() * 2.0 - 1.0;
    targets(i, 0) = std::sin(3.14159265358979 * inputs(i, 0)) * inputs(i, 1);
  }
  experiment.dataset = Dataset::fromMatrices(std::move(inputs), std::move(targets));
  experiment.settings.loss = Loss::Mse;
  experiment.settings.optimizer.kind = OptimizerKind::Gd;
  experiment.settings.optimizer.learningRate = 0.05;
  return experiment;
}

// Epochs per second of wall-clock time and per second of the process's CPU time. On a busy
// machine the wall-clock rate says more about the other processes than about the runner; the
// CPU rate (which also charges the display thread) still measures the runner's own overhead.
struct Rates {
  double wall = 0.0;
  double cpu = 0.0;
};

double cpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

Rates rates(long long epochs, double wallSeconds, double cpuSecondsUsed) {
  return {static_cast<double>(epochs) / wallSeconds, static_cast<double>(epochs) / cpuSecondsUsed};
}

// Trainer::step on its own, in calls of `perCall` epochs.
Rates trainerRates(Trainer& trainer, long long perCall) {
  const auto start = BenchClock::now();
  const double cpuStart = cpuSeconds();
  long long epochs = 0;
  double elapsed = 0.0;
  do {
    epochs += trainer.step(perCall).epochs;
    elapsed = BenchSeconds(BenchClock::now() - start).count();
  } while (elapsed < kRoundSeconds);
  return rates(epochs, elapsed, cpuSeconds() - cpuStart);
}

// A running runner over one round, as seen in its snapshots.
Rates runnerRates(const TrainingRunner& runner) {
  const auto first = runner.latestSnapshot();
  const auto start = BenchClock::now();
  const double cpuStart = cpuSeconds();
  std::this_thread::sleep_for(BenchSeconds(kRoundSeconds));
  const auto last = runner.latestSnapshot();
  const double elapsed = BenchSeconds(BenchClock::now() - start).count();
  return rates(last->epoch - first->epoch, elapsed, cpuSeconds() - cpuStart);
}

Rates best(Rates a, Rates b) { return {std::max(a.wall, b.wall), std::max(a.cpu, b.cpu)}; }

void compareRunnerWithTrainer(benchmark::State& state, const Experiment& experiment,
                              long long perCall) {
  Trainer trainer(experiment.network, experiment.dataset, experiment.settings);
  TrainingRunner runner(experiment.network, experiment.init, experiment.seed, experiment.dataset,
                        experiment.settings);
  std::atomic<bool> reading{true};
  std::jthread display([&] {  // a GUI pulling one snapshot per frame at 60 Hz
    auto next = BenchClock::now();
    while (reading.load()) {
      benchmark::DoNotOptimize(runner.latestSnapshot()->loss);
      next += std::chrono::microseconds(16'667);
      std::this_thread::sleep_until(next);
    }
  });
  Rates alone;
  Rates threaded;
  for (auto _ : state) {
    trainer.step(perCall);  // warm up caches
    for (int round = 0; round < kRounds; ++round) {
      alone = best(alone, trainerRates(trainer, perCall));
      runner.run();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));  // chunk size settles
      threaded = best(threaded, runnerRates(runner));
      runner.pause();
    }
  }
  reading.store(false);
  state.counters["trainer_epochs_per_s"] = alone.wall;
  state.counters["runner_epochs_per_s"] = threaded.wall;
  state.counters["ratio"] = threaded.wall / alone.wall;
  state.counters["trainer_epochs_per_cpu_s"] = alone.cpu;
  state.counters["runner_epochs_per_cpu_s"] = threaded.cpu;
  state.counters["cpu_ratio"] = threaded.cpu / alone.cpu;
}

void BM_RunnerSeedVsTrainer(benchmark::State& state) {
  compareRunnerWithTrainer(state, seedExperiment(), 10'000);
}

void BM_RunnerTanh2x16x16x1VsTrainer(benchmark::State& state) {
  compareRunnerWithTrainer(state, tanhExperiment(), 100);
}

void BM_RunnerSpiralVsTrainer(benchmark::State& state) {
  compareRunnerWithTrainer(state, spiralExperiment(), 100);
}

BENCHMARK(BM_RunnerSeedVsTrainer)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_RunnerTanh2x16x16x1VsTrainer)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_RunnerSpiralVsTrainer)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace
}  // namespace nnlab
