#include "analyze/exposure_cell.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analyze_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;

const Capability& cap(const std::string& id) { return *bundled_catalog().capability(id); }

const ProtectionRule& rule(const std::string& id) {
  return *Catalog::find(bundled_catalog().protections, id);
}

// A machine of ours (the one place of a scenario without places), a provider's managed
// service, and a cloud VM of ours on a provider's hardware.
const Attributes kOurs{{"place.kind", "compute_host"},
                       {"place.operator", "us"},
                       {"place.hardware", "us"},
                       {"place.access", "administered"},
                       {"place.offering", "custom"}};
const Attributes kProviderService{{"place.kind", "managed_service"},
                                  {"place.operator", "provider"},
                                  {"place.hardware", "provider"},
                                  {"place.access", "administered"},
                                  {"place.offering", "aws_fsx_lustre"}};
Attributes cloud_vm(const std::string& access = "administered") {
  return {{"place.kind", "compute_host"},
          {"place.operator", "us"},
          {"place.hardware", "provider"},
          {"place.access", access},
          {"place.offering", "custom"}};
}

Cell cell(const std::string& capability, const std::string& medium, const std::string& rule_id,
          Content arriving = {}, bool decrypts = false, const Attributes& place = kOurs) {
  Stage s = stage("s", medium);
  s.decrypts = decrypts;
  return exposure_cell(bundled_catalog(), cap(capability), s, arriving, rule(rule_id), place);
}

const Content kProviderKms{true, "provider_kms", "KMS envelope"};
const Content kUserKey{true, "customer_user_specific", "AES-256-GCM"};

TEST(ExposureCell, UnreachableWhereTheCapabilityDoesNotReach) {
  Cell c = cell("fabric_tap", "pcie", "pcie.plain");
  EXPECT_EQ(c.access, Access::unreachable);
  EXPECT_EQ(c.decided_by, "reach");
  EXPECT_EQ(c.basis, CellBasis::out_of_reach);
  EXPECT_EQ(cell("invasive_chip", "pcie", "pcie.plain").access, Access::unreachable);
}

TEST(ExposureCell, PlaintextWhereNothingProtects) {
  Cell c = cell("host_root", "pcie", "pcie.plain");
  EXPECT_EQ(c.access, Access::plaintext);
  EXPECT_EQ(c.decided_by, "pcie.plain");
  EXPECT_EQ(c.basis, CellBasis::rule_plaintext);
  EXPECT_EQ(c.rule, &rule("pcie.plain"));
}

TEST(ExposureCell, MetadataObserverSeesMetadataWhateverTheEncryption) {
  for (const Content& in : {Content{}, kUserKey}) {
    Cell c = cell("metadata_observer", "wan", "wan.transport", in);
    EXPECT_EQ(c.access, Access::metadata);
    EXPECT_EQ(c.decided_by, "metadata");
  }
}

TEST(ExposureCell, BlockedCapabilitiesSeeCiphertext) {
  Cell c = cell("host_root", "pcie", "pcie.bounce_buffer");
  EXPECT_EQ(c.access, Access::ciphertext);
  EXPECT_EQ(c.decided_by, "pcie.bounce_buffer");
  EXPECT_EQ(cell("media_theft", "object_store", "object_store.sse_kms").access, Access::ciphertext);
}

// Whose machine it is decides who reaches it: our root does not reach a provider's file
// server, a provider insider does; on a cloud VM of ours, the host is the provider's.
TEST(ExposureCell, CapabilitiesReachPlacesByWhoRunsThem) {
  Cell ours = cell("host_root", "fs_cache", "fs_cache.plain", {}, false, kProviderService);
  EXPECT_EQ(ours.access, Access::unreachable);
  EXPECT_EQ(ours.basis, CellBasis::other_place);
  EXPECT_EQ(
      cell("provider_insider", "fs_cache", "fs_cache.plain", {}, false, kProviderService).access,
      Access::plaintext);
  EXPECT_EQ(cell("workload_root", "fs_cache", "fs_cache.plain", {}, false, kProviderService).access,
            Access::unreachable);
  EXPECT_EQ(cell("host_root", "hbm", "hbm.plain", {}, false, cloud_vm()).access,
            Access::unreachable);
  EXPECT_EQ(cell("provider_insider", "hbm", "hbm.plain", {}, false, cloud_vm()).access,
            Access::plaintext);
  EXPECT_EQ(cell("provider_insider", "hbm", "hbm.plain", {}, false, kOurs).access,
            Access::unreachable);
}

// A provider insider is root on the provider's hosts: what keeps host root out keeps it out.
// Root in our own workload runs inside the TEE: a bounce buffer does not keep it out.
TEST(ExposureCell, TeesKeepTheHostOutNotTheWorkloadsOwnRoot) {
  EXPECT_EQ(cell("provider_insider", "pcie", "pcie.bounce_buffer", {}, false, cloud_vm()).access,
            Access::ciphertext);
  EXPECT_EQ(
      cell("provider_insider", "host_dram", "host_dram.cpu_tee", {}, false, cloud_vm()).access,
      Access::patterns);
  const Cell admin = cell("workload_root", "pcie", "pcie.bounce_buffer", {}, false, cloud_vm());
  EXPECT_EQ(admin.access, Access::plaintext);
  EXPECT_EQ(admin.reduced, nullptr);
  // An attested image nobody logs into: reduced, not closed.
  const Cell attested =
      cell("workload_root", "pcie", "pcie.bounce_buffer", {}, false, cloud_vm("attested"));
  EXPECT_EQ(attested.access, Access::plaintext);
  ASSERT_NE(attested.reduced, nullptr);
  EXPECT_THAT(attested.reduced->step, HasSubstr("attested image"));
}

