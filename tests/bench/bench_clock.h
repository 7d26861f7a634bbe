// How the benchmarks time nnlab against a reference: in turn, in one run, so that both see the
// same machine load.
#pragma once

#include <benchmark/benchmark.h>

#include <chrono>

namespace nnlab::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Runs `first` then `second` once in every iteration of the benchmark, adding the seconds each
/// took to `firstSeconds` and `secondSeconds`.
template <typename First, typename Second>
void timeInTurn(benchmark::State& state, First first, Second second, double& firstSeconds,
                double& secondSeconds) {
  for (auto _ : state) {
    auto start = Clock::now();
    first();
    benchmark::ClobberMemory();
    firstSeconds += secondsSince(start);
    start = Clock::now();
    second();
    benchmark::ClobberMemory();
    secondSeconds += secondsSince(start);
  }
}

}  // namespace nnlab::bench
