// On a machine without a GPU every CUDA and NCCL probe must say so in filter() and the
// run must go on: the no-GPU path of issue 4.
#include <set>

#include <gtest/gtest.h>

#include "hwprobe/gpu/gpu_environment.h"
#ifdef PLAINSIGHT_HAVE_CUDA
#include "hwprobe/cuda/cuda_probes.h"
#endif
#ifdef PLAINSIGHT_HAVE_NCCL
#include "hwprobe/nccl/nccl_probes.h"
#endif

namespace hwprobe {
namespace {

TEST(GpuProbeFilter, EveryGpuProbeSkipsWithAReasonWithoutGpu) {
  std::vector<std::unique_ptr<Probe>> probes;
#ifdef PLAINSIGHT_HAVE_CUDA
  add_cuda_probes(probes);
#endif
#ifdef PLAINSIGHT_HAVE_NCCL
  add_nccl_probes(probes);
#endif
  if (probes.empty()) GTEST_SKIP() << "built without CUDA";
  Environment env;
  detect_gpu_environment(env, read_nvml(nvml::system_api()));
  if (env.gpu_count > 0) GTEST_SKIP() << "this machine has a GPU";
  std::set<std::string> keys;
  for (const auto& probe : probes) {
    keys.insert(probe->key());
    const Filter f = probe->filter(env);
    EXPECT_FALSE(f.runnable) << probe->key();
    EXPECT_EQ(f.reason.rfind("no CUDA device: ", 0), 0u) << probe->key() << ": " << f.reason;
    EXPECT_FALSE(probe->description().empty());
  }
#ifdef PLAINSIGHT_HAVE_CUDA
  for (const char* key :
       {"cuda.h2d", "cuda.d2h", "cuda.peer", "cuda.checkpoint", "cuda.hbm_scrub"}) {
    EXPECT_TRUE(keys.count(key)) << key;
  }
#endif
#ifdef PLAINSIGHT_HAVE_NCCL
  for (const char* key :
       {"nccl.all_reduce", "nccl.all_gather", "nccl.reduce_scatter", "nccl.sendrecv"}) {
    EXPECT_TRUE(keys.count(key)) << key;
  }
#endif
}

}  // namespace
}  // namespace hwprobe
