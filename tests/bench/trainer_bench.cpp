// Speed of the core trainer, each figure against a reference measured in the same run:
// - the seed's 3-4-1 network against a hand-written, allocation-free Eigen loop for just that
//   network (fixed-size matrices: the fastest code one could write for it);
// - a 784-512-512-10 network against the plain GEMMs of one training step (the FLOP ceiling).
#include <benchmark/benchmark.h>
#include <cblas.h>

#include <Eigen/Core>

#include "core/blas_setup.h"
#include "core/build_info.h"
#include "core/presets.h"
#include "core/trainer.h"
#include "tests/bench/bench_clock.h"

namespace nnlab {
namespace {

using bench::Clock;
using bench::secondsSince;

// The article's numpy loop, in fixed-size Eigen: layer1 = σ(X·W1), out = σ(layer1·W2), then
// the two updates with learning rate 1.
struct HandWrittenSeed {
  Eigen::Matrix<double, 4, 3> x;
  Eigen::Matrix<double, 4, 1> y;
  Eigen::Matrix<double, 3, 4> w1;
  Eigen::Matrix<double, 4, 1> w2;

  void epoch() {
    const Eigen::Matrix<double, 4, 4> layer1 = (1.0 + (-(x * w1)).array().exp()).inverse().matrix();
    const Eigen::Matrix<double, 4, 1> out =
        (1.0 + (-(layer1 * w2)).array().exp()).inverse().matrix();
    const Eigen::Matrix<double, 4, 1> d2 =
        (2.0 * (y - out).array() * out.array() * (1.0 - out.array())).matrix();
    const Eigen::Matrix<double, 4, 4> d1 =
        ((d2 * w2.transpose()).array() * layer1.array() * (1.0 - layer1.array())).matrix();
    w2 += layer1.transpose() * d2;
    w1 += x.transpose() * d1;
  }
};

void BM_SeedTrainerVsHandWritten(benchmark::State& state) {
  const Preset seed = seedPreset();
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  HandWrittenSeed hand;
  hand.x = seed.dataset.inputs;
  hand.y = seed.dataset.targets;
  hand.w1 = seed.makeNetwork().layer(0).weights;
  hand.w2 = seed.makeNetwork().layer(1).weights;
  constexpr long long kEpochs = 200000;
  double trainerSeconds = 0, handSeconds = 0;
  bench::timeInTurn(
      state, [&] { benchmark::DoNotOptimize(trainer.step(kEpochs)); },
      [&] {
        for (long long e = 0; e < kEpochs; ++e) hand.epoch();
        benchmark::DoNotOptimize(hand.w1.data());
      },
      trainerSeconds, handSeconds);
  const double epochs = static_cast<double>(kEpochs) * state.iterations();
  state.counters["trainer_epochs_per_s"] = epochs / trainerSeconds;
  state.counters["handwritten_epochs_per_s"] = epochs / handSeconds;
  state.counters["ratio"] = handSeconds / trainerSeconds;
}
BENCHMARK(BM_SeedTrainerVsHandWritten)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_SeedTrainerStep(benchmark::State& state) {
  const Preset seed = seedPreset();
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  constexpr long long kEpochs = 10000;
  for (auto _ : state) benchmark::DoNotOptimize(trainer.step(kEpochs));
  state.counters["epochs_per_s"] = benchmark::Counter(
      static_cast<double>(kEpochs) * state.iterations(), benchmark::Counter::kIsRate);
  // Which build of the core ran (the package's loader picks one per CPU; see docs/packaging.md).
  const std::string library = kernelLibrary();
  state.SetLabel("kernels: " + kernelVariant() + (library.empty() ? "" : " from " + library));
}
BENCHMARK(BM_SeedTrainerStep)->Unit(benchmark::kMicrosecond);

// ── 784-512-512-10, batch 256 ─────────────────────────────────────────────────────────────────

constexpr int kBatch = 256;
constexpr int kSizes[] = {784, 512, 512, 10};

// The GEMMs of one training step: per layer z = a·W (forward), ∂W = aᵀ·δ and δ_prev = δ·Wᵀ
// (backward): 6·weights·batch flops in all.
struct GemmStep {
  std::vector<Matrix> a, w, d, g;
  GemmStep() {
    for (int l = 0; l < 3; ++l) {
      a.push_back(Matrix::Random(kBatch, kSizes[l]));
      w.push_back(Matrix::Random(kSizes[l], kSizes[l + 1]));
      d.push_back(Matrix::Random(kBatch, kSizes[l + 1]));
      g.push_back(Matrix::Random(kSizes[l], kSizes[l + 1]));
    }
  }
  void eigen() {
    for (int l = 0; l < 3; ++l) {
      d[l].noalias() = a[l] * w[l];
      g[l].noalias() = a[l].transpose() * d[l];
      a[l].noalias() = d[l] * w[l].transpose();
    }
  }
  void blas() {
    for (int l = 0; l < 3; ++l) {
      const int m = kBatch, k = kSizes[l], n = kSizes[l + 1];
      cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0, a[l].data(), m,
                  w[l].data(), k, 0.0, d[l].data(), m);
      cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, k, n, m, 1.0, a[l].data(), m,
                  d[l].data(), m, 0.0, g[l].data(), k);
      cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, m, k, n, 1.0, d[l].data(), m,
                  w[l].data(), k, 0.0, a[l].data(), m);
    }
  }
};

