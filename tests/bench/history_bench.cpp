// What keeping a run's history costs: the seed trained epoch by epoch, as the runner trains it,
// with RunHistory::record after every epoch against the same loop without it, alternated in one
// run. The ratio is the share of the rate that training with a history keeps.
#include <benchmark/benchmark.h>

#include <chrono>

#include "presets.h"
#include "run_history.h"
#include "trainer.h"

namespace nnlab {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void BM_SeedWithHistoryVsWithout(benchmark::State& state) {
  const Preset seed = seedPreset();
  Trainer plain(seed.makeNetwork(), seed.dataset, seed.settings);
  Trainer recorded = plain;
  RunHistory history;
  constexpr long long kEpochs = 200000;
  double plainSeconds = 0, recordedSeconds = 0;
  for (auto _ : state) {
    auto start = Clock::now();
    for (long long e = 0; e < kEpochs; ++e) benchmark::DoNotOptimize(plain.step(1));
    plainSeconds += secondsSince(start);
    start = Clock::now();
    for (long long e = 0; e < kEpochs; ++e) {
      benchmark::DoNotOptimize(recorded.step(1));
      history.record(recorded);
    }
    recordedSeconds += secondsSince(start);
  }
  const double epochs = static_cast<double>(kEpochs) * state.iterations();
  state.counters["plain_epochs_per_s"] = epochs / plainSeconds;
  state.counters["recorded_epochs_per_s"] = epochs / recordedSeconds;
  state.counters["ratio"] = plainSeconds / recordedSeconds;
  state.counters["records"] = static_cast<double>(history.size());
  state.counters["history_MB"] = static_cast<double>(history.bytes()) / (1 << 20);
}
BENCHMARK(BM_SeedWithHistoryVsWithout)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace
}  // namespace nnlab
