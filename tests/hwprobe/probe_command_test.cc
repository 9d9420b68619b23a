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
#include <iterator>
#include <string>
#include <thread>

#include "hwprobe/harness/result_document.h"
#include "test_support.h"

namespace hwprobe {
namespace {

// Starts the binary with args, stdout/stderr to `out` and `err` (/dev/null by default);
// returns the pid.
pid_t spawn(const std::vector<std::string>& args, const std::string& out = "/dev/null",
            const std::string& err = "/dev/null") {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    std::string bin = PLAINSIGHT_PROBE_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::freopen(out.c_str(), "w", stdout);
    std::freopen(err.c_str(), "w", stderr);
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

// Runs with stdout and stderr kept: {exit code, stdout, stderr}.
struct Captured {
  int code = -1;
  std::string out, err;
};
Captured run_captured(const std::vector<std::string>& args) {
  test::TempDir logs;
  const std::string out = (logs.path() / "out.txt").string();
  const std::string err = (logs.path() / "err.txt").string();
  int status = 0;
  ::waitpid(spawn(args, out, err), &status, 0);
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), slurp(out), slurp(err)};
}

TEST(ProbeCommand, ListsProbes) { EXPECT_EQ(run({"--list"}), 0); }

// Issue 21, audit 11d/11e/11h: ',' ran the default full suite; a size above --max-bytes
// failed every probe at run time (exit 3) and wrote a file. Both are refused at once (exit
// 2), naming the option and the limit, and nothing is written.
TEST(ProbeCommand, AnEmptySuiteEntryOrASizeAboveTheCapIsRefusedAtOnce) {
  test::TempDir dir;
  const std::string out = (dir.path() / "out.json").string();
  for (const char* suite : {",", ",,", "host.memcpy,", ",host.memcpy"}) {
    const Captured r = run_captured({"--suite", suite, "-o", out});
    EXPECT_EQ(r.code, 2) << suite;
    EXPECT_NE(r.err.find("an empty entry"), std::string::npos) << r.err;
  }
  const Captured huge = run_captured({"--suite", "host.memcpy", "--sizes", "1PiB", "-o", out});
  EXPECT_EQ(huge.code, 2);
  EXPECT_NE(huge.err.find("--sizes: 1 PiB is above --max-bytes 1 GiB"), std::string::npos)
      << huge.err;
  const Captured above = run_captured(
      {"--suite", "host.memcpy", "--sizes", "4KiB,2MiB", "--max-bytes", "1MiB", "-o", out});
  EXPECT_EQ(above.code, 2);
  EXPECT_NE(above.err.find("--sizes: 2 MiB is above --max-bytes 1 MiB"), std::string::npos)
      << above.err;
  // The message for a size past the grammar's range names a unit the grammar reads.
  const Captured eb = run_captured({"--suite", "host.memcpy", "--sizes", "1e30", "-o", out});
  EXPECT_EQ(eb.code, 2);
  EXPECT_NE(eb.err.find("larger than 1000 PB"), std::string::npos) << eb.err;
  EXPECT_EQ(eb.err.find("EB"), std::string::npos) << eb.err;
  EXPECT_TRUE(dir.entries().empty());
}

// Issue 21, audit 11g: the file name the probe prints is shown, not obeyed.
TEST(ProbeCommand, TheResultFileNameIsPrintedVisibly) {
  test::TempDir dir;
  const std::string out = (dir.path() / "o\x1b[2Jy.json").string();
  const Captured r = run_captured({"--suite", "host.envelope", "--sizes", "4KiB", "--trials", "1",
                                   "--warmups", "0", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("results: " + (dir.path() / "o<U+001B>[2Jy.json").string()),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  const Captured bad = run_captured({"--suite", "host.envelope", "--sizes", "4KiB", "-o",
                                     (dir.path() / "no\x1b[2J/x.json").string()});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("no<U+001B>[2J"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.err.find('\x1b'), std::string::npos);
}

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
