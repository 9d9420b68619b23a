#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/threat_phrases.h"
#include "threat_support.h"

namespace plainsight {
namespace {

using testing::actor;
using testing::analyze_file;
using ::testing::HasSubstr;
using testing::scenario_path;

TEST(MinimalDefense, HopperAgainstOc4NamesWhatTheControlOpens) {
  Analysis a = analyze_file(scenario_path("silo-hopper"));
  const MinimalDefense& d = actor(a, 4).defense;
  EXPECT_TRUE(d.needed);
  // The NVLink interposer and the forged attestation (SEV-SNP's attestation key read off the
  // DRAM bus, TEE.fail) are both cut only by leaving SEV-SNP: Vera Rubin's rack TEE (announced).
  ASSERT_EQ(d.controls, std::vector<std::string>{"rubin_rack_cc"});
  EXPECT_DOUBLE_EQ(d.cost, 20);
  EXPECT_FALSE(d.cuttable);
  ASSERT_EQ(d.closes.size(), 1u);
  EXPECT_EQ(d.closes[0].closes, (std::vector<RouteRef>{{"bus_interposer", "nvlink"},
                                                       {"cloud_credentials", "object_store"},
                                                       {"media_theft", "object_store"},
                                                       {"provider_insider", "object_store"}}));
  // Nothing cuts a hole in the attested image (reduced, not closed).
  EXPECT_EQ(d.uncut, (std::vector<RouteRef>{{"workload_root", "cvm_decrypt"},
                                            {"workload_root", "hbm"},
                                            {"workload_root", "nvlink"},
                                            {"workload_root", "pcie"}}));
  // How Vera protects its memory is not published: an interposer is assumed to read it, a
  // route SEV-SNP had closed (patterns only). The defence says so, and the path after it.
  EXPECT_EQ(d.opens, (std::vector<RouteRef>{{"bus_interposer", "cvm_decrypt"}}));
  ASSERT_TRUE(d.after.found);
  std::vector<std::string> after;
  for (const PathStep& st : d.after.steps)
    if (st.kind != PathStep::Kind::foothold) after.push_back(st.id);
  EXPECT_EQ(after, (std::vector<std::string>{"bus_interposer", "cvm_decrypt", "goal"}));
  EXPECT_THAT(defense_summary(actor(a, 4).actor, d), HasSubstr("but opens bus_interposer"));
  // OC3's only route is that hole: it outlasts its dwell.
  EXPECT_FALSE(actor(a, 3).path.within_dwell);
  // OC5 fields firmware compromise too, which nothing cuts; Blackwell closes the NVLink wire.
  EXPECT_EQ(actor(a, 5).defense.controls, std::vector<std::string>{"blackwell_upgrade"});
  EXPECT_TRUE(actor(a, 5).defense.opens.empty());
}

TEST(MinimalDefense, UncuttableRoutesAreNamed) {
  // Nothing in the catalog stops a TEE firmware bug or a forged attestation.
  Analysis a = analyze_file(scenario_path("silo-blackwell"));
  const MinimalDefense& d = actor(a, 5).defense;
  EXPECT_TRUE(d.needed);
  EXPECT_FALSE(d.cuttable);
  EXPECT_THAT(d.uncut,
              ::testing::IsSupersetOf(std::vector<RouteRef>{{"firmware_compromise", "cvm_decrypt"},
                                                            {"firmware_compromise", "hbm"},
                                                            {"workload_root", "hbm"},
                                                            {"cloud_credentials", "object_store"},
                                                            {"media_theft", "object_store"}}));
  EXPECT_TRUE(d.after.found);
}

TEST(MinimalDefense, CheapestControlForTheWan) {
  // Root reads HBM: GPU confidential mode (cost 3) fences it from host software, and is
  // cheaper than moving to Blackwell (10), which also would. It does not fence it from our
  // own root in the VM: nothing in the catalog does, and the defence says so.
  Analysis a =
      analyze_file(testing::data_path("two_windows.yaml"), {"stages.wan.attributes.transport=tls"});
  const MinimalDefense& d = actor(a, 3).defense;
  ASSERT_EQ(d.controls, std::vector<std::string>{"gpu_confidential_mode"});
  EXPECT_FALSE(d.cuttable);
  EXPECT_EQ(d.uncut, (std::vector<RouteRef>{{"workload_root", "hbm"}}));
  ASSERT_TRUE(d.after.found);
  EXPECT_EQ(d.after.capability, "workload_root");
}

}  // namespace
}  // namespace plainsight

namespace plainsight {
namespace {

// The defence against brute force over every subset of the catalog's controls, for every
// actor of every bundled scenario: nothing cheaper cuts every path, and where the defence
// says nothing cuts them, no subset does.
TEST(MinimalDefense, NoCheaperSubsetOnBundledScenarios) {
  const Catalog& c = testing::bundled_catalog();
  const std::size_t n = c.controls.size();
  ASSERT_LE(n, 10u);
  for (const char* name : {"aws-frontier", "silo-hopper", "silo-blackwell", "vera-rubin-multinode",
                           "transfer-cloud-relay", "transfer-scp", "transfer-p2p-e2e"}) {
    const std::string path = testing::scenario_path(name);
    Analysis a = testing::analyze_file(path);
    // Readable routes per actor under each subset, each control deployed where it can be
    // (as the defence deploys it).
    std::vector<std::vector<bool>> open(std::size_t{1} << n);
    std::vector<double> cost(std::size_t{1} << n, 0);
    const Reanalyze re = platform_reanalysis(c, a.scenario, nullptr, &a.arriving);
    for (std::size_t mask = 0; mask < (std::size_t{1} << n); ++mask) {
      std::vector<std::string> controls;
      for (std::size_t k = 0; k < n; ++k)
        if (mask >> k & 1) {
          cost[mask] += c.controls[k].cost;
          controls.push_back(c.controls[k].id);
        }
      const Variant v = re(deploy_controls(c, a.scenario, controls), {});
      const ThreatAnalysis t = analyze_threats(c, a.scenario, v.windows, {}, {});
      for (const ActorThreat& at : t.actors) open[mask].push_back(at.path.found);
    }
    for (std::size_t i = 0; i < a.threat.actors.size(); ++i) {
      const MinimalDefense& d = a.threat.actors[i].defense;
      double best = -1;
      for (std::size_t mask = 0; mask < open.size(); ++mask)
        if (!open[mask].empty() && !open[mask][i] && (best < 0 || cost[mask] < best))
          best = cost[mask];
      SCOPED_TRACE(std::string(name) + " " + d.actor);
      if (!d.needed) {
        EXPECT_EQ(best, 0);
      } else if (d.cuttable) {
        EXPECT_DOUBLE_EQ(d.cost, best);
      } else {
        EXPECT_LT(best, 0) << "a subset of cost " << best << " cuts every path";
      }
    }
  }
}

}  // namespace
}  // namespace plainsight