TEST(ExposureCell, RuleKeyReadersDecryptThroughTheKeyService) {
  Cell c = cell("cloud_credentials", "object_store", "object_store.sse_kms");
  EXPECT_EQ(c.access, Access::plaintext);
  EXPECT_EQ(c.decided_by, "object_store.sse_kms");
  EXPECT_EQ(c.basis, CellBasis::rule_key_reader);
}

TEST(ExposureCell, CustodyKeyReadersDecryptWhatAFlowEncrypted) {
  Cell c = cell("cloud_credentials", "object_store", "object_store.sse_kms", kProviderKms);
  EXPECT_EQ(c.access, Access::plaintext);
  EXPECT_EQ(c.decided_by, "provider_kms");
  EXPECT_EQ(c.basis, CellBasis::key_service);
  // A user-specific key has no readers: the same capability sees ciphertext.
  Cell d = cell("cloud_credentials", "object_store", "object_store.sse_kms", kUserKey);
  EXPECT_EQ(d.access, Access::ciphertext);
  EXPECT_EQ(d.decided_by, "customer_user_specific");
  // Encrypted arrival overrides a plaintext medium.
  Cell e = cell("host_root", "host_dram", "host_dram.plain", kUserKey);
  EXPECT_EQ(e.access, Access::ciphertext);
  EXPECT_EQ(e.basis, CellBasis::arrived_encrypted);
}

TEST(ExposureCell, DecryptingStageFallsBackToTheMediumRule) {
  Cell c = cell("host_root", "host_dram", "host_dram.plain", kUserKey, /*decrypts=*/true);
  EXPECT_EQ(c.access, Access::plaintext);
  EXPECT_EQ(c.decided_by, "host_dram.plain");
  EXPECT_TRUE(c.decrypted_here);
  // Root on the host sees deterministic ciphertext in a CPU TEE: patterns (CipherLeaks).
  Cell d = cell("host_root", "host_dram", "host_dram.cpu_tee", kUserKey, true);
  EXPECT_EQ(d.access, Access::patterns);
}

TEST(ExposureCell, ADramInterposerGetsPatternsAndTheAttestationKey) {
  Cell c = cell("bus_interposer", "host_dram", "host_dram.cpu_tee");
  EXPECT_EQ(c.access, Access::patterns);
  ASSERT_NE(c.extracts, nullptr);
  EXPECT_EQ(c.extracts->key, "attestation");
  EXPECT_EQ(c.extracts->source.id, "tee-fail-2025");
  EXPECT_EQ(c.extracts->source.status, Status::research);
}

TEST(ExposureCell, AnInvasiveAttackGetsTheChipKeyNotARunningTeesMemory) {
  // Under GPU CC: the identity key, never the bytes.
  Cell cc = cell("invasive_chip", "hbm", "hbm.cc");
  EXPECT_NE(cc.access, Access::plaintext);
  ASSERT_NE(cc.extracts, nullptr);
  EXPECT_EQ(cc.extracts->key, "attestation");
  // Without CC: no key worth having, and still not the bytes.
  Cell plain = cell("invasive_chip", "hbm", "hbm.plain");
  EXPECT_EQ(plain.access, Access::unreachable);
  EXPECT_EQ(plain.extracts, nullptr);
}

TEST(ExposureCell, TeeFirmwareIsReducedNotClosed) {
  Cell c = cell("firmware_compromise", "hbm", "hbm.cc");
  EXPECT_EQ(c.access, Access::plaintext);
  ASSERT_NE(c.reduced, nullptr);
  EXPECT_THAT(c.reduced->step, HasSubstr("TEE's own firmware"));
  EXPECT_EQ(c.basis, CellBasis::rule_plaintext);
  // A side channel in a CPU TEE: patterns, not blocked.
  EXPECT_EQ(cell("co_tenant_side_channel", "host_dram", "host_dram.cpu_tee").access,
            Access::patterns);
}

TEST(ExposureCell, PatternsOnlyUnderDeterministicEncryption) {
  Cell c = cell("bus_interposer", "host_dram", "host_dram.cpu_tee");
  EXPECT_EQ(c.access, Access::patterns);
  EXPECT_EQ(c.decided_by, "host_dram.cpu_tee");
  EXPECT_EQ(c.basis, CellBasis::rule_patterns);
}

TEST(ExposureCell, SideChannelYieldsPatternsNotTheBytes) {
  Cell c = cell("co_tenant_side_channel", "hbm", "hbm.plain");
  EXPECT_EQ(c.access, Access::patterns);
  EXPECT_TRUE(c.side_channel);
  // GPU CC fences HBM from host software, not from a neighbour's timing: still patterns.
  EXPECT_EQ(cell("co_tenant_side_channel", "hbm", "hbm.cc").access, Access::patterns);
  // Where a rule blocks it, it gets ciphertext.
  EXPECT_EQ(cell("co_tenant_side_channel", "host_dram", "host_dram.announced_rack_tee").access,
            Access::ciphertext);
}

}  // namespace
}  // namespace plainsight
