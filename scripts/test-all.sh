#!/usr/bin/env bash
# Installs what is missing, builds nnlab, and runs every test:
#   1. the Release build's whole ctest suite (core, runner, CLI, GUI offscreen);
#   2. the runner tests again built with ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

jobs=$(nproc)
export QT_QPA_PLATFORM=offscreen

echo "== Release build and tests"
cmake --preset release
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

echo "== ThreadSanitizer build, runner tests"
cmake --preset tsan -DNNLAB_BUILD_GUI=OFF
cmake --build --preset tsan -j "$jobs" --target nnlab_core_tests
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" ctest --preset tsan
