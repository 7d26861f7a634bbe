#pragma once

// Shared by the nnlab-cli tests: running the CLI in-process and scratch files.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/cli.h"

namespace nnlab::cli::testing {

/// What one in-process run of nnlab-cli returned and printed.
struct CliRun {
  int code;
  std::string out;
  std::string err;
};

inline CliRun run(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = runCli(args, out, err);
  return {code, out.str(), err.str()};
}

/// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "nnlab-cli-test-XXXXXX").string();
    m_path = mkdtemp(pattern.data()) ? pattern : "";
  }
  ~TempDir() {
    std::error_code error;
    std::filesystem::remove_all(m_path, error);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const {
    return (std::filesystem::path(m_path) / name).string();
  }

 private:
  std::string m_path;
};

/// A CSV file in its own TempDir.
class TempCsv {
 public:
  explicit TempCsv(const std::string& text) : m_path(m_dir.file("data.csv")) {
    std::ofstream(m_path) << text;
  }
  const std::string& path() const { return m_path; }
  std::string file(const std::string& name) const { return m_dir.file(name); }

 private:
  TempDir m_dir;
  std::string m_path;
};

}  // namespace nnlab::cli::testing
