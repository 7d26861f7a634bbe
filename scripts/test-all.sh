#!/usr/bin/env bash
# Installs what is missing, builds nnlab, and runs every test:
#   1. the Release build's whole ctest suite (core, runner, CLI, GUI offscreen);
#   2. the whole suite again built with AddressSanitizer + UndefinedBehaviorSanitizer (leaks
#      included);
#   3. the runner and GUI tests built with ThreadSanitizer;
#   4. each file reader under libFuzzer for a bounded time (FUZZ_SECONDS, default 60).
# Any failure, sanitizer report or fuzzer finding stops it with a non-zero status.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

jobs=$(nproc)
fuzz_seconds=${FUZZ_SECONDS:-60}
export QT_QPA_PLATFORM=offscreen
# Sanitizer runs stop at the first report, with a stack trace.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/sanitizers/tsan.supp"

step() { echo; echo "== $* ($(date +%T))"; }

step "Release build and tests"
cmake --preset release
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

step "AddressSanitizer + UndefinedBehaviorSanitizer build, every test"
cmake --preset asan
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"

step "ThreadSanitizer build, runner and GUI tests"
cmake --preset tsan
cmake --build --preset tsan -j "$jobs"
ctest --preset tsan -j "$jobs"
# Not here: the tests that check the translation files with lupdate and the window under Xvfb.
# They test no thread of nnlab's; the first starts a program, which this TSan (clang 14) cannot
# follow across fork, and the second runs Qt's X11 plugin, whose own threads TSan cannot see.
ctest --test-dir build-tsan -L gui -E '^(Translations\.|Help\.UnderXvfb$)' -j "$jobs" \
  --output-on-failure

step "libFuzzer: ${fuzz_seconds} s for each reader"
cmake --preset fuzz
cmake --build --preset fuzz -j "$jobs"
work=build-fuzz/runs
rm -rf "$work"
mkdir -p "$work"
pids=()
for reader in csv model session onnx; do
  # A copy of the seed corpus: the fuzzer adds what it finds to it.
  cp -r "tests/fuzz/corpus/$reader" "$work/$reader"
  build-fuzz/bin/${reader}_fuzzer -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/$reader-" "$work/$reader" \
    >"$work/$reader.log" 2>&1 &
  pids+=($!)
done
status=0
for i in 0 1 2 3; do
  reader=$(echo csv model session onnx | cut -d' ' -f$((i + 1)))
  if wait "${pids[$i]}"; then
    echo "$reader: $(grep -m1 -o 'Done [0-9]* runs in [0-9]* second(s)' "$work/$reader.log"), no finding"
  else
    echo "$reader: the fuzzer found a problem:"
    tail -n 40 "$work/$reader.log"
    status=1
  fi
done
exit $status
