// A control's variant is re-analysed the cheap way (platform-only overrides on the loaded
// stages, numbers-only windows); it must agree with loading the file again with the
// overrides and computing every window in full, on everything the threat analysis reads.
#include "analyze/reanalysis.h"

#include <gtest/gtest.h>

#include "threat_support.h"

namespace plainsight {
namespace {

std::vector<std::string> sets_of(const Control& k) {
  std::vector<std::string> out;
  for (const auto& [key, value] : k.sets) out.push_back(key + "=" + value);
  return out;
}

TEST(Reanalysis, PlatformOnlyVariantsMatchAFullReload) {
  const Catalog& c = testing::bundled_catalog();
  int compared = 0, shared_variants = 0;
  for (const char* name : {"aws-frontier", "silo-hopper", "silo-blackwell", "vera-rubin-multinode",
                           "transfer-cloud-relay", "transfer-scp", "transfer-p2p-e2e"}) {
    const std::string path = testing::scenario_path(name);
    const Scenario base = load_scenario(path, c, {});
    const Reanalyze re = file_reanalysis(c, base, path, {}, nullptr);
    for (const Control& k : c.controls) {
      const std::vector<std::string> sets = sets_of(k);
      std::vector<Window> full;
      try {
        full = compute_windows(c, load_scenario(path, c, sets));
      } catch (const InputError&) {
        EXPECT_THROW(re(sets, {}), InputError) << name << " " << k.id;
        continue;
      }
      const Variant v = re(sets, {});
      // The fast path may decline (an order of overrides it cannot judge) and reload.
      const bool shared = v.scenario.get() == &base;
      shared_variants += shared;
      ASSERT_EQ(v.windows.size(), full.size());
      for (std::size_t i = 0; i < full.size(); ++i) {
        const Window& a = v.windows[i];
        const Window& b = full[i];
        SCOPED_TRACE(std::string(name) + " " + k.id + " " + b.stage);
        EXPECT_EQ(a.stage, b.stage);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.state, b.state);
        EXPECT_EQ(a.protection_id, b.protection_id);
        EXPECT_EQ(a.bytes, b.bytes);
        EXPECT_EQ(a.resident, b.resident);
        EXPECT_EQ(a.per_event.value, b.per_event.value);
        EXPECT_EQ(a.per_event.provenance, b.per_event.provenance);
        EXPECT_EQ(a.plaintext_per_event.value, b.plaintext_per_event.value);
        EXPECT_EQ(a.events, b.events);
        EXPECT_EQ(a.event_period_s, b.event_period_s);
        EXPECT_EQ(a.plaintext_coverage_s, b.plaintext_coverage_s);
        ASSERT_EQ(a.cells.size(), b.cells.size());
        for (std::size_t j = 0; j < a.cells.size(); ++j) {
          EXPECT_EQ(a.cells[j].access, b.cells[j].access);
          EXPECT_EQ(a.cells[j].decided_by, b.cells[j].decided_by);
          EXPECT_EQ(a.cells[j].basis, b.cells[j].basis);
        }
        EXPECT_EQ(a.decided, b.decided);
        EXPECT_EQ(a.per_event.how.kind, b.per_event.how.kind);
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 100);
  EXPECT_GE(shared_variants, 20);
}

TEST(Reanalysis, OtherOverridesReloadTheFile) {
  const Catalog& c = testing::bundled_catalog();
  const std::string path = testing::scenario_path("aws-frontier");
  const Scenario base = load_scenario(path, c, {});
  const Reanalyze re = file_reanalysis(c, base, path, {}, nullptr);
  const Variant v = re({"horizon=60d"}, {});
  EXPECT_NE(v.scenario.get(), &base);
  EXPECT_EQ(v.scenario->horizon_s, 60 * 86400.0);
  // A bad override is bad input, named as the override.
  try {
    re({"stages.nope.duration=2s"}, {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--set"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace plainsight
