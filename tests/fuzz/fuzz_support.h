// Shared by the fuzz targets: the input as text and a property check that fails loudly the
// same way under libFuzzer and under the corpus replay driver.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace plainsight::fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// abort() rather than throw: libFuzzer records an abort as a crash with its reproducer, and
// a thrown exception could be swallowed by the code under test.
[[noreturn]] inline void violated(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz property violated: %s\n", file, line, what);
  std::abort();
}

}  // namespace plainsight::fuzz

#define FUZZ_CHECK(cond) \
  ((cond) ? (void)0 : ::plainsight::fuzz::violated(#cond, __FILE__, __LINE__))
