// nnlab-cli: trains and applies networks from the command line; see `nnlab-cli --help`.
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli.h"
#include "core/blas_setup.h"

int main(int argc, char** argv) {
  nnlab::prepareBlas();  // once, before anything trains
  const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  return nnlab::cli::runCli(args, std::cout, std::cerr);
}
