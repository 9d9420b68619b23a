#include "hwprobe/harness/trial_runner.h"

#include <gtest/gtest.h>

#include "hwprobe/harness/probe.h"

namespace hwprobe {
namespace {

TEST(TrialRunner, WarmupsAreRunButNotSampled) {
  std::uint64_t calls = 0;
  TrialPlan plan;
  plan.warmups = 3;
  plan.trials = 4;
  const TrialResult r = run_trials(plan, [&](std::uint64_t n) { calls += n; });
  EXPECT_EQ(r.samples_s.size(), 4u);
  EXPECT_EQ(r.batch, 1u);
  EXPECT_EQ(calls, 7u);
  for (double s : r.samples_s) EXPECT_GE(s, 0.0);
}

TEST(TrialRunner, ShortOperationsAreBatched) {
  TrialPlan plan;
  plan.warmups = 1;
  plan.trials = 2;
  plan.min_sample_s = 1e-3;
  volatile int sink = 0;
  const TrialResult r = run_trials(plan, [&](std::uint64_t n) {
    for (std::uint64_t i = 0; i < n; ++i) sink = sink + 1;
  });
  EXPECT_GT(r.batch, 1u);
  EXPECT_EQ(r.samples_s.size(), 2u);
}

TEST(TrialRunner, StopsWhenCancelled) {
  TrialPlan plan;
  EXPECT_THROW(run_trials(
                   plan, [](std::uint64_t) {}, [] { return true; }),
               ProbeError);
}

}  // namespace
}  // namespace hwprobe
