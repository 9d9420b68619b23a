#include "hwprobe/gpu/sweep_plan.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

TEST(SweepPlan, DefaultIsPowersOfFourCappedByMaxBytes) {
  RunOptions options;
  options.max_bytes = 1 << 20;
  const SweepPlan plan = plan_sweep(options, {});
  EXPECT_EQ(plan.sizes,
            (std::vector<std::uint64_t>{4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20}));
  EXPECT_EQ(plan.trials, 10);
  EXPECT_EQ(plan.warmups, 2);
}

TEST(SweepPlan, FullDefaultReachesOneGiB) {
  const SweepPlan plan = plan_sweep(RunOptions{}, {});
  EXPECT_EQ(plan.sizes.front(), 4u << 10);
  EXPECT_EQ(plan.sizes.back(), 1ull << 30);
}

TEST(SweepPlan, QuickIsSparserAndFewerTrials) {
  RunOptions options;
  options.quick = true;
  const SweepPlan plan = plan_sweep(options, {});
  EXPECT_EQ(plan.sizes, (std::vector<std::uint64_t>{4 << 10, 64 << 10, 1 << 20, 16 << 20}));
  EXPECT_EQ(plan.trials, 3);
}

TEST(SweepPlan, ExplicitSizesAreCappedSortedUnique) {
  RunOptions options;
  options.sizes = {1 << 20, 4096, 4096, 1ull << 40};
  options.trials = 7;
  const SweepPlan plan = plan_sweep(options, {});
  EXPECT_EQ(plan.sizes, (std::vector<std::uint64_t>{4096, 1 << 20}));
  EXPECT_EQ(plan.trials, 7);
}

TEST(SweepPlan, CapBelowSmallestKeepsTheCap) {
  RunOptions options;
  options.max_bytes = 1000;
  EXPECT_EQ(plan_sweep(options, {}).sizes, (std::vector<std::uint64_t>{1000}));
}

TEST(TimeBudget, Expires) {
  EXPECT_TRUE(TimeBudget(std::chrono::seconds(0)).exhausted());
  EXPECT_FALSE(TimeBudget(std::chrono::seconds(60)).exhausted());
}

}  // namespace
}  // namespace hwprobe
