#include "core/build_info.h"

#include <Eigen/Core>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "core/blas_setup.h"

#ifdef NNLAB_SHARED_CORE
#include <dlfcn.h>
#endif

#ifdef NNLAB_OPENBLAS
extern "C" char* openblas_get_config(void);
#endif

#ifndef NNLAB_KERNEL_VARIANT
#define NNLAB_KERNEL_VARIANT "default"
#endif

namespace nnlab {
namespace {

// The instruction sets this file was compiled for, which are those of every file of the
// library it is in: the compiler's own macros, so the report cannot disagree with the code.
std::string instructionSets() {
  std::string sets =
#if defined(__AVX512F__)
      "AVX-512";
#elif defined(__AVX2__)
      "AVX2";
#elif defined(__AVX__)
      "AVX";
#elif defined(__SSE4_2__)
      "SSE4.2";
#elif defined(__SSE2__)
      "SSE2";
#else
      "no SIMD";
#endif
#ifdef __FMA__
  sets += ", FMA";
#endif
  return sets;
}

std::string numbers(int major, int minor, int patch) {
  return std::to_string(major) + '.' + std::to_string(minor) + '.' + std::to_string(patch);
}

Component blasComponent() {
#ifdef NNLAB_OPENBLAS
  // "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64": the version is word 2.
  const std::string config = openblas_get_config();
  const std::size_t start = config.find(' ') == std::string::npos ? 0 : config.find(' ') + 1;
  const std::string release = config.substr(start, config.find(' ', start) - start);
  return {"OpenBLAS", release, "BSD-3-Clause", blasCoreName() + " kernels"};
#elif defined(EIGEN_USE_BLAS)
  return {"BLAS", "", "see the system's BLAS package", "large products"};
#else
  return {};
#endif
}

}  // namespace

std::string kernelVariant() {
  return std::string(NNLAB_KERNEL_VARIANT) + " (" + instructionSets() + ")";
}

std::string kernelLibrary() {
#ifdef NNLAB_SHARED_CORE
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&kernelVariant), &info) == 0 || info.dli_fname == nullptr)
    return {};
  std::error_code error;
  const std::filesystem::path path = std::filesystem::weakly_canonical(info.dli_fname, error);
  return error ? std::string(info.dli_fname) : path.string();
#else
  return {};
#endif
}

std::vector<Component> coreComponents() {
  std::vector<Component> components = {
      {"Eigen", numbers(EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION), "MPL-2.0",
       "matrix arithmetic"},
      {"nlohmann/json",
       numbers(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
               NLOHMANN_JSON_VERSION_PATCH),
       "MIT", "model and session files"}};
  if (Component blas = blasComponent(); !blas.name.empty()) components.push_back(blas);
#ifdef _GLIBCXX_RELEASE
  components.push_back({"GNU C++ library (libstdc++)", std::to_string(_GLIBCXX_RELEASE),
                        "GPL-3.0-or-later WITH GCC-exception-3.1", ""});
#endif
  return components;
}

std::string versionReport(std::string_view program, const std::vector<Component>& components) {
  std::string text = std::string(program) + ' ' + std::string(version()) + '\n';
  text += "git revision: " + std::string(gitRevision()) + '\n';
  text += "kernels: " + kernelVariant();
  const std::string library = kernelLibrary();
  text += library.empty() ? std::string(", built into the program")
                          : ", chosen at start-up: " + library;
  text += "\nlicence: " + std::string(kLicence) + '\n';
  text += "libraries:\n";
  for (const Component& c : components) {
    text += "  " + c.name;
    if (!c.version.empty()) text += ' ' + c.version;
    text += " (" + c.licence + ')';
    if (!c.detail.empty()) text += ": " + c.detail;
    text += '\n';
  }
  return text;
}

}  // namespace nnlab
