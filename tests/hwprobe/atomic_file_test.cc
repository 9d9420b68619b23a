#include "hwprobe/harness/atomic_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "test_support.h"

namespace hwprobe {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(AtomicFile, WritesAndReplacesWithoutLeavingTemporaries) {
  test::TempDir dir;
  const auto target = dir.path() / "out.json";
  write_file_atomically(target, "first");
  write_file_atomically(target, "second");
  EXPECT_EQ(slurp(target), "second");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.json"});
}

TEST(AtomicFile, FailsCleanlyInMissingDirectory) {
  test::TempDir dir;
  EXPECT_THROW(write_file_atomically(dir.path() / "no" / "out.json", "x"), std::system_error);
  EXPECT_TRUE(dir.entries().empty());
}

TEST(AtomicFile, WritableCheck) {
  test::TempDir dir;
  EXPECT_NO_THROW(check_writable_target(dir.path() / "out.json"));
  EXPECT_TRUE(dir.entries().empty());
  EXPECT_THROW(check_writable_target(dir.path() / "no" / "out.json"), std::system_error);
  EXPECT_THROW(check_writable_target(dir.path()), std::system_error);
}

}  // namespace
}  // namespace hwprobe
