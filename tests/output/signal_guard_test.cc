#include "output/signal_guard.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

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

TEST(SignalGuard, TrackTableAcceptsAndForgets) {
  EXPECT_TRUE(track_path("/tmp/hwprobe-test-a"));
  untrack_path("/tmp/hwprobe-test-a");
  EXPECT_FALSE(track_path(std::string(5000, 'x')));
}

}  // namespace
}  // namespace plainsight::output
