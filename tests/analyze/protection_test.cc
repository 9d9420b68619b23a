#include "analyze/protection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analyze/attributes.h"
#include "analyze_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;

ProtectionRule rule(const std::string& id, std::map<std::string, std::vector<std::string>> when) {
  ProtectionRule r;
  r.id = id;
  r.medium = "pcie";
  r.label = id;
  r.when = std::move(when);
  r.where = {"p.yaml", 1, 1};
  return r;
}

TEST(ProtectionRules, MatchNeedsEveryConditionWithAnAcceptedValue) {
  ProtectionRule r = rule("r", {{"gpu", {"h100", "h200"}}, {"confidential_mode", {"on"}}});
  EXPECT_TRUE(rule_matches(r, {{"gpu", "h200"}, {"confidential_mode", "on"}, {"x", "y"}}));
  EXPECT_FALSE(rule_matches(r, {{"gpu", "b200"}, {"confidential_mode", "on"}}));
  EXPECT_FALSE(rule_matches(r, {{"gpu", "h100"}}));  // a missing attribute does not match
  EXPECT_TRUE(rule_matches(rule("default", {}), {}));
}

TEST(ProtectionRules, TheMostSpecificMatchingRuleDecides) {
  Catalog c;
  c.protections = {rule("default", {}), rule("cc", {{"confidential_mode", {"on"}}}),
                   rule("cc_bb", {{"confidential_mode", {"on"}}, {"gpu.cc_pcie", {"bb"}}}),
                   rule("other", {{"gpu.cc_pcie", {"ide"}}})};
  EXPECT_EQ(select_protection(c, "pcie", {{"confidential_mode", "off"}}).id, "default");
  EXPECT_EQ(select_protection(c, "pcie", {{"confidential_mode", "on"}}).id, "cc");
  EXPECT_EQ(select_protection(c, "pcie", {{"confidential_mode", "on"}, {"gpu.cc_pcie", "bb"}}).id,
            "cc_bb");
  // Rule order in the catalog does not matter.
  std::swap(c.protections[0], c.protections[2]);
  EXPECT_EQ(select_protection(c, "pcie", {{"confidential_mode", "on"}, {"gpu.cc_pcie", "bb"}}).id,
            "cc_bb");
}

TEST(ProtectionRules, TwoEquallySpecificMatchesAreAnAmbiguousCatalog) {
  Catalog c;
  c.protections = {rule("default", {}), rule("a", {{"confidential_mode", {"on"}}}),
                   rule("b", {{"gpu.cc_pcie", {"bb"}}})};
  try {
    select_protection(c, "pcie", {{"confidential_mode", "on"}, {"gpu.cc_pcie", "bb"}});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("p.yaml:1:1"));
    EXPECT_THAT(e.what(), HasSubstr("rules 'a' and 'b' both match medium 'pcie'"));
  }
  // A more specific rule settles it, wherever it stands in the catalog. (Bug fixed: the
  // ambiguity was raised as soon as the two were seen, before the more specific rule.)
  c.protections.push_back(rule("ab", {{"confidential_mode", {"on"}}, {"gpu.cc_pcie", {"bb"}}}));
  EXPECT_EQ(select_protection(c, "pcie", {{"confidential_mode", "on"}, {"gpu.cc_pcie", "bb"}}).id,
            "ab");
}

TEST(ProtectionRules, NoRuleForTheMediumIsAnError) {
  Catalog c;
  c.protections = {rule("cc", {{"confidential_mode", {"on"}}})};
  EXPECT_THROW(select_protection(c, "pcie", {{"confidential_mode", "off"}}), InputError);
  EXPECT_THROW(select_protection(c, "hbm", {}), InputError);
}

// The bundled catalog's protections, derived from platform attributes.
struct Case {
  const char* gpu;
  bool cc;
  const char* multi_gpu_mode;
  const char* pcie;
  const char* nvlink;
  const char* fabric;
  const char* hbm;
};
// Named in CTest by the case, not by gtest's byte dump of the struct.
void PrintTo(const Case& c, std::ostream* os) { *os << c.gpu << (c.cc ? " cc on" : " cc off"); }

class BundledProtections : public ::testing::TestWithParam<Case> {};

std::string decide(const Platform& p, const std::string& medium, const std::string& link = "") {
  const Catalog& c = bundled_catalog();
  Stage s = stage("s", medium);
  s.link = link;
  return select_protection(c, medium, stage_attributes(c, p, Place{}, s)).id;
}

