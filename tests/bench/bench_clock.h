// The clock the benchmarks time their alternated halves with (a reference and nnlab, in turn,
// in one run).
#pragma once

#include <chrono>

namespace nnlab::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace nnlab::bench
