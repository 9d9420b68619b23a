// write_output: the atomic file write (temporary file, fsync, rename) with a streaming
// writer, and what it leaves behind when the writer or the disk fails midway.
#include "cli/output.h"

#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace plainsight {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

class WriteOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("plainsight-output-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename());
    return out;
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  fs::path dir_;
};

// More than the writer's 1 MiB buffer, so that bytes reach the temporary file before the end.
const std::string kChunk(256 * 1024, 'x');
constexpr int kChunks = 12;

TEST_F(WriteOutput, StreamsWhatTheWriterWritesIntoTheFile) {
  fs::path out = dir_ / "report.txt";
  cli::write_output(out.string(), [](std::ostream& os) {
    for (int i = 0; i < kChunks; ++i) os << kChunk;
    for (int i = 0; i < 1000; ++i) os << i << '\n';  // many small writes too
  });
  std::string expected;
  for (int i = 0; i < kChunks; ++i) expected += kChunk;
  for (int i = 0; i < 1000; ++i) expected += std::to_string(i) + "\n";
  EXPECT_EQ(read(out), expected);
  EXPECT_EQ(entries(), std::vector<std::string>{"report.txt"}) << "no temporary file left";
}

TEST_F(WriteOutput, WriterThrowingMidwayLeavesNoFileAndNoTemporary) {
  fs::path out = dir_ / "report.json";
  try {
    cli::write_output(out.string(), [](std::ostream& os) {
      for (int i = 0; i < kChunks; ++i) os << kChunk;
      throw std::runtime_error("renderer gave up");
    });
    FAIL() << "write_output returned";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "renderer gave up");
  }
  EXPECT_TRUE(entries().empty());
}

TEST_F(WriteOutput, WriterThrowingLeavesAnOlderFileAsItWas) {
  fs::path out = dir_ / "report.json";
  cli::write_output(out.string(), std::string("old report\n"));
  EXPECT_THROW(cli::write_output(out.string(),
                                 [](std::ostream& os) {
                                   os << kChunk;
                                   throw std::runtime_error("renderer gave up");
                                 }),
               std::runtime_error);
  EXPECT_EQ(read(out), "old report\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"report.json"});
}

// A disk that fills up midway: the file-size limit makes write() fail (EFBIG) as ENOSPC
// would, without needing a full file system.
TEST_F(WriteOutput, FailedWriteGivesTheReasonAndLeavesNothing) {
  rlimit old{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old;
  small.rlim_cur = 1024 * 1024;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  fs::path out = dir_ / "report.json";
  std::string message;
  bool wrote_all = false;
  try {
    cli::write_output(out.string(), [&](std::ostream& os) {
      for (int i = 0; i < 4 * kChunks; ++i) os << kChunk;
      wrote_all = true;
    });
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_THAT(message, HasSubstr(out.string() + ": write failed: File too large"));
  EXPECT_FALSE(wrote_all) << "the writer is stopped at the first failed write";
  EXPECT_TRUE(entries().empty());
}

TEST_F(WriteOutput, MissingDirectoryIsAClearError) {
  fs::path out = dir_ / "missing" / "report.json";
  try {
    cli::write_output(out.string(), [](std::ostream& os) { os << "x"; });
    FAIL() << "write_output returned";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr(out.string() + ": cannot write: No such file or directory"));
  }
  EXPECT_TRUE(entries().empty());
}

}  // namespace
}  // namespace plainsight
