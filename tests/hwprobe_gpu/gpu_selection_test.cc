#include "hwprobe/gpu/gpu_selection.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

Environment with_gpus(int count) {
  Environment env;
  env.cuda_compiled = true;
  env.nccl_compiled = true;
  env.gpu_count = count;
  return env;
}

TEST(RequireGpus, NoCudaBuild) {
  Environment env;
  const Filter f = require_gpus(env, 1, "x");
  EXPECT_FALSE(f.runnable);
  EXPECT_EQ(f.reason, "no CUDA device: built without the CUDA toolkit");
}

TEST(RequireGpus, NoDeviceCarriesCudaReason) {
  Environment env = with_gpus(0);
  env.gpu_unavailable = "cudaGetDeviceCount: error 35 (insufficient driver)";
  const Filter f = require_gpus(env, 1, "x");
  EXPECT_FALSE(f.runnable);
  EXPECT_EQ(f.reason, "no CUDA device: cudaGetDeviceCount: error 35 (insufficient driver)");
}

TEST(RequireGpus, TooFew) {
  const Filter f = require_gpus(with_gpus(1), 2, "peer copies");
  EXPECT_FALSE(f.runnable);
  EXPECT_EQ(f.reason, "peer copies need 2 GPUs, 1 visible");
  EXPECT_TRUE(require_gpus(with_gpus(2), 2, "peer copies").runnable);
}

TEST(RequireNccl, NeedsTwoGpusOrTwoRanks) {
  EXPECT_FALSE(require_nccl(with_gpus(1)).runnable);
  EXPECT_TRUE(require_nccl(with_gpus(2)).runnable);
  Environment ranks = with_gpus(1);
  ranks.world_size = 2;
  EXPECT_TRUE(require_nccl(ranks).runnable);
  Environment no_nccl = with_gpus(8);
  no_nccl.nccl_compiled = false;
  EXPECT_EQ(require_nccl(no_nccl).reason, "built without NCCL");
  EXPECT_EQ(require_nccl(with_gpus(0)).reason.rfind("no CUDA device: ", 0), 0u);
}

TEST(DevicesForRank, AloneTakesAllUnderMpiOnePerRank) {
  EXPECT_EQ(devices_for_rank(4, 1, 0), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(devices_for_rank(4, 8, 2), (std::vector<int>{2}));
  EXPECT_TRUE(devices_for_rank(2, 8, 3).empty());
  EXPECT_TRUE(devices_for_rank(0, 1, 0).empty());
}

}  // namespace
}  // namespace hwprobe
