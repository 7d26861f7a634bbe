#include "core/build_info.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "core/blas_setup.h"

namespace nnlab {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(BuildInfo, VersionIsTheProjects) { EXPECT_EQ(version(), NNLAB_PROJECT_VERSION); }

// A git hash (with "-dirty" for uncommitted changes), a `git describe` name, or "unknown" for a
// tree without git: never empty, never a git error message.
TEST(BuildInfo, GitRevisionIsAHashOrUnknown) {
  const std::string revision(gitRevision());
  EXPECT_TRUE(revision == "unknown" ||
              std::regex_match(revision, std::regex("([^ ]+-g)?[0-9a-f]{7,40}(-dirty)?")))
      << revision;
}

TEST(BuildInfo, ListsEveryLibraryWithItsLicence) {
  const std::vector<Component> components = coreComponents();
  const std::string report = versionReport("nnlab-test", components);
  EXPECT_TRUE(report.starts_with("nnlab-test " + std::string(version()) + "\n")) << report;
  EXPECT_TRUE(contains(report, "git revision: " + std::string(gitRevision()))) << report;
  EXPECT_TRUE(contains(report, "licence: GPL-3.0-or-later")) << report;
  EXPECT_TRUE(contains(report, "Eigen 3.4")) << report;
  EXPECT_TRUE(contains(report, "(MPL-2.0)")) << report;
  EXPECT_TRUE(contains(report, "nlohmann/json 3.")) << report;
  EXPECT_TRUE(contains(report, "(MIT)")) << report;
#ifdef EIGEN_USE_BLAS
  // The BLAS with the kernels it runs on this CPU, as BlasSetupTest selects them.
  EXPECT_TRUE(contains(report, "OpenBLAS 0.")) << report;
  EXPECT_TRUE(contains(report, "(BSD-3-Clause)")) << report;
  EXPECT_TRUE(contains(report, blasCoreName() + " kernels")) << report;
#endif
  for (const Component& c : components) {
    EXPECT_FALSE(c.licence.empty()) << c.name;
    EXPECT_TRUE(contains(report, "  " + c.name)) << c.name;
  }
}

TEST(BuildInfo, ReportsTheKernelsInUse) {
  const std::string variant = kernelVariant();
  EXPECT_TRUE(contains(versionReport("x", {}), "kernels: " + variant)) << variant;
#ifdef NNLAB_PORTABLE_BUILD
  // The core is a shared library in two builds; the dynamic loader picks the AVX2 one on CPUs
  // of level x86-64-v3 (glibc-hwcaps), the baseline one on others.
  const std::string library = kernelLibrary();
  EXPECT_TRUE(library.ends_with("/libnnlab_core.so")) << library;
#if defined(__GNUC__) && !defined(__clang__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("x86-64-v3")) {
    EXPECT_EQ(variant, "x86-64-v3 (AVX2, FMA)");
    EXPECT_TRUE(library.ends_with("/glibc-hwcaps/x86-64-v3/libnnlab_core.so")) << library;
  } else {
    EXPECT_EQ(variant, "x86-64 (SSE2)");
    EXPECT_FALSE(contains(library, "glibc-hwcaps")) << library;
  }
#endif
#else
  // Linked in, and compiled with the same options as this test.
  EXPECT_EQ(kernelLibrary(), "");
#ifdef __AVX2__
  EXPECT_TRUE(contains(variant, "(AVX2")) << variant;
#else
  EXPECT_FALSE(contains(variant, "AVX2")) << variant;
#endif
#ifdef __FMA__
  EXPECT_TRUE(contains(variant, "FMA")) << variant;
#else
  EXPECT_FALSE(contains(variant, "FMA")) << variant;
#endif
#endif
}

}  // namespace
}  // namespace nnlab
