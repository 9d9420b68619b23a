#include "core/input_error.h"

#include <gtest/gtest.h>

namespace plainsight {
namespace {

TEST(SourceLocation, FileLineColumn) {
  EXPECT_EQ((SourceLocation{"s.yaml", 12, 5}).str(), "s.yaml:12:5");
  EXPECT_EQ((SourceLocation{"s.yaml", 12, 0}).str(), "s.yaml:12");
  EXPECT_EQ((SourceLocation{"s.yaml", 0, 0}).str(), "s.yaml");
  EXPECT_EQ((SourceLocation{"--set a=b", 0, 0}).str(), "--set a=b");
}

TEST(InputError, WhatIsLocationThenMessage) {
  InputError e({"s.yaml", 3, 1}, "unknown key 'x'");
  EXPECT_STREQ(e.what(), "s.yaml:3:1: error: unknown key 'x'");
  EXPECT_EQ(e.message(), "unknown key 'x'");
  EXPECT_EQ(e.where().line, 3);
}

}  // namespace
}  // namespace plainsight
