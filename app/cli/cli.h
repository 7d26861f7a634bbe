#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nnlab::cli {

/// Runs nnlab-cli with `args` (the arguments after the program name), writing results to `out`
/// and messages to `err`. Returns the exit code: 0 on success, 1 when a file cannot be read or
/// written or training fails, 2 for a command line that cannot be run (with the usage on `err`).
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace nnlab::cli
