#include "hwprobe/harness/probe_selection.h"

#include <gtest/gtest.h>

#include "hwprobe/registry.h"

namespace hwprobe {
namespace {

std::vector<std::string> keys(const std::vector<Probe*>& ps) {
  std::vector<std::string> out;
  for (auto* p : ps) out.push_back(p->key());
  return out;
}

TEST(ProbeSelection, RegistryHoldsTheHostSuiteWithUniqueKeys) {
  const auto all = make_all_probes();
  std::set<std::string> seen;
  for (const auto& p : all) EXPECT_TRUE(seen.insert(p->key()).second) << p->key();
  for (const char* k :
       {"host.aes_gcm", "host.bounce_buffer", "host.checkpoint", "host.envelope", "host.memcpy"}) {
    EXPECT_TRUE(seen.count(k)) << k;
  }
}

TEST(ProbeSelection, BySuiteKeysOrAll) {
  const auto all = make_all_probes();
  EXPECT_EQ(select_probes(all, "").size(), all.size());
  EXPECT_EQ(select_probes(all, "host").size(), 5u);
  EXPECT_EQ(keys(select_probes(all, "host.envelope,host.memcpy")),
            (std::vector<std::string>{"host.memcpy", "host.envelope"}));  // registry order
  EXPECT_EQ(select_probes(all, "host,host.memcpy").size(), 5u);
}

TEST(ProbeSelection, UnknownNamesAreRejected) {
  const auto all = make_all_probes();
  EXPECT_THROW(select_probes(all, "host.nope"), SelectionError);
  EXPECT_THROW(select_probes(all, "hots"), SelectionError);
  // An empty entry once selected every probe (',' ran the full suite).
  for (const char* spec : {",", ",,", "host,", ",host", "host,,host.memcpy"})
    EXPECT_THROW(select_probes(all, spec), SelectionError) << spec;
}

}  // namespace
}  // namespace hwprobe
