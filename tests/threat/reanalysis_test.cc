// A control's variant is re-analysed from the loaded scenario (its places on other platforms,
// the stages shared); it must agree with loading the file again with the same platform keys
// set place by place and computing every window in full, on everything the threat analysis
// reads.
#include "analyze/reanalysis.h"
#include "analyze/control_deployment.h"
#include "load/platform_keys.h"

#include <gtest/gtest.h>

#include "threat_support.h"

namespace plainsight {
namespace {

// The --set overrides a deployment amounts to: each changed place's keys, by its own path.
std::vector<std::string> sets_of(const Scenario& s, const Deployment& d, const PlatformSet& p) {
  std::vector<std::string> out;
  for (std::size_t i : d.places) {
    const Place& place = s.places[i];
    const std::string path = place.implicit     ? "platform."
                             : place.group >= 0 ? "groups[" + place.id + "].platform."
                                                : "places[" + place.id + "].platform.";
    for (const PlatformKey& k : platform_keys()) {
      if (k.scenario_only) continue;
      if (k.family) {
        for (const auto& [m, on] : p.of(static_cast<int>(i)).link_encryption)
          out.push_back(path + "link_encryption." + m + "=" + (on ? "on" : "off"));
        continue;
      }
      out.push_back(path + std::string(k.name) + "=" +
                    platform_value(p.of(static_cast<int>(i)), k.name));
    }
  }
  return out;
}

TEST(Reanalysis, PlatformOnlyVariantsMatchAFullReload) {
  const Catalog& c = testing::bundled_catalog();
  int compared = 0, shared_variants = 0;
  for (const char* name : {"aws-frontier", "silo-hopper", "silo-blackwell", "vera-rubin-multinode",
                           "transfer-cloud-relay", "transfer-scp", "transfer-p2p-e2e",
                           "azure-ncc-h100", "gcp-a3-tdx", "onprem-dgx-partners"}) {
    const std::string path = testing::scenario_path(name);
    const Scenario base = load_scenario(path, c, {});
    const Reanalyze re = platform_reanalysis(c, base, nullptr);
    for (const Control& k : c.controls) {
      PlatformSet platforms = base.platforms();
      const Deployment d = deploy_control(c, base, k, platforms);
      if (!d.deployable()) continue;
      const std::vector<Window> full =
          compute_windows(c, load_scenario(path, c, sets_of(base, d, platforms)));
      const Variant v = re(platforms, {});
      shared_variants += v.scenario.get() == &base;
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
  // Fewer controls deploy than the catalog has (p5 offers no CPU TEE): enough still do.
  EXPECT_GT(compared, 60);
  EXPECT_GE(shared_variants, 12);
}

}  // namespace
}  // namespace plainsight
