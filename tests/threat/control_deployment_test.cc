// Controls change the places they select, only where the place's offering allows the change,
// the vendors' rules accept the result and the scenario does not pin the key; a control that
// changes no place is not offered.
#include "analyze/control_deployment.h"
#include "load/platform_keys.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "threat_support.h"

namespace plainsight {
namespace {

const Control& control(const std::string& id) {
  return *Catalog::find(testing::bundled_catalog().controls, id);
}

Scenario scenario(const std::string& name, const std::vector<std::string>& sets = {}) {
  return load_scenario(testing::scenario_path(name), testing::bundled_catalog(), sets);
}

std::size_t place_index(const Scenario& s, const std::string& id) {
  for (std::size_t i = 0; i < s.places.size(); ++i)
    if (s.places[i].id == id) return i;
  throw std::runtime_error("no place " + id);
}

Deployment deploy(const Scenario& s, const std::string& id, PlatformSet* out = nullptr) {
  PlatformSet p = s.platforms();
  Deployment d = deploy_control(testing::bundled_catalog(), s, control(id), p);
  if (out) *out = p;
  return d;
}

// AWS offers SEV-SNP on M6a, R6a and C6a only: no CPU TEE on p5, and so no GPU CC either.
TEST(ControlDeployment, NothingConfidentialOnP5) {
  const Scenario s = scenario("aws-frontier");
  for (const char* id : {"gpu_confidential_mode", "confidential_vm", "blackwell_upgrade"}) {
    const Deployment d = deploy(s, id);
    EXPECT_FALSE(d.deployable()) << id;
    ASSERT_EQ(d.undeployable.size(), 2u) << id;  // training and serving
    EXPECT_EQ(d.undeployable[0].reason, Undeployable::Reason::offering);
    EXPECT_EQ(d.undeployable[0].offering, "aws_p5");
    EXPECT_EQ(d.undeployable[0].key, "cpu_tee");
  }
}

// A control's alternatives: the first the place's offering allows (TDX on Intel, SEV-SNP on
// AMD), and nothing at places it does not select (a provider's services).
TEST(ControlDeployment, TheTeeTheHostOffers) {
  PlatformSet p;
  // What-ifs on the scenario's platform reach our places without pinning them.
  const Scenario gcp =
      scenario("gcp-a3-tdx", {"platform.cpu_tee=none", "platform.confidential_mode=off"});
  const Deployment d = deploy(gcp, "confidential_vm", &p);
  ASSERT_EQ(d.places, std::vector<std::size_t>{place_index(gcp, "vm")});
  EXPECT_EQ(p.of(static_cast<int>(place_index(gcp, "vm"))).cpu_tee, "tdx");
  EXPECT_EQ(p.of(static_cast<int>(place_index(gcp, "filestore"))).cpu_tee, "none");
  const Scenario onprem = scenario("onprem-dgx-partners");
  const Deployment o = deploy(onprem, "confidential_vm", &p);
  EXPECT_EQ(p.of(static_cast<int>(place_index(onprem, "transfer"))).cpu_tee, "sev_snp");
  // The DGX H100's Sapphire Rapids is not on NVIDIA's list of CC platforms.
  EXPECT_TRUE(std::any_of(o.undeployable.begin(), o.undeployable.end(), [&](const auto& u) {
    return u.place == place_index(onprem, "node") && u.offering == "dgx_h100";
  }));
}

// Our GPU setting does not change a partner's disks, nor a provider's service.
TEST(ControlDeployment, OnlyOurPlacesChange) {
  const Scenario s = scenario("onprem-dgx-partners");
  for (const Control& k : testing::bundled_catalog().controls) {
    PlatformSet p = s.platforms();
    const Deployment d = deploy_control(testing::bundled_catalog(), s, k, p);
    const std::size_t partner = place_index(s, "partner");
    EXPECT_EQ(std::count(d.places.begin(), d.places.end(), partner), 0) << k.id;
    EXPECT_EQ(platform_value(p.of(static_cast<int>(partner)), "cpu_tee"), "none") << k.id;
  }
}

// Customer-held keys where the store offers them: SSE-C on S3; not on Cloud Storage (CMEK
// only in the catalog); not on a file service whose keys are not the customer's to set.
TEST(ControlDeployment, CustomerHeldKeysWhereTheStoreOffersThem) {
  EXPECT_EQ(deploy(scenario("aws-frontier"), "customer_held_keys").places,
            std::vector<std::size_t>{0});  // the S3 place
  const Scenario gcp = scenario("gcp-a3-tdx");
  const Deployment d = deploy(gcp, "customer_held_keys");
  EXPECT_FALSE(d.deployable());
  ASSERT_EQ(d.undeployable.size(), 2u);
  EXPECT_EQ(d.undeployable[0].reason, Undeployable::Reason::offering);  // GCS: CMEK, no CSEK
  EXPECT_EQ(d.undeployable[0].offering, "gcp_gcs");
  EXPECT_EQ(d.undeployable[1].reason, Undeployable::Reason::not_ours);  // Filestore
}

// A key the scenario states at a place is pinned: controls leave it.
TEST(ControlDeployment, PinnedKeysStay) {
  const Scenario s = scenario("aws-frontier", {"places[s3].platform.key_custody=provider_kms"});
  const Deployment d = deploy(s, "customer_held_keys");
  EXPECT_FALSE(d.deployable());
  ASSERT_FALSE(d.undeployable.empty());
  EXPECT_EQ(d.undeployable.front().reason, Undeployable::Reason::pinned);
  EXPECT_EQ(d.undeployable.front().key, "key_custody");
}

// The minimal defence proposes only deployable controls.
TEST(ControlDeployment, TheDefenceProposesOnlyDeployableControls) {
  const Analysis a = testing::analyze_file(testing::scenario_path("aws-frontier"));
  for (const ActorThreat& t : a.threat.actors)
    for (const std::string& id : t.defense.controls) {
      const auto d = std::find_if(a.threat.deployments.begin(), a.threat.deployments.end(),
                                  [&](const Deployment& x) { return x.control == id; });
      ASSERT_NE(d, a.threat.deployments.end());
      EXPECT_TRUE(d->deployable()) << id;
    }
}

// A control whose key a rule makes moot at a place (link encryption asked of an InfiniBand
// fabric: MACsec is Ethernet's) changes no window there: listed apart, never as a change.
// Ethernet, where the key does change the wire, keeps it a change.
TEST(ControlDeployment, AKeyARuleMakesMootIsNoChange) {
  const Analysis a = testing::analyze_file(testing::scenario_path("onprem-dgx-partners"));
  const auto d =
      std::find_if(a.threat.deployments.begin(), a.threat.deployments.end(),
                   [](const Deployment& x) { return x.control == "fabric_link_encryption"; });
  ASSERT_NE(d, a.threat.deployments.end());
  EXPECT_FALSE(d->deployable());
  EXPECT_TRUE(d->places.empty());
  EXPECT_EQ(d->moot.size(), 2u);  // the transfer host and the DGX nodes
  for (const ActorThreat& t : a.threat.actors)
    EXPECT_EQ(
        std::count(t.defense.controls.begin(), t.defense.controls.end(), "fabric_link_encryption"),
        0);
  // On the same node with an Ethernet fabric (RoCE) the encryption changes the wire.
  const Analysis e = testing::analyze_file(testing::scenario_path("onprem-dgx-partners"),
                                           {"groups[node].stages[fabric].link=roce_cx7"});
  const auto de =
      std::find_if(e.threat.deployments.begin(), e.threat.deployments.end(),
                   [](const Deployment& x) { return x.control == "fabric_link_encryption"; });
  ASSERT_NE(de, e.threat.deployments.end());
  EXPECT_EQ(de->places.size(), 1u);
}

}  // namespace
}  // namespace plainsight
