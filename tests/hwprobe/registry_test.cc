#include "hwprobe/registry.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

// Every build lists the same keys, whether or not CUDA and NCCL were found at build time,
// so `--suite cuda,nccl` means the same thing everywhere.
TEST(Registry, ListsEveryProbeKeyOnceInEveryBuild) {
  std::set<std::string> keys;
  for (const auto& p : make_all_probes()) EXPECT_TRUE(keys.insert(p->key()).second) << p->key();
  for (const char* k :
       {"host.aes_gcm", "host.bounce_buffer", "host.checkpoint", "host.envelope", "host.memcpy",
        "cuda.h2d", "cuda.d2h", "cuda.peer", "cuda.checkpoint", "cuda.hbm_scrub", "nccl.all_reduce",
        "nccl.all_gather", "nccl.reduce_scatter", "nccl.sendrecv", "fabric.tcp"})
    EXPECT_TRUE(keys.count(k)) << k;
}

TEST(Registry, GpuProbesSayWhyTheyCannotRunWithoutAGpu) {
  Environment env;  // no GPU
  for (const auto& p : make_all_probes()) {
    if (p->suite() != "cuda" && p->suite() != "nccl") continue;
    Filter f = p->filter(env);
    EXPECT_FALSE(f.runnable) << p->key();
    EXPECT_FALSE(f.reason.empty()) << p->key();
  }
}

}  // namespace
}  // namespace hwprobe
