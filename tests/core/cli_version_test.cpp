// nnlab-cli --version: what a user quotes in a bug report.
#include <gtest/gtest.h>

#include "core/build_info.h"
#include "tests/core/cli_test_support.h"

namespace nnlab::cli::testing {
namespace {

TEST(CliVersion, PrintsVersionRevisionKernelsAndLicences) {
  const CliRun result = run({"--version"});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.err, "");
  EXPECT_TRUE(result.out.starts_with("nnlab-cli " NNLAB_PROJECT_VERSION "\n")) << result.out;
  EXPECT_NE(result.out.find("git revision: " + std::string(gitRevision())), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("kernels: " + kernelVariant()), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Eigen 3.4.0 (MPL-2.0)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("licence: GPL-3.0-or-later"), std::string::npos) << result.out;
  EXPECT_EQ(run({"-v"}).out, result.out) << "-v, as nnlab takes it";
}

TEST(CliVersion, IsListedInTheUsage) {
  EXPECT_NE(run({"--help"}).out.find("--version"), std::string::npos);
  // Only as the whole command line's first word, like --help.
  EXPECT_EQ(run({"train", "--version"}).code, 2);
}

}  // namespace
}  // namespace nnlab::cli::testing
