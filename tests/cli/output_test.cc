// write_output: the atomic file write (temporary file, fsync, rename) with a streaming
// writer, and what it leaves behind when the writer or the disk fails midway.
#include "cli/output.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/input_error.h"
#include "output/signal_guard.h"
#include "scratch_dir.h"

namespace plainsight {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

class WriteOutput : public testing::ScratchDir {
 protected:
  // The message of the InputError that writing to `p` throws; "" if it throws none.
  static std::string usage_error(const fs::path& p) {
    try {
      cli::write_output(p.string(), std::string("x"));
    } catch (const InputError& e) {
      return e.what();
    } catch (const std::exception& e) {
      return std::string("not a usage error: ") + e.what();
    }
    return "";
  }
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

// A place that cannot take a file is bad usage (InputError, exit code 2), said before
// anything is written.
TEST_F(WriteOutput, MissingDirectoryIsAClearError) {
  fs::path out = dir_ / "missing" / "report.json";
  EXPECT_EQ(usage_error(out),
            out.string() + ": error: cannot write here: the folder does not exist");
  EXPECT_TRUE(entries().empty());
}

TEST_F(WriteOutput, AFolderIsNotAFile) {
  EXPECT_EQ(usage_error(dir_), dir_.string() + ": error: cannot write here: it is a folder");
  fs::create_directory(dir_ / "sub");
  EXPECT_EQ(usage_error(dir_ / "sub" / ""),
            (dir_ / "sub" / "").string() + ": error: cannot write here: it is a folder");
}

TEST_F(WriteOutput, AFileInPlaceOfAFolderIsAClearError) {
  cli::write_output((dir_ / "f").string(), std::string("x"));
  EXPECT_THAT(usage_error(dir_ / "f" / "report.json"),
              HasSubstr(": error: cannot write here: a part of the path is not a folder"));
}

// Bug fixed: "NAME.tmp.PID" went past NAME_MAX for a name near it (exit 3, ENAMETOOLONG):
// the temporary's name is cut to fit.
TEST_F(WriteOutput, ANameAtTheLimitIsWritten) {
  const fs::path out = dir_ / std::string(NAME_MAX, 'n');
  cli::write_output(out.string(), std::string("long name\n"));
  EXPECT_EQ(read(out), "long name\n");
  EXPECT_EQ(entries().size(), 1u);
  EXPECT_THAT(usage_error(dir_ / std::string(NAME_MAX + 1, 'n')),
              HasSubstr(": error: cannot write here: the name is too long"));
}

// Bug fixed: the temporary file was renamed over a character device, leaving a regular
// file in its place (as root, -o /dev/null replaced the system's device).
TEST_F(WriteOutput, ACharacterDeviceIsWrittenThroughNotReplaced) {
  cli::write_output("/dev/null", [](std::ostream& os) {
    for (int i = 0; i < kChunks; ++i) os << kChunk;
  });
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  // A full device fails the write (a runtime failure, exit 3), and stays a device.
  try {
    cli::write_output("/dev/full", std::string("x"));
    FAIL() << "writing to /dev/full succeeded";
  } catch (const InputError& e) {
    FAIL() << "a full device is not bad usage: " << e.what();
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("/dev/full: write failed: No space left on device"));
  }
  ASSERT_EQ(::stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(WriteOutput, AFifoIsWrittenThrough) {
  const fs::path fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] {
    std::ifstream in(fifo, std::ios::binary);
    got.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  cli::write_output(fifo.string(), std::string("through the pipe\n"));
  reader.join();
  EXPECT_EQ(got, "through the pipe\n");
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(entries(), std::vector<std::string>{"pipe"});
}

// Bug fixed: -o LINK replaced the link with a regular file. The file it names is replaced.
TEST_F(WriteOutput, ASymlinkIsFollowedAndKept) {
  fs::create_directory(dir_ / "real");
  cli::write_output((dir_ / "real" / "report.txt").string(), std::string("old\n"));
  fs::create_symlink("real/report.txt", dir_ / "link.txt");
  cli::write_output((dir_ / "link.txt").string(), std::string("new\n"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.txt"));
  EXPECT_EQ(read(dir_ / "real" / "report.txt"), "new\n");
  EXPECT_EQ(entries().size(), 2u) << "no temporary left";
  // A link to nothing is refused rather than guessed at.
  fs::create_symlink("real/missing/x.txt", dir_ / "dangling.txt");
  EXPECT_THAT(usage_error(dir_ / "dangling.txt"),
              HasSubstr(": error: cannot write here: a symbolic link to a file that cannot be "
                        "written"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "dangling.txt"));
}

TEST_F(WriteOutput, AReplacedFileKeepsItsPermissions) {
  const fs::path out = dir_ / "report.txt";
  cli::write_output(out.string(), std::string("one\n"));
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write);
  cli::write_output(out.string(), std::string("two\n"));
  EXPECT_EQ(fs::status(out).permissions(), fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(read(out), "two\n");
}

// Bug fixed: only `probe` removed its temporary on SIGTERM; a report killed midway left
// NAME.tmp.PID behind. Checked in a child that signals itself with bytes already written.
TEST_F(WriteOutput, SigtermMidwayLeavesNoTemporary) {
  const fs::path out = dir_ / "report.txt";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    output::install_signal_handlers(output::SignalMode::clean_up_and_exit);  // as main() does
    cli::write_output(out.string(), [](std::ostream& os) {
      for (int i = 0; i < kChunks; ++i) os << kChunk;
      os.flush();
      ::raise(SIGTERM);
      for (int i = 0; i < kChunks; ++i) os << kChunk;
    });
    ::_exit(0);  // not reached: the signal ends the child
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_TRUE(entries().empty());
}

}  // namespace
}  // namespace plainsight
