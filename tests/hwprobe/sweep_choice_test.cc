#include "hwprobe/host/sweep_choice.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

using V = std::vector<std::uint64_t>;

TEST(SweepChoice, OptionsWinThenQuickThenDefault) {
  RunOptions o;
  EXPECT_EQ(choose_sizes(o, {1, 2}, {3}, 1), (V{1, 2}));
  o.quick = true;
  EXPECT_EQ(choose_sizes(o, {1, 2}, {3}, 1), (V{3}));
  o.sizes = {7, 9};
  EXPECT_EQ(choose_sizes(o, {1, 2}, {3}, 1), (V{7, 9}));
}

TEST(SweepChoice, CapsByMaxBytesAndMemory) {
  RunOptions o;
  o.max_bytes = 100;
  EXPECT_EQ(choose_sizes(o, {10, 100, 1000}, {}, 1), (V{10, 100}));
  o.max_bytes = 5;
  EXPECT_THROW(choose_sizes(o, {10}, {}, 1), ProbeError);
  o.max_bytes = ~0ull;
  EXPECT_THROW(choose_sizes(o, {1ull << 60}, {}, 4), ProbeError);  // no machine has that
}

TEST(SweepChoice, ThreadsAndPlan) {
  RunOptions o;
  Environment env;
  env.cpu_cores = 8;
  EXPECT_EQ(choose_threads(o, env), (std::vector<int>{1, 8}));
  env.cpu_cores = 1;
  EXPECT_EQ(choose_threads(o, env), (std::vector<int>{1}));
  o.threads = 3;
  EXPECT_EQ(choose_threads(o, env), (std::vector<int>{3}));

  RunOptions q;
  q.quick = true;
  const TrialPlan p = choose_plan(q, 7, 3, 2e-3);
  EXPECT_EQ(p.trials, 3);
  EXPECT_EQ(p.warmups, 1);
  q.trials = 9;
  EXPECT_EQ(choose_plan(q, 7, 3, 2e-3).trials, 9);
}

}  // namespace
}  // namespace hwprobe
