#include "core/blas_setup.h"

#include <cstdlib>
#include <mutex>
#include <string_view>

#ifdef NNLAB_OPENBLAS
extern "C" {
// Exported by every DYNAMIC_ARCH build of OpenBLAS (driver/others/dynamic.c). The core is
// chosen in gotoblas_dynamic_init(), which reads OPENBLAS_CORETYPE when it is set.
char* gotoblas_corename(void);
void gotoblas_dynamic_init(void);
void gotoblas_dynamic_quit(void);
}
#endif

namespace nnlab {
namespace {

#ifdef NNLAB_OPENBLAS
// The kernels this CPU can run, best first; empty when it has neither AVX-512 nor AVX2.
const char* bestCoreForThisCpu() {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512cd")) {
    return "SkylakeX";
  }
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
  return "";
}

void selectCore() {
  if (std::getenv("OPENBLAS_CORETYPE") != nullptr) return;  // the user's choice stands
  const std::string_view detected = gotoblas_corename();
  // Generic fallbacks OpenBLAS picks for CPUs it does not know.
  if (detected != "Prescott" && detected != "Core2" && detected != "Nehalem") return;
  const char* best = bestCoreForThisCpu();
  if (*best == '\0') return;
  setenv("OPENBLAS_CORETYPE", best, 0);
  gotoblas_dynamic_quit();
  gotoblas_dynamic_init();
  unsetenv("OPENBLAS_CORETYPE");  // leave the environment as we found it for child processes
}
#endif

}  // namespace

void prepareBlas() {
#ifdef NNLAB_OPENBLAS
  static std::once_flag once;
  std::call_once(once, selectCore);
#endif
}

std::string blasCoreName() {
#ifdef NNLAB_OPENBLAS
  return gotoblas_corename();
#else
  return "none";
#endif
}

}  // namespace nnlab
