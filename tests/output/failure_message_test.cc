// What a failed run says (output/failure_message.h): an exception's text, and running out of
// memory in words with what to do (issue 21, audit 8c: "plainsight: error: std::bad_alloc").
#include "output/failure_message.h"

#include <new>
#include <stdexcept>

#include <gtest/gtest.h>

namespace plainsight::output {
namespace {

TEST(FailureMessage, OutOfMemoryIsSaidWithWhatToDo) {
  const std::string m = failure_message(std::bad_alloc());
  EXPECT_EQ(m.rfind("out of memory (std::bad_alloc)", 0), 0u) << m;
  EXPECT_NE(m.find("fewer --threads"), std::string::npos) << m;
  EXPECT_EQ(failure_message(std::runtime_error("disk full")), "disk full");
}

}  // namespace
}  // namespace plainsight::output
