// Issue 21, class 8: threads the system refuses. Under a memory limit, `simulate --threads
// 1024` and the same through `diff` aborted ("terminate called without an active
// exception", exit 134), and `probe --threads 600` hung in a futex, deaf to SIGTERM. Now
// the analyzer runs on the threads that started and says so; a probe that cannot start its
// threads fails (exit 3) with why.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_cli.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;
using ::testing::Not;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;  // ASan reserves terabytes of shadow: no address-space limit
#else
constexpr bool kSanitized = false;
#endif

// plainsight under 2 GB (or `kib` KiB) of address space and 8 MB thread stacks, killed after a
// minute (a hang fails the test rather than the suite's timeout).
CliRun limited(const std::vector<std::string>& args, const std::string& kib = "2000000") {
  std::vector<std::string> sh{
      "-c", "ulimit -s 8192 && ulimit -v " + kib + " && exec timeout -s KILL 60 \"$0\" \"$@\"",
      PLAINSIGHT_CLI};
  sh.insert(sh.end(), args.begin(), args.end());
  return run_binary("/bin/sh", sh, PLAINSIGHT_SOURCE_DIR_FOR_TESTS);
}

TEST(ThreadLimit, SimulateAndDiffRunOnTheThreadsThatStart) {
  if (kSanitized) GTEST_SKIP() << "an address-space limit breaks AddressSanitizer";
  const std::vector<std::string> sim{"simulate", "scenarios/aws-frontier.yaml", "--trials",
                                     "20000"};
  std::vector<std::string> many = sim;
  many.insert(many.end(), {"--threads", "1024"});
  const CliRun r = limited(many);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("plainsight: note: only "));
  EXPECT_THAT(r.err, HasSubstr("of 1024 threads could start"));
  std::vector<std::string> two = sim;
  two.insert(two.end(), {"--threads", "2"});
  EXPECT_EQ(r.out, plainsight(two).out) << "the same result whatever ran it";
  const CliRun d = limited({"diff", "scenarios/aws-frontier.yaml", "--set",
                            "stages.pcie.duration=2s", "--trials", "20000", "--threads", "1024"});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_THAT(d.err, HasSubstr("of 1024 threads could start"));
}

// Issue 21, audit 8c: sweep and sensitivity with 1024 threads under 500 MB failed with a bare
// "std::bad_alloc" (the threads that started ran out of memory together). They run on the
// threads the limit leaves room for, with the same output as on two.
TEST(ThreadLimit, SweepAndSensitivityRunOnTheThreadsTheLimitAllows) {
  if (kSanitized) GTEST_SKIP() << "an address-space limit breaks AddressSanitizer";
  const std::vector<std::vector<std::string>> runs{
      {"sweep", "scenarios/aws-frontier.yaml", "--vary", "actors.oc3.dwell=1d..30d:200"},
      {"sensitivity", "scenarios/aws-frontier.yaml"}};
  for (const auto& run : runs) {
    std::vector<std::string> many = run, two = run;
    many.insert(many.end(), {"--threads", "1024"});
    two.insert(two.end(), {"--threads", "2"});
    const CliRun r = limited(many, "500000");
    ASSERT_EQ(r.exit_code, 0) << run.front() << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("threads could start")) << run.front();
    EXPECT_THAT(r.err, Not(HasSubstr("bad_alloc"))) << run.front();
    EXPECT_EQ(r.out, plainsight(two).out) << run.front() << ": the same result whatever ran it";
  }
}

TEST(ThreadLimit, AProbeWhoseThreadsCannotStartFailsAndSaysWhy) {
  if (kSanitized) GTEST_SKIP() << "an address-space limit breaks AddressSanitizer";
  const CliRun r = limited({"probe", "--suite", "host.memcpy", "--quick", "--threads", "600",
                            "--sizes", "4KiB", "-o", "/dev/null"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.out, HasSubstr("host.memcpy: could start only "));
  EXPECT_THAT(r.out, HasSubstr(" of 600 threads"));
}

}  // namespace
}  // namespace plainsight
