#pragma once

#include <cstdint>

namespace nnlab {

/// A small, fully specified random generator (SplitMix64, Steele et al. 2014), so that a seed
/// gives the same numbers with every compiler and standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}

  /// The whole state: Random(state()) goes on with the same numbers (saving a run).
  std::uint64_t state() const { return m_state; }

  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  /// Uniform in [0, 1): the top 53 bits scaled exactly, no rounding involved.
  double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// Uniform integer in [0, bound), bound > 0, without modulo bias (Lemire 2019).
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      const unsigned __int128 product = static_cast<unsigned __int128>(next()) * bound;
      if (static_cast<std::uint64_t>(product) >= threshold) {
        return static_cast<std::uint64_t>(product >> 64);
      }
    }
  }

 private:
  std::uint64_t m_state;
};

}  // namespace nnlab
