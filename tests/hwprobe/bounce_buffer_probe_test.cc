// host.bounce_buffer on a tiny sweep: it runs, records what it promises, fails on nothing. Speed is
// never asserted.
#include "hwprobe/host/bounce_buffer_probe.h"

#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace hwprobe {
namespace {

TEST(BounceBufferProbe, BothModesOverTheSameSizes) {
  BounceBufferProbe p;
  const auto out = test::run_one(p, test::tiny_options({64u << 10, 3u << 20}));
  ASSERT_TRUE(out.failed.empty()) << out.failed.dump();
  ASSERT_EQ(out.results.size(), 4u);
  EXPECT_EQ(test::param_values(out, "mode"), (std::set<std::string>{"cc_off", "cc_on"}));
  for (const auto& r : out.results) EXPECT_GE(r["params"]["threads"].get<int>(), 2);
}

}  // namespace
}  // namespace hwprobe
