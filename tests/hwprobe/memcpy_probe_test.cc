// host.memcpy on a tiny sweep: it runs, records what it promises, fails on nothing. Speed is
// never asserted.
#include "hwprobe/host/memcpy_probe.h"

#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace hwprobe {
namespace {

TEST(MemcpyProbe, RecordsSizeAndStagingKind) {
  MemcpyProbe p;
  const auto out = test::run_one(p, test::tiny_options({4096, 1u << 20}));
  ASSERT_TRUE(out.failed.empty()) << out.failed.dump();
  ASSERT_EQ(out.results.size(), 2u);
  EXPECT_EQ(out.results[1]["params"]["bytes"], 1u << 20);
  EXPECT_TRUE(out.results[0]["params"].contains("dst_memory"));
}

}  // namespace
}  // namespace hwprobe
