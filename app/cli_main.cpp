// nnlab-cli: trains and applies networks from the command line; see `nnlab-cli --help`.
#include <iostream>
#include <string>
#include <vector>

#include "blas_setup.h"
#include "cli.h"

int main(int argc, char** argv) {
  nnlab::prepareBlas();  // once, before anything trains
  const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  return nnlab::cli::runCli(args, std::cout, std::cerr);
}
