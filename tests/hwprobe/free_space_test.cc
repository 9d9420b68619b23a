#include "hwprobe/harness/free_space.h"

#include <gtest/gtest.h>

#include "hwprobe/harness/probe.h"
#include "test_support.h"

namespace hwprobe {
namespace {

TEST(FreeSpace, MeasuresAndRefuses) {
  test::TempDir dir;
  EXPECT_GT(available_bytes(dir.path()), 0u);
  EXPECT_NO_THROW(require_free_space(dir.path(), 1));
  EXPECT_THROW(require_free_space(dir.path(), 1ull << 62), ProbeError);
  EXPECT_LT(writable_budget(dir.path()), available_bytes(dir.path()));
  EXPECT_THROW(available_bytes(dir.path() / "missing"), ProbeError);
}

TEST(FreeSpace, NamesTheFileSystem) {
  EXPECT_FALSE(filesystem_type("/").empty());
  EXPECT_EQ(filesystem_type("/proc"), "0x9fa0");  // procfs has no name in our table
}

}  // namespace
}  // namespace hwprobe
