// The new attack step: a key extracted where a protection rule says so (a DIMM interposer on a
// CPU TEE: TEE.fail; an invasive attack on a GPU under CC: the chip's identity key) forges an
// attestation, the key-release service hands out the weights' key, and the ciphertext is read
// wherever a capability the actor fields reaches it. Reading needs the key and the reader.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <algorithm>

#include "report/threat_phrases.h"
#include "threat_support.h"

namespace plainsight {
namespace {

using testing::actor;
using testing::analyze_file;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::scenario_path;

constexpr double kDay = 86400;

std::vector<std::string> kinds(const AttackPath& p) {
  std::vector<std::string> out;
  for (const PathStep& s : p.steps) out.emplace_back(to_string(s.kind));
  return out;
}

TEST(KeyRoute, Oc4ForgesAnAttestationOnBlackwell) {
  Analysis a = analyze_file(scenario_path("silo-blackwell"), {}, false);
  const AttackPath& p = actor(a, 4).path;
  ASSERT_TRUE(p.found);
  EXPECT_TRUE(p.within_dwell);
  EXPECT_EQ(p.key_capability, "bus_interposer");
  EXPECT_EQ(p.key_step, "forged_attestation");
  EXPECT_EQ(p.capability, "cloud_credentials");
  EXPECT_EQ(p.stage, "object_store");
  EXPECT_THAT(kinds(p), ElementsAre("foothold", "step", "key", "step", "window", "exfiltrate"));
  // Gamma(3, 10) = 30 d to extract, HardAndCertain = 10 d to forge; the credentials (10 d)
  // are worked on alongside and add nothing; then 140 GB read at 50 GB/s and out at 5 GB/s.
  EXPECT_NEAR(p.expected_s, 40 * kDay + 140e9 / 50e9 + 140e9 / 5e9, 1);
  EXPECT_DOUBLE_EQ(p.steps[3].expected_s, 0);
  EXPECT_THAT(step_detail(a, actor(a, 4).actor, p, 1), HasSubstr("attestation key"));
  // The reach lists it as a key route with where the key came from.
  bool found = false;
  for (const Reach& r : actor(a, 4).reach)
    if (r.key_step) {
      found = true;
      EXPECT_EQ(a.windows[r.key_window].stage, "cvm_decrypt");
      EXPECT_NEAR(r.key_s, 40 * kDay, 1);
    }
  EXPECT_TRUE(found);
}

TEST(KeyRoute, AKeyOnItsOwnIsNotACopy) {
  // OC3 fields no capability that extracts a key: the customer-encrypted objects stay
  // ciphertext to its stolen credentials (its only path is a hole in the attested image,
  // longer than its dwell).
  Analysis a = analyze_file(scenario_path("silo-blackwell"), {}, false);
  EXPECT_TRUE(actor(a, 3).path.key_step.empty());
  EXPECT_FALSE(actor(a, 3).path.within_dwell);
  for (const Reach& r : actor(a, 3).reach) EXPECT_EQ(r.key_step, nullptr);
}

TEST(KeyRoute, NoAttestationReleaseNoRoute) {
  // Provider-held keys are released on IAM rights, not attestation: no forged-attestation
  // route, whatever extracts a key.
  Analysis a =
      analyze_file(scenario_path("silo-blackwell"), {"origin.encrypted_with=customer_kms"}, false);
  for (const ActorThreat& t : a.threat.actors)
    for (const Reach& r : t.reach) EXPECT_EQ(r.key_step, nullptr) << t.actor.id;
}

TEST(KeyRoute, WithoutACpuTeeThereIsNoAttestationKeyToTake) {
  Analysis a = analyze_file(
      scenario_path("silo-blackwell"),
      {"platform.confidential_mode=off", "platform.cpu_tee=none", "platform.multi_gpu_mode=none"},
      false);
  for (const Window& w : a.windows)
    for (const Cell& c : w.cells) EXPECT_EQ(c.extracts, nullptr) << w.stage << " " << c.capability;
}

// The ceiling follows the paths: the interposer's key route breaks it at OC4 on Blackwell.
TEST(KeyRoute, SetsTheBlackwellCeiling) {
  Analysis a = analyze_file(scenario_path("silo-blackwell"), {}, false);
  EXPECT_EQ(a.threat.ceiling.level, 3);
  EXPECT_EQ(a.threat.ceiling.breached_by, "oc4");
  EXPECT_EQ(a.threat.ceiling.path.key_step, "forged_attestation");
  EXPECT_TRUE(std::any_of(a.threat.ceiling.windows.begin(), a.threat.ceiling.windows.end(),
                          [](const CeilingWindow& w) { return w.key_route; }));
}

}  // namespace
}  // namespace plainsight
