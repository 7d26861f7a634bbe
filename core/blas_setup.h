#pragma once

#include <string>

namespace nnlab {

/// Makes sure the BLAS that large products go to uses kernels for this CPU. Debian 12's
/// OpenBLAS (0.3.21) does not recognise processors newer than itself and falls back to its
/// SSE3 "Prescott" kernels, 4–7× slower than the AVX-512 or AVX2 ones the CPU can run. When
/// that happened and the user has not chosen a core with OPENBLAS_CORETYPE, this re-selects
/// the kernels by instruction set. It changes OpenBLAS's global state (and, for a moment, the
/// environment), so each executable calls it once at start-up, in main(), before any thread
/// starts; later calls do nothing.
void prepareBlas();

/// The BLAS kernel family in use ("SkylakeX", "Haswell", …), or "none" without OpenBLAS.
std::string blasCoreName();

}  // namespace nnlab
