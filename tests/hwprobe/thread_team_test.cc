#include "hwprobe/harness/thread_team.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace hwprobe {
namespace {

TEST(ThreadTeam, EveryIndexRunsOncePerRound) {
  ThreadTeam team(3);
  std::atomic<int> seen[3] = {0, 0, 0};
  for (int round = 0; round < 50; ++round) team.run([&](int i) { seen[i]++; });
  for (auto& s : seen) EXPECT_EQ(s.load(), 50);
}

TEST(ThreadTeam, RethrowsAWorkersException) {
  ThreadTeam team(2);
  EXPECT_THROW(team.run([](int i) {
    if (i == 1) throw std::runtime_error("boom");
  }),
               std::runtime_error);
  int ran = 0;
  team.run([&](int i) { ran += i == 0; });  // still usable afterwards
  EXPECT_EQ(ran, 1);
}

}  // namespace
}  // namespace hwprobe
