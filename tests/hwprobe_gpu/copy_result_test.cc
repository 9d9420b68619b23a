#include "hwprobe/gpu/copy_result.h"

#include <gtest/gtest.h>

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
}

}  // namespace
}  // namespace hwprobe
