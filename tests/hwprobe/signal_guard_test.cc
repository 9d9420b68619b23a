#include "hwprobe/harness/signal_guard.h"

#include <gtest/gtest.h>
#include <signal.h>

namespace hwprobe {
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

TEST(SignalGuard, TrackTableAcceptsAndForgets) {
  EXPECT_TRUE(track_path("/tmp/hwprobe-test-a"));
  untrack_path("/tmp/hwprobe-test-a");
  EXPECT_FALSE(track_path(std::string(5000, 'x')));
}

}  // namespace
}  // namespace hwprobe