double weightsCount() {
  double count = 0;
  for (int l = 0; l < 3; ++l) count += static_cast<double>(kSizes[l]) * kSizes[l + 1];
  return count;
}

void BM_LargeNetworkVsGemm(benchmark::State& state) {
  NetworkSpec spec{
      784,
      {{512, Activation::Sigmoid}, {512, Activation::Sigmoid}, {10, Activation::Sigmoid}},
      true};
  Network network(spec);
  network.initialize(Init::Xavier, 1);
  Matrix inputs = (Matrix::Random(kBatch, 784).array() + 1.0) / 2.0;
  Matrix targets = Matrix::Zero(kBatch, 10);
  for (int r = 0; r < kBatch; ++r) targets(r, r % 10) = 1.0;
  TrainingSettings settings;
  settings.loss = Loss::Mse;
  settings.optimizer.kind = OptimizerKind::Gd;  // one update per epoch of 256 rows
  settings.optimizer.learningRate = 0.1;
  Trainer trainer(network, Dataset::fromMatrices(inputs, targets), settings);
  GemmStep gemm;
  state.SetLabel("BLAS kernels: " + blasCoreName());
  constexpr int kSteps = 10;
  double trainerSeconds = 0, eigenSeconds = 0, blasSeconds = 0;
  trainer.step(1);
  for (auto _ : state) {
    auto start = Clock::now();
    benchmark::DoNotOptimize(trainer.step(kSteps));
    trainerSeconds += secondsSince(start);
    start = Clock::now();
    for (int s = 0; s < kSteps; ++s) gemm.eigen();
    eigenSeconds += secondsSince(start);
    start = Clock::now();
    for (int s = 0; s < kSteps; ++s) gemm.blas();
    blasSeconds += secondsSince(start);
    benchmark::ClobberMemory();
  }
  const double flops = 6.0 * weightsCount() * kBatch * kSteps * state.iterations();
  const double trainerRate = flops / trainerSeconds / 1e9;
  const double bestGemm = std::max(flops / eigenSeconds, flops / blasSeconds) / 1e9;
  state.counters["trainer_gflops"] = trainerRate;
  state.counters["eigen_gemm_gflops"] = flops / eigenSeconds / 1e9;
  state.counters["blas_gemm_gflops"] = flops / blasSeconds / 1e9;
  state.counters["ratio"] = trainerRate / bestGemm;
}
BENCHMARK(BM_LargeNetworkVsGemm)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace
}  // namespace nnlab
