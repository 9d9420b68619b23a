// host.aes_gcm on a tiny sweep: it runs, records what it promises, fails on nothing. Speed is
// never asserted.
#include "hwprobe/host/aes_gcm_probe.h"

#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace hwprobe {
namespace {

TEST(AesGcmProbe, EncryptAndDecryptPerChunkSize) {
  AesGcmProbe p;
  const auto out = test::run_one(p, test::tiny_options({16, 4096}));
  ASSERT_TRUE(out.failed.empty()) << out.failed.dump();
  EXPECT_EQ(out.results.size(), 4u);
  EXPECT_EQ(test::param_values(out, "mode"), (std::set<std::string>{"encrypt", "decrypt"}));
  EXPECT_EQ(test::param_values(out, "chunk_bytes"), (std::set<std::string>{"16", "4096"}));
}

TEST(AesGcmProbe, ThreadsMultiplyBytesPerSample) {
  AesGcmProbe p;
  auto o = test::tiny_options({4096});
  o.threads = 2;
  const auto out = test::run_one(p, o);
  ASSERT_EQ(out.results.size(), 2u);
  EXPECT_EQ(out.results[0]["params"]["bytes"], 8192u);
}

}  // namespace
}  // namespace hwprobe
