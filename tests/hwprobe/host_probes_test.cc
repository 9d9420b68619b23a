// Every host probe honours --max-bytes and leaves no file behind.
#include "hwprobe/host/host_probes.h"

#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace hwprobe {
namespace {

TEST(HostProbes, AllRespectMaxBytes) {
  std::vector<std::unique_ptr<Probe>> list;
  add_host_probes(list);
  ASSERT_EQ(list.size(), 5u);
  test::TempDir dir;
  auto o = test::tiny_options({}, dir.path());
  o.sizes = {};
  o.quick = true;
  o.max_bytes = 8;  // below every probe's smallest default size
  for (auto& p : list) {
    const auto out = test::run_one(*p, o);
    EXPECT_EQ(out.failed.size(), 1u) << p->key();
    EXPECT_TRUE(out.results.empty()) << p->key();
  }
  EXPECT_TRUE(dir.entries().empty());
}

}  // namespace
}  // namespace hwprobe
