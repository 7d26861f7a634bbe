// The benchmarks' main(): the BLAS set up once, as nnlab and nnlab-cli do at start-up.
#include <benchmark/benchmark.h>

#include "core/blas_setup.h"

int main(int argc, char** argv) {
  nnlab::prepareBlas();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
