// Paths on a hand-computed scenario, checked step by step.
#include <gtest/gtest.h>

#include "analyze/attack_graph.h"
#include "report/threat_phrases.h"
#include "threat_support.h"

namespace plainsight {
namespace {

using testing::actor;
using testing::analyze_file;
using testing::data_path;

constexpr double kDay = 86400;

TEST(AttackPaths, HandComputedOc1GoesThroughTheWan) {
  Analysis a = analyze_file(data_path("two_windows.yaml"));
  const ActorThreat& oc1 = actor(a, 1);
  ASSERT_TRUE(oc1.path.found);
  EXPECT_EQ(oc1.path.stage, "wan");
  EXPECT_EQ(oc1.path.capability, "remote_eavesdropper");
  // EasyAndCertain (1 d) + half the 3 d period + 2 GB at 100 MB/s + 2 GB out at 10 MB/s.
  EXPECT_NEAR(oc1.path.expected_s, 1 * kDay + 1.5 * kDay + 20 + 200, 1e-6);
  EXPECT_TRUE(oc1.path.within_dwell == (oc1.path.expected_s <= 2 * kDay));
  ASSERT_EQ(oc1.path.steps.size(), 4u);
  EXPECT_EQ(oc1.path.steps[0].kind, PathStep::Kind::foothold);
  EXPECT_NEAR(oc1.path.steps[0].expected_s, 365.25 * kDay / 12, 1);
  EXPECT_EQ(oc1.path.steps[1].id, "remote_eavesdropper");
  EXPECT_EQ(oc1.path.steps[2].id, "wan");
  EXPECT_EQ(oc1.path.steps[3].kind, PathStep::Kind::exfiltrate);
  EXPECT_NEAR(oc1.path.steps[3].expected_s, 200, 1e-9);
}

TEST(AttackPaths, Oc3PrefersTheCheaperOfTwoWindows) {
  Analysis a = analyze_file(data_path("two_windows.yaml"));
  const ActorThreat& oc3 = actor(a, 3);
  ASSERT_TRUE(oc3.path.found);
  // WAN: 1 d + 1.5 d + 0.2 s + 2 s; HBM via root: 10 d + 0.2 s + 2 s.
  EXPECT_EQ(oc3.path.stage, "wan");
  EXPECT_NEAR(oc3.path.expected_s, 2.5 * kDay + 0.2 + 2, 1e-6);
  bool hbm_readable = false;
  for (const Reach& r : oc3.reach)
    if (r.stage == "hbm" && r.capability == "host_root") hbm_readable = r.readable;
  EXPECT_TRUE(hbm_readable);
}

TEST(AttackPaths, ShortWindowIsNotEnoughWithoutEvents) {
  // 1 s per event at 100 MB/s reads 100 MB: a 2 GB copy needs 20 events; there are 10.
  Analysis a = analyze_file(data_path("two_windows.yaml"), {"stages.wan.duration=1s"});
  const ActorThreat& oc1 = actor(a, 1);
  EXPECT_FALSE(oc1.path.found);
  ASSERT_EQ(oc1.reach.size(), 1u);
  EXPECT_FALSE(oc1.reach[0].readable);
  EXPECT_DOUBLE_EQ(oc1.reach[0].events_needed, 20);
  EXPECT_NE(reach_reason(oc1.reach[0], oc1.actor).find("20 events"), std::string::npos);
}

TEST(AttackPaths, EventsAccumulateWithinTheDwell) {
  // 10 s per event reads 1 GB at 100 MB/s: two events, 3 d apart; OC1 dwells 2 d, OC2 7 d.
  Analysis a = analyze_file(data_path("two_windows.yaml"), {"stages.wan.duration=10s"});
  EXPECT_FALSE(actor(a, 1).path.found);
  const ActorThreat& oc2 = actor(a, 2);
  ASSERT_TRUE(oc2.path.found);
  // OC2 reads at 1 GB/s: 10 GB per event, one event is enough.
  EXPECT_NEAR(oc2.path.expected_s, 1 * kDay + 1.5 * kDay + 2 + 20, 1e-6);
}

TEST(AttackPaths, TransportEncryptionClosesTheWan) {
  Analysis a = analyze_file(data_path("two_windows.yaml"), {"stages.wan.attributes.transport=tls"});
  EXPECT_FALSE(actor(a, 1).path.found);
  EXPECT_EQ(actor(a, 3).path.stage, "hbm");
  EXPECT_NEAR(actor(a, 3).path.expected_s, 10 * kDay + 0.2 + 2, 1e-6);
}

}  // namespace
}  // namespace plainsight
