// The command end to end, through the plainsight-probe binary: exit codes, the output file,
// and SIGINT clean-up.
#include "hwprobe/cli/probe_command.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "hwprobe/harness/result_document.h"
#include "test_support.h"

namespace hwprobe {
namespace {

// Starts the binary with args, stdout/stderr to /dev/null; returns the pid.
pid_t spawn(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    std::string bin = PLAINSIGHT_PROBE_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

int run(const std::vector<std::string>& args) {
  int status = 0;
  ::waitpid(spawn(args), &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(ProbeCommand, ListsProbes) { EXPECT_EQ(run({"--list"}), 0); }

TEST(ProbeCommand, BadUsageIsExitTwoAndWritesNothing) {
  test::TempDir dir;
  const std::string out = (dir.path() / "out.json").string();
  EXPECT_EQ(run({"--suite", "host.memcpy", "--sizes", "4KiB..1parsec", "-o", out}), 2);
  EXPECT_EQ(run({"--suite", "host.nope", "-o", out}), 2);
  EXPECT_EQ(run({"--suite", "host.memcpy"}), 2);  // no -o
  EXPECT_EQ(run({"--suite", "host.memcpy", "-o", (dir.path() / "no/out.json").string()}), 2);
  EXPECT_EQ(run({"--suite", "host.memcpy", "--dir", (dir.path() / "no").string(), "-o", out}), 2);
  EXPECT_EQ(run({"--trials", "many", "-o", out}), 2);
  EXPECT_EQ(run({"--max-bytes", "lots", "-o", out}), 2);
  EXPECT_TRUE(dir.entries().empty());
}

// Issue 21, class 11: '' for --sizes or --max-bytes ran the default full sweep (2 GB
// resident); a --dir holding ESC wrote a file the analyzer then refused. Both are refused
// before anything runs.
TEST(ProbeCommand, EmptyValuesAndAnUnreadableDirAreRefused) {
  test::TempDir dir;
  const std::string out = (dir.path() / "out.json").string();
  for (const char* option : {"--sizes", "--max-bytes", "--suite", "--dir"})
    EXPECT_EQ(run({"--suite", "host.memcpy", option, "", "-o", out}), 2) << option;
  EXPECT_EQ(run({"--suite", "host.memcpy", "-o", ""}), 2);
  const auto esc = dir.path() / "dir\x1b[31m";
  std::filesystem::create_directory(esc);
  EXPECT_EQ(run({"--suite", "host.memcpy", "--sizes", "4KiB", "--trials", "1", "--dir",
                 esc.string(), "-o", out}),
            2);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"dir\x1b[31m"});
}

TEST(ProbeCommand, FailedProbeIsExitThreeWithFileWritten) {
  test::TempDir dir;
  const auto out = dir.path() / "out.json";
  // /proc is a directory that takes no files, even from root: the checkpoint fails, the
  // envelope (which writes nothing) still runs.
  EXPECT_EQ(run({"--suite", "host.checkpoint,host.envelope", "--sizes", "4KiB", "--trials", "2",
                 "--dir", "/proc", "-o", out.string()}),
            3);
  std::ifstream in(out);
  const auto doc = nlohmann::json::parse(in);
  EXPECT_EQ(check_document(doc), "");
  ASSERT_EQ(doc["failed"].size(), 1u);
  EXPECT_EQ(doc["failed"][0]["probe"], "host.checkpoint");
  EXPECT_FALSE(doc["results"].empty());
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.json"});
}

TEST(ProbeCommand, SigintRemovesFilesAndWritesNoOutput) {
  test::TempDir dir;
  const auto out = dir.path() / "out.json";
  const pid_t pid = spawn({"--suite", "host.checkpoint", "--sizes", "128MiB", "--trials", "200",
                           "--dir", dir.path().string(), "-o", out.string()});
  // Wait for a checkpoint file to appear, so the signal lands mid-probe.
  bool saw_file = false;
  for (int i = 0; i < 400 && !saw_file; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    for (const auto& e : dir.entries()) saw_file |= e.find("ckpt") != std::string::npos;
  }
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(saw_file);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGINT);
  EXPECT_TRUE(dir.entries().empty());
}

TEST(ProbeCommand, RegistersAsSubcommandAndReportsExitCodeByException) {
  CLI::App app;
  add_probe_command(app);
  ASSERT_NE(app.get_subcommand("probe"), nullptr);
  try {
    app.parse("probe --suite nope -o /tmp/x.json", false);
    FAIL() << "expected CLI::RuntimeError";
  } catch (const CLI::RuntimeError& e) {
    EXPECT_EQ(e.get_exit_code(), 2);
    EXPECT_EQ(app.exit(e), 2);
  }
}

}  // namespace
}  // namespace hwprobe
