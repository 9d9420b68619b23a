// The verdict: computed once from the threat analysis, written in the words every format
// opens with.
#include "analyze/verdict.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/verdict_phrase.h"
#include "threat_support.h"

namespace plainsight {
namespace {

using testing::analyze_file;
using ::testing::HasSubstr;
using testing::scenario_path;
using ::testing::StartsWith;

Analysis with_verdict(const std::string& name, const std::vector<std::string>& sets = {},
                      int required = 0) {
  Analysis a = analyze_file(scenario_path(name), sets);
  VerdictOptions o;
  o.required = required;
  o.trials = 2000;
  a.verdict = make_verdict(a, o);
  return a;
}

const VerdictItem* item(const VerdictText& t, const std::string& label) {
  for (const VerdictItem& i : t.items)
    if (i.label == label) return &i;
  return nullptr;
}

// silo-hopper: OC3 held, OC4 breaks it with an interposer on NVLink; the headline names both
// levels with their actor class words and what decides it.
TEST(Verdict, NamesTheCeilingTheLevelThatBreaksItAndHow) {
  const Analysis a = with_verdict("silo-hopper");
  ASSERT_TRUE(a.verdict);
  EXPECT_EQ(a.verdict->ceiling, 3);
  EXPECT_EQ(a.verdict->breached_level, 4);
  const VerdictText t = verdict_text(a);
  EXPECT_EQ(t.headline,
            "Resists OC3 (cybercrime syndicates and insider threats); does not resist OC4 "
            "(standard operations by leading cyber-capable institutions): Bus interposer on "
            "Tensor-parallel traffic (NVLink between the 8 GPUs), a full copy 30 d after a "
            "foothold");
  EXPECT_EQ(t.outcome, "");
}

// A target from the option wins over the scenario's; pass and fail follow the ceiling.
TEST(Verdict, TargetPassesOrFails) {
  const VerdictText fail = verdict_text(with_verdict("silo-hopper", {}, 4));
  EXPECT_EQ(fail.outcome, "fail");
  ASSERT_NE(item(fail, "Target"), nullptr);
  EXPECT_THAT(item(fail, "Target")->text, StartsWith("resist OC4 (--require-ceiling): FAIL"));
  const Analysis pass = with_verdict("silo-hopper", {"target=OC3"});
  EXPECT_EQ(pass.verdict->target_from, TargetSource::scenario);
  EXPECT_EQ(verdict_text(pass).outcome, "pass");
  EXPECT_THAT(item(verdict_text(pass), "Target")->text, HasSubstr("(the scenario's target): PASS"));
}

// The chance comes from a seeded simulation of the breaching actor: the same seed gives the
// same figure, and the interval holds it.
TEST(Verdict, ChanceIsSeededWithItsInterval) {
  const Analysis a = with_verdict("silo-hopper");
  const Analysis b = with_verdict("silo-hopper");
  ASSERT_TRUE(a.verdict->chance);
  EXPECT_EQ(a.verdict->chance->level, 4);
  EXPECT_EQ(a.verdict->chance->probability, b.verdict->chance->probability);
  EXPECT_LE(a.verdict->chance->ci_low, a.verdict->chance->probability);
  EXPECT_GE(a.verdict->chance->ci_high, a.verdict->chance->probability);
  EXPECT_GT(a.verdict->chance->probability, 0.0);
}

// The cheapest fix is the breaching actor's minimal defence, with the ceiling it leaves.
TEST(Verdict, FixIsTheBreachingActorsMinimalDefence) {
  const Analysis a = with_verdict("silo-hopper");
  ASSERT_TRUE(a.verdict->fix);
  const ActorThreat* oc4 = nullptr;
  for (const ActorThreat& at : a.threat.actors)
    if (at.actor.level == 4) oc4 = &at;
  ASSERT_NE(oc4, nullptr);
  EXPECT_EQ(a.verdict->fix->controls, oc4->defense.controls);
  EXPECT_GE(a.verdict->fix->ceiling_after, a.verdict->ceiling);
  ASSERT_NE(item(verdict_text(a), "Cheapest fix"), nullptr);
}

// silo-blackwell decides through a released key: the headline says so, and the route is
// marked as such for every format.
TEST(Verdict, ReleasedKeyDecidesSiloBlackwell) {
  const Analysis a = with_verdict("silo-blackwell");
  EXPECT_THAT(verdict_text(a).headline, HasSubstr("through a released key"));
  bool released_deciding = false;
  for (const FullCopyRoute& r : a.threat.full_copy)
    released_deciding = released_deciding || (r.released_key && r.deciding);
  EXPECT_TRUE(released_deciding);
}

// silo-hopper's long-term storage holds ciphertext yet decides the verdict through a released
// key: marked, not drawn as out of reach.
TEST(Verdict, SiloHopperStorageIsReadThroughAReleasedKey) {
  const Analysis a = with_verdict("silo-hopper");
  std::size_t storage = a.windows.size();
  for (std::size_t i = 0; i < a.windows.size(); ++i)
    if (a.windows[i].stage == "object_store") storage = i;
  ASSERT_LT(storage, a.windows.size());
  EXPECT_TRUE(a.threat.released_key(storage));
  EXPECT_TRUE(a.threat.decides(storage));
}

}  // namespace
}  // namespace plainsight
