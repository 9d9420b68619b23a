// host.envelope on a tiny sweep: it runs, records what it promises, fails on nothing. Speed is
// never asserted.
#include "hwprobe/host/envelope_probe.h"

#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace hwprobe {
namespace {

TEST(EnvelopeProbe, SealOpenAndKeyLifetime) {
  EnvelopeProbe p;
  const auto out = test::run_one(p, test::tiny_options({4096}));
  ASSERT_TRUE(out.failed.empty()) << out.failed.dump();
  ASSERT_EQ(out.results.size(), 4u);
  EXPECT_EQ(test::param_values(out, "phase"),
            (std::set<std::string>{"seal", "open", "data_key_lifetime"}));
  // The key lives inside the seal, so its lifetime cannot exceed the seal's cost.
  EXPECT_LE(out.results[2]["min_s"].get<double>(), out.results[0]["max_s"].get<double>());
}

}  // namespace
}  // namespace hwprobe
