#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nnlab {

// What --version and Help ▸ About report: which nnlab this is, which of the core's builds the
// CPU runs, and the libraries inside with their licences.

/// A library nnlab is built with.
struct Component {
  std::string name;     ///< "Eigen"
  std::string version;  ///< "3.4.0"; empty when unknown
  std::string licence;  ///< an SPDX licence expression, e.g. "MPL-2.0"
  std::string detail;   ///< what is worth knowing about it here (e.g. the kernels in use)
};

/// nnlab's version, e.g. "0.1.0".
std::string_view version();
/// The git revision built ("5d1b412abcde", "…-dirty" with uncommitted changes), or "unknown"
/// for a build from a tree without git (a release tarball).
std::string_view gitRevision();
/// nnlab's own licence.
inline constexpr std::string_view kLicence = "GPL-3.0-or-later";

/// The build of the core's kernels in use and its instruction sets, e.g. "x86-64-v3 (AVX2,
/// FMA)"; "native (…)" for a build for the compiling machine's CPU.
std::string kernelVariant();
/// The file the kernels were loaded from when the core is a shared library (the dynamic
/// loader picks one variant per CPU); empty when it is linked into the program.
std::string kernelLibrary();

/// The libraries in the core: Eigen, nlohmann/json, the BLAS (with the kernels it chose for
/// this CPU) and the C++ standard library.
std::vector<Component> coreComponents();

/// What `--version` prints: "<program> <version>", the git revision, the kernels, the
/// licence and one line per library (`components`, e.g. coreComponents() plus the GUI's).
std::string versionReport(std::string_view program, const std::vector<Component>& components);

}  // namespace nnlab
