#include "output/atomic_file.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "support/temp_dir.h"

namespace plainsight::output {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(AtomicFile, WritesAndReplacesWithoutLeavingTemporaries) {
  testing::TempDir dir;
  const auto target = dir.path() / "out.json";
  write_file_atomically(target, "first");
  write_file_atomically(target, "second");
  EXPECT_EQ(slurp(target), "second");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.json"});
}

TEST(AtomicFile, FailsCleanlyInMissingDirectory) {
  testing::TempDir dir;
  EXPECT_THROW(write_file_atomically(dir.path() / "no" / "out.json", "x"), std::system_error);
  EXPECT_TRUE(dir.entries().empty());
}

TEST(AtomicFile, WritableCheck) {
  testing::TempDir dir;
  EXPECT_NO_THROW(check_writable_target(dir.path() / "out.json"));
  EXPECT_TRUE(dir.entries().empty());
  EXPECT_THROW(check_writable_target(dir.path() / "no" / "out.json"), std::system_error);
  EXPECT_THROW(check_writable_target(dir.path()), std::system_error);
}

// Bug fixed: `probe -o /dev/null` renamed its temporary over the device.
TEST(AtomicFile, ADeviceIsWrittenThroughNotReplaced) {
  write_file_atomically("/dev/null", "probe results");
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_NO_THROW(check_writable_target("/dev/null"));
  try {
    write_file_atomically("/dev/full", "x");
    FAIL();
  } catch (const OutputError& e) {
    EXPECT_FALSE(e.bad_target()) << "a full device is a failed write, not bad usage";
  }
}

// The check before a probe run must not wait for a FIFO's reader.
TEST(AtomicFile, CheckingAFifoDoesNotOpenIt) {
  testing::TempDir dir;
  const auto fifo = dir.path() / "results.pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NO_THROW(check_writable_target(fifo));
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"results.pipe"});
}

TEST(AtomicFile, BadTargetsSaySo) {
  testing::TempDir dir;
  try {
    check_writable_target(dir.path());
    FAIL();
  } catch (const OutputError& e) {
    EXPECT_TRUE(e.bad_target());
    EXPECT_EQ(e.reason(), "it is a folder");
  }
}

}  // namespace
}  // namespace plainsight::output
