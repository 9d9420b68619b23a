#include "hwprobe/gpu/copy_result.h"

#include <gtest/gtest.h>

#include "hwprobe/harness/probe.h"

namespace hwprobe {
namespace {

TEST(CopyResult, CopiesPerSample) {
  EXPECT_EQ(copies_per_sample(4096), 16);
  EXPECT_EQ(copies_per_sample(64ull << 20), 16);
  EXPECT_EQ(copies_per_sample(256ull << 20), 4);
  EXPECT_EQ(copies_per_sample(1ull << 30), 1);
  EXPECT_EQ(copies_per_sample(8ull << 30), 1);
  EXPECT_EQ(copies_per_sample(0), 16);
}

TEST(CopyResult, PerCopySeconds) {
  EXPECT_EQ(per_copy_seconds({0.16, 0.32}, 16), (std::vector<double>{0.01, 0.02}));
  EXPECT_EQ(per_copy_seconds({0.5}, 0), (std::vector<double>{0.5}));
}

TEST(CopyResult, ParamsCarryGpuAndCcState) {
  const nlohmann::json gpu = {
      {"cc", "on"}, {"cc_multi_gpu", "protected_pcie"}, {"gpu", "NVIDIA H100"}};
  const nlohmann::json event = copy_params(gpu, {1 << 20, "event", 16, true});
  EXPECT_EQ(event["cc"], "on");
  EXPECT_EQ(event["cc_multi_gpu"], "protected_pcie");
  EXPECT_EQ(event["gpu"], "NVIDIA H100");
  EXPECT_EQ(event["bytes"], 1 << 20);
  EXPECT_EQ(event["clock"], "event");
  EXPECT_EQ(event["copies_per_sample"], 16);
  EXPECT_EQ(event["spin_kernel"], true);
  // The host clock never runs behind the spin kernel, whatever the caller passes.
  EXPECT_EQ(copy_params(gpu, {4096, "host", 16, true})["spin_kernel"], false);
  // Event rows say how many trials the spin kernel's timeout discarded; host rows cannot.
  EXPECT_EQ(event["spin_timeouts"], 0);
  EXPECT_EQ(copy_params(gpu, {1 << 20, "event", 16, true, 2})["spin_timeouts"], 2);
  EXPECT_FALSE(copy_params(gpu, {4096, "host", 16, true}).contains("spin_timeouts"));
}

TEST(CopyResult, TimedOutTrialsAreDiscardedAndCounted) {
  // CopyTimer::time_events gives nothing when the spin kernel timed out: the events would
  // time the spin as well.
  std::vector<std::optional<double>> answers = {0.1, std::nullopt, 0.3, std::nullopt};
  std::size_t i = 0;
  const Trials t = run_trials(
      4, [&] { return answers[i++]; }, "cuda.h2d 4096 B");
  EXPECT_EQ(t.batches, (std::vector<double>{0.1, 0.3}));
  EXPECT_EQ(t.discarded, 2);
  // Every trial lost: no sample to keep, and the probe fails saying why.
  try {
    run_trials(
        3, [] { return std::optional<double>(); }, "cuda.h2d 4096 B");
    FAIL();
  } catch (const ProbeError& e) {
    EXPECT_NE(std::string(e.what()).find("cuda.h2d 4096 B: the spin kernel timed out in all 3"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace hwprobe