TEST_P(BundledProtections, PerMedium) {
  const Case& k = GetParam();
  Platform p;
  p.gpu = k.gpu;
  p.confidential_mode = k.cc;
  p.multi_gpu_mode = k.multi_gpu_mode;
  EXPECT_EQ(decide(p, "pcie"), k.pcie);
  EXPECT_EQ(decide(p, "nvlink"), k.nvlink);
  EXPECT_EQ(decide(p, "fabric"), k.fabric);
  EXPECT_EQ(decide(p, "hbm"), k.hbm);
}

INSTANTIATE_TEST_SUITE_P(
    Gpus, BundledProtections,
    ::testing::Values(
        Case{"h100", false, "none", "pcie.plain", "nvlink.plain", "fabric.plain", "hbm.plain"},
        Case{"h100", true, "protected_pcie", "pcie.bounce_buffer", "nvlink.hopper_ppcie",
             "fabric.plain", "hbm.cc"},
        Case{"h200", true, "protected_pcie", "pcie.bounce_buffer", "nvlink.hopper_ppcie",
             "fabric.plain", "hbm.cc"},
        Case{"h100", true, "none", "pcie.bounce_buffer", "nvlink.plain", "fabric.plain", "hbm.cc"},
        Case{"b200", false, "none", "pcie.plain", "nvlink.plain", "fabric.plain", "hbm.plain"},
        // Blackwell CC ships with a bounce buffer (R580, R590: "No IDE yet").
        Case{"b200", true, "nvlink_encryption", "pcie.bounce_buffer", "nvlink.encrypted",
             "fabric.plain", "hbm.cc"},
        // Vera Rubin: rack-scale CC announced (PCIe IDE with TDISP, NVLink encrypted); the
        // scale-out fabric is not covered.
        Case{"vera_rubin", true, "nvlink_encryption", "pcie.tdisp_ide", "nvlink.rubin_rack",
             "fabric.plain", "hbm.cc"},
        Case{"vera_rubin", false, "none", "pcie.plain", "nvlink.plain", "fabric.plain",
             "hbm.plain"}),
    [](const auto& p) {
      return std::string(p.param.gpu) + (p.param.cc ? "_cc_on_" : "_cc_off_") +
             p.param.multi_gpu_mode;
    });

// Beside Grace and Vera the GPU's link to the CPU is NVLink-C2C: plaintext on GB200 (Grace
// has no CC), encrypted in Vera Rubin's announced rack TEE.
TEST(BundledProtectionsOther, NvlinkC2c) {
  Platform p;
  p.gpu = "gb200";
  EXPECT_EQ(decide(p, "nvlink_c2c"), "nvlink_c2c.plain");
  p.gpu = "vera_rubin";
  EXPECT_EQ(decide(p, "nvlink_c2c"), "nvlink_c2c.plain");
  p.confidential_mode = true;
  p.cpu_tee = "nvidia_vera";
  EXPECT_EQ(decide(p, "nvlink_c2c"), "nvlink_c2c.encrypted");
  const ProtectionRule* r = Catalog::find(bundled_catalog().protections, "nvlink_c2c.encrypted");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->source.status, Status::announced);
}

// BadRAM: without AMD-SB-3015's DIMM check a lying SPD aliases SEV-SNP guest memory; root on
// the host (SPD unlocked) reads it after that step and replays attestation.
TEST(BundledProtectionsOther, SevSnpWithoutTheDimmCheckIsBadRam) {
  Platform p;
  p.cpu_tee = "sev_snp_no_alias_check";
  EXPECT_EQ(decide(p, "host_dram"), "host_dram.sev_snp_badram");
  const ProtectionRule* r =
      Catalog::find(bundled_catalog().protections, "host_dram.sev_snp_badram");
  ASSERT_NE(r, nullptr);
  bool host_root_reduced = false, host_root_extracts = false;
  for (const auto& x : r->reduced) host_root_reduced |= x.capability == "host_root";
  for (const auto& x : r->extracts)
    host_root_extracts |= x.capability == "host_root" && x.key == "attestation";
  EXPECT_TRUE(host_root_reduced);
  EXPECT_TRUE(host_root_extracts);
  EXPECT_EQ(r->source.status, Status::research);
}

