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

TEST(SweepPlan, MaxBytesAboveTheDefaultRaisesTheSweep) {
  // docs/probes.md: raise --max-bytes toward the model's size (HBM scrub).
  RunOptions options;
  options.max_bytes = 80ull << 30;
  const SweepPlan plan = plan_sweep(options, {});
  ASSERT_GE(plan.sizes.size(), 3u);
  EXPECT_EQ(plan.sizes[plan.sizes.size() - 3], 16ull << 30);  // powers of 4 go on
  EXPECT_EQ(plan.sizes[plan.sizes.size() - 2], 64ull << 30);
  EXPECT_EQ(plan.sizes.back(), 80ull << 30);  // and the cap itself ends the sweep
  // A cap on the grid is not repeated.
  options.max_bytes = 4ull << 30;
  EXPECT_EQ(plan_sweep(options, {}).sizes.back(), 4ull << 30);
  EXPECT_EQ(plan_sweep(options, {}).sizes.size(), plan_sweep(RunOptions{}, {}).sizes.size() + 1);
  // --quick stays quick.
  options.quick = true;
  EXPECT_EQ(plan_sweep(options, {}).sizes.back(), 16u << 20);
  // The largest cap does not overflow the powers.
  RunOptions huge;
  huge.max_bytes = ~std::uint64_t{0};
  EXPECT_EQ(plan_sweep(huge, {}).sizes.back(), ~std::uint64_t{0});
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
