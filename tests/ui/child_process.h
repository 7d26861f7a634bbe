#pragma once

#include <gtest/gtest.h>

// Tests that start the real program as a child process skip themselves under ThreadSanitizer,
// which cannot follow the fork() that QProcess starts the child with. The Release and
// AddressSanitizer runs still run them.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define NNLAB_SKIP_CHILD_PROCESS_TEST() \
  GTEST_SKIP() << "ThreadSanitizer cannot follow the fork() that starts the child process"
#endif
#endif
#ifndef NNLAB_SKIP_CHILD_PROCESS_TEST
#define NNLAB_SKIP_CHILD_PROCESS_TEST() static_cast<void>(0)
#endif
