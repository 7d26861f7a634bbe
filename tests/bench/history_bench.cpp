// What keeping a run's history costs: the seed trained epoch by epoch, as the runner trains it,
// with RunHistory::record after every epoch against the same loop without it, alternated in one
// run. The ratio is the share of the rate that training with a history keeps. And how long showing
// an epoch of a 10⁷-epoch run takes.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "core/presets.h"
#include "core/run_history.h"
#include "core/trainer.h"
#include "tests/bench/bench_clock.h"

namespace nnlab {
namespace {

using bench::Clock;
using bench::secondsSince;

void BM_SeedWithHistoryVsWithout(benchmark::State& state) {
  const Preset seed = seedPreset();
  Trainer plain(seed.makeNetwork(), seed.dataset, seed.settings);
  Trainer recorded = plain;
  RunHistory history;
  constexpr long long kEpochs = 200000;
  double plainSeconds = 0, recordedSeconds = 0;
  bench::timeInTurn(
      state,
      [&] {
        for (long long e = 0; e < kEpochs; ++e) benchmark::DoNotOptimize(plain.step(1));
      },
      [&] {
        for (long long e = 0; e < kEpochs; ++e) {
          benchmark::DoNotOptimize(recorded.step(1));
          history.record(recorded);
        }
      },
      plainSeconds, recordedSeconds);
  const double epochs = static_cast<double>(kEpochs) * state.iterations();
  state.counters["plain_epochs_per_s"] = epochs / plainSeconds;
  state.counters["recorded_epochs_per_s"] = epochs / recordedSeconds;
  state.counters["ratio"] = plainSeconds / recordedSeconds;
  state.counters["records"] = static_cast<double>(history.size());
  state.counters["history_MB"] = static_cast<double>(history.bytes()) / (1 << 20);
}
BENCHMARK(BM_SeedWithHistoryVsWithout)->Unit(benchmark::kMillisecond)->Iterations(20);

// Showing an epoch of a long run: the seed trained for 10⁷ epochs with its history (as the
// window's runner keeps it), then epochs looked up as the timeline asks for them, each the worst
// case (the last before a record, so the replay is the longest). The bound is 50 ms.
void BM_ShowAnEpochOfATenMillionEpochSeedRun(benchmark::State& state) {
  static const auto run = [] {
    const Preset seed = seedPreset();
    auto trained = std::make_unique<std::pair<Trainer, RunHistory>>(
        Trainer(seed.makeNetwork(), seed.dataset, seed.settings), RunHistory());
    auto& [trainer, history] = *trained;
    history.record(trainer);
    for (long long e = 0; e < 10'000'000; ++e) {
      trainer.step(1);
      history.record(trainer);
    }
    return trained;
  }();
  const auto& [present, history] = *run;
  const std::vector<long long> epochs = history.epochs();
  double slowest = 0.0;
  std::size_t next = 0;
  for (auto _ : state) {
    // Just before a record: the replay from the one before runs stride − 1 epochs.
    const long long epoch = std::max(0LL, epochs[1 + next * 97 % (epochs.size() - 1)] - 1);
    next++;
    const auto start = Clock::now();
    Trainer shown = present;
    const bool moved = history.moveTo(shown, epoch);
    benchmark::DoNotOptimize(shown.predictAll());
    slowest = std::max(slowest, secondsSince(start));
    if (!moved) state.SkipWithError("an epoch of the run could not be shown");
  }
  state.counters["stride"] = static_cast<double>(history.stride());
  state.counters["slowest_ms"] = slowest * 1e3;
}
BENCHMARK(BM_ShowAnEpochOfATenMillionEpochSeedRun)->Unit(benchmark::kMillisecond)->Iterations(50);

}  // namespace
}  // namespace nnlab
