// Where -o points, end to end through every command that writes one: a device is written
// through and stays a device, a place that cannot take a file is bad usage (exit 2), a
// signal midway leaves nothing behind, and output lost on a full stdout is exit 3.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_cli.h"
#include "scratch_dir.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

const std::string kAws = "scenarios/aws-frontier.yaml";
const std::string kProbeFile = "model/measurements/host-vm-amd-epyc.json";

using OutputTarget = ScratchDir;

// Every command that takes -o, with the arguments that make it write.
std::vector<std::vector<std::string>> writers(const std::string& out) {
  return {{"analyze", kAws, "-o", out},
          {"simulate", kAws, "--trials", "100", "-o", out},
          {"diff", "tests/data/aws-frontier-one-platform.yaml", "--set",
           "platform.confidential_mode=on", "--set", "platform.cpu_tee=sev_snp", "--set",
           "platform.multi_gpu_mode=protected_pcie", "--trials", "0", "-o", out},
          {"generate", "cluster", "--nodes", "2", "-o", out},
          {"measurements", "show", kProbeFile, "-o", out},
          {"measurements", "compare", kProbeFile, kProbeFile, "-o", out},
          {"probe", "--suite", "host.envelope", "--sizes", "4KiB", "--trials", "2", "-o", out}};
}

bool is_char_device(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

// Bug fixed: every command renamed its temporary file over the device (run as root,
// -o /dev/null replaced the system's /dev/null with a regular file).
TEST(OutputTargetDevice, EveryCommandWritesThroughADevice) {
  for (const auto& args : writers("/dev/null")) {
    const CliRun r = plainsight(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    ASSERT_TRUE(is_char_device("/dev/null")) << args[0] << " replaced /dev/null";
  }
  // A full device fails the write: a runtime failure, and the device stays.
  const CliRun full = plainsight({"analyze", kAws, "-o", "/dev/full"});
  EXPECT_EQ(full.exit_code, 3) << full.err;
  EXPECT_THAT(full.err, HasSubstr("/dev/full: write failed: No space left on device"));
  EXPECT_TRUE(is_char_device("/dev/full"));
}

// Bug fixed: a missing folder, a folder, or a name the ".tmp.PID" suffix pushed past
// NAME_MAX was exit 3; they are bad usage, and a name at the limit is written.
TEST_F(OutputTarget, PlacesThatCannotTakeAFileAreBadUsage) {
  for (const auto& args : writers((dir_ / "missing" / "out").string())) {
    const CliRun r = plainsight(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("the folder does not exist")) << args[0];
  }
  const CliRun folder = plainsight({"analyze", kAws, "-o", dir_.string()});
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_THAT(folder.err, HasSubstr(dir_.string() + ": error: cannot write here: it is a folder"));
  const fs::path longest = dir_ / std::string(255, 'n');
  const CliRun at_limit = plainsight({"analyze", kAws, "-o", longest.string()});
  EXPECT_EQ(at_limit.exit_code, 0) << at_limit.err;
  EXPECT_TRUE(fs::is_regular_file(longest));
  EXPECT_EQ(entries().size(), 1u) << "no temporary left";
  const CliRun empty = plainsight({"analyze", kAws, "-o", ""});
  EXPECT_EQ(empty.exit_code, 2) << "-o '' is not stdout";
}

TEST_F(OutputTarget, ASymlinkStaysALink) {
  const fs::path real = dir_ / "report.txt";
  const fs::path link = dir_ / "link.txt";
  ASSERT_EQ(plainsight({"analyze", kAws, "-o", real.string()}).exit_code, 0);
  fs::create_symlink("report.txt", link);
  ASSERT_EQ(plainsight({"analyze", kAws, "--format", "csv", "-o", link.string()}).exit_code, 0);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(entries().size(), 2u);
}

// Bug fixed: `generate cluster -o` killed midway left c.yaml.tmp.PID; only `probe` removed
// its temporary on a signal.
TEST_F(OutputTarget, SigtermWhileWritingLeavesNothing) {
  const fs::path out = dir_ / "c.yaml";
  const std::string bin = PLAINSIGHT_CLI;
  std::vector<std::string> args{bin,     "generate", "cluster", "--nodes",
                                "14000", "--expand", "-o",      out.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(::posix_spawn(&pid, bin.c_str(), nullptr, nullptr, argv.data(), environ), 0);
  // Wait for the temporary (the expanded YAML is counted first, then written node by node:
  // 63 MB).
  bool saw_temporary = false;
  for (int i = 0; i < 60000 && !saw_temporary; ++i) {
    for (const std::string& e : entries()) saw_temporary |= e.find(".tmp.") != std::string::npos;
    if (!saw_temporary) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(saw_temporary) << "the writer finished before it could be interrupted";
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_EQ(entries(), std::vector<std::string>{}) << "the temporary is removed";
}

// Bug fixed: catalog, validate and probe --list wrote to a full stdout and exited 0.
TEST(OutputTargetStdout, AFullStdoutIsARuntimeFailure) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"catalog"},
                                               {"catalog", "actors"},
                                               {"validate", kAws},
                                               {"probe", "--list"},
                                               {"analyze", kAws},
                                               {"measurements", "show", kProbeFile}}) {
    const CliRun r = plainsight(args, "/dev/full");
    EXPECT_EQ(r.exit_code, 3) << args[0] << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("No space left on device")) << args[0];
  }
  EXPECT_EQ(plainsight({"catalog"}, "/dev/null").exit_code, 0);
}

}  // namespace
}  // namespace plainsight