// Link encryption the scenario asks of the fabric: MACsec is Ethernet's (RoCE v2 over it);
// on InfiniBand the wire stays plaintext. Google's VPC is encrypted at the NIC by default.
TEST(BundledProtectionsOther, FabricEncryptionByLinkLayer) {
  Platform p;
  p.link_encryption["fabric"] = true;
  EXPECT_EQ(decide(p, "fabric", "ib_ndr"), "fabric.link_encryption_on_infiniband");
  EXPECT_EQ(decide(p, "fabric", "ib_xdr"), "fabric.link_encryption_on_infiniband");
  EXPECT_EQ(decide(p, "fabric", "roce_cx7"), "fabric.link_encryption");
  Platform plain;
  EXPECT_EQ(decide(plain, "fabric", "gcp_vpc"), "fabric.provider_nic");
  EXPECT_EQ(decide(plain, "fabric", "azure_vnet"), "fabric.plain");
  EXPECT_EQ(decide(plain, "fabric", "roce_cx7"), "fabric.plain");
}

TEST(BundledProtectionsOther, LinkEncryptionOnTheFabric) {
  Platform p;
  p.gpu = "h100";
  p.link_encryption["fabric"] = true;
  EXPECT_EQ(decide(p, "fabric"), "fabric.link_encryption");
  // No GPU in the catalog has a multi-node TEE: Vera Rubin's announcement covers the rack.
  p.gpu = "vera_rubin";
  p.confidential_mode = true;
  EXPECT_EQ(decide(p, "fabric"), "fabric.link_encryption");
  // Link encryption on one medium does not touch another.
  p.gpu = "h100";
  p.confidential_mode = false;
  EXPECT_EQ(decide(p, "pcie"), "pcie.plain");
}

TEST(BundledProtectionsOther, CpuTeeMakesHostMemoryDeterministicCiphertext) {
  Platform p;
  EXPECT_EQ(decide(p, "host_dram"), "host_dram.plain");
  EXPECT_EQ(decide(p, "fs_cache"), "fs_cache.plain");
  // SEV-SNP lets the host read the guest's ciphertext (patterns); TDX and SEV-SNP with
  // ciphertext hiding do not; Milan's extractable seed lets host root forge attestation.
  for (const char* tee : {"sev_snp"}) {
    p.cpu_tee = tee;
    EXPECT_EQ(decide(p, "host_dram"), "host_dram.cpu_tee") << tee;
    EXPECT_EQ(decide(p, "fs_cache"), "fs_cache.cvm") << tee;
  }
  for (const char* tee : {"tdx", "sev_snp_hiding"}) {
    p.cpu_tee = tee;
    EXPECT_EQ(decide(p, "host_dram"), "host_dram.cpu_tee_no_host_read") << tee;
    EXPECT_EQ(decide(p, "fs_cache"), "fs_cache.cvm_no_host_read") << tee;
  }
  p.cpu_tee = "sev_snp_milan";
  EXPECT_EQ(decide(p, "host_dram"), "host_dram.sev_snp_milan");
  p.cpu_tee = "nvidia_vera";
  EXPECT_EQ(decide(p, "host_dram"), "host_dram.announced_rack_tee");
}

TEST(BundledProtectionsOther, StorageByLinkAttributes) {
  Platform p;
  EXPECT_EQ(decide(p, "object_store", "s3_sse_kms"), "object_store.sse_kms");
  EXPECT_EQ(decide(p, "object_store"), "object_store.none");
  EXPECT_EQ(decide(p, "local_nvme", "nitro_nvme_p5"), "local_nvme.nitro");
  EXPECT_EQ(decide(p, "local_nvme", "nvme_gen4"), "local_nvme.plain");
}

TEST(BundledProtectionsOther, WanByStageTransport) {
  const Catalog& c = bundled_catalog();
  Platform p;
  for (const char* transport : {"tls", "ssh"}) {
    Stage s = stage("s", "wan");
    s.attributes["transport"] = transport;
    EXPECT_EQ(select_protection(c, "wan", stage_attributes(c, p, Place{}, s)).id, "wan.transport");
  }
  EXPECT_EQ(decide(p, "wan"), "wan.plain");
}

TEST(BundledProtectionsOther, NoBundledCombinationIsAmbiguous) {
  const Catalog& c = bundled_catalog();
  for (const PlatformOption& g : c.gpus)
    for (bool cc : {false, true})
      for (const char* mode : {"none", "protected_pcie", "nvlink_encryption"})
        for (const PlatformOption& tee : c.cpu_tees)
          for (bool le : {false, true})
            for (const Medium& m : c.media) {
              Platform p;
              p.gpu = g.id;
              p.confidential_mode = cc;
              p.multi_gpu_mode = mode;
              p.cpu_tee = tee.id;
              p.link_encryption[m.id] = le;
              EXPECT_NO_THROW(decide(p, m.id))
                  << g.id << " " << cc << " " << mode << " " << tee.id << " " << le << " " << m.id;
            }
}

}  // namespace
}  // namespace plainsight
