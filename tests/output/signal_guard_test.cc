#include "output/signal_guard.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "output/output_file.h"
#include "support/temp_dir.h"

namespace plainsight::output {
namespace {

TEST(SignalGuard, FirstSignalOnlySetsTheFlag) {
  install_signal_handlers();
  reset_cancel_for_tests();
  EXPECT_FALSE(cancel_requested());
  ::raise(SIGTERM);
  EXPECT_TRUE(cancel_requested());
  EXPECT_EQ(cancel_signal(), SIGTERM);
  reset_cancel_for_tests();
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
}

// Every command but a probe run: the first signal removes what is tracked and ends the
// process with that signal. In a child, which the signal ends.
TEST(SignalGuard, CleanUpAndExitRemovesTrackedFilesAtTheFirstSignal) {
  const std::string path = "/tmp/hwprobe-signal-test-" + std::to_string(::getpid());
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    install_signal_handlers(SignalMode::clean_up_and_exit);
    std::ofstream(path) << "partial";
    track_path(path);
    ::raise(SIGTERM);
    ::_exit(0);  // not reached
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_FALSE(std::filesystem::exists(path));
}

// Opening an output file changes no process-wide state: the handlers are the program's
// explicit call (plainsight's main), never a constructor's side effect. In a child, so that
// no other test's handlers are in place.
TEST(SignalGuard, AnOutputFileInstallsNoHandler) {
  const testing::TempDir dir;
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::signal(SIGTERM, SIG_DFL);
    OutputFile file(dir.path() / "out.txt");
    struct sigaction now {};
    ::sigaction(SIGTERM, nullptr, &now);
    ::_exit(now.sa_handler == SIG_DFL ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "constructing an OutputFile installed a SIGTERM handler";
}

TEST(SignalGuard, TrackTableAcceptsAndForgets) {
  EXPECT_TRUE(track_path("/tmp/hwprobe-test-a"));
  untrack_path("/tmp/hwprobe-test-a");
  EXPECT_FALSE(track_path(std::string(5000, 'x')));
}

}  // namespace
}  // namespace plainsight::output
