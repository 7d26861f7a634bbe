// The core tests' main(): the BLAS set up once, as nnlab and nnlab-cli do at start-up.
#include <gtest/gtest.h>

#include "core/blas_setup.h"

int main(int argc, char** argv) {
  nnlab::prepareBlas();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
