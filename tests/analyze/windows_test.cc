#include "analyze/windows.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analyze/analysis.h"
#include "analyze_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr double kDay = 86400;

std::vector<Window> windows_of(const std::string& scenario,
                               const std::vector<std::string>& sets = {}) {
  return compute_windows(bundled_catalog(), bundled_scenario(scenario, sets));
}

const Window& at(const std::vector<Window>& ws, const std::string& stage) {
  for (const Window& w : ws)
    if (w.stage == stage) return w;
  throw std::runtime_error("no window " + stage);
}

Access access(const Window& w, const std::string& capability) {
  for (const Cell& c : w.cells)
    if (c.capability == capability) return c.access;
  throw std::runtime_error("no cell " + capability);
}

TEST(Windows, OnePerStageInScenarioOrderWithACellPerCapability) {
  Scenario s = bundled_scenario("aws-frontier");
  auto ws = compute_windows(bundled_catalog(), s);
  ASSERT_EQ(ws.size(), s.stages.size());
  for (std::size_t i = 0; i < ws.size(); ++i) {
    EXPECT_EQ(ws[i].stage, s.stages[i].id);
    ASSERT_EQ(ws[i].cells.size(), bundled_catalog().capabilities.size());
    for (std::size_t k = 0; k < ws[i].cells.size(); ++k)
      EXPECT_EQ(ws[i].cells[k].capability, bundled_catalog().capabilities[k].id);
  }
}

TEST(Windows, AwsFrontierStates) {
  auto ws = windows_of("aws-frontier");
  EXPECT_EQ(at(ws, "s3").state, State::ciphertext);
  EXPECT_EQ(at(ws, "s3").protection_id, "object_store.sse_kms");
  EXPECT_EQ(at(ws, "checkpoint_write").state, State::plaintext);
  EXPECT_FALSE(at(ws, "checkpoint_write").resident);
  EXPECT_EQ(at(ws, "fabric").state, State::plaintext);
  EXPECT_TRUE(at(ws, "fabric").resident);
  EXPECT_EQ(at(ws, "staging").state, State::ciphertext_then_plaintext);
  EXPECT_EQ(at(ws, "pcie").state, State::plaintext);
  EXPECT_EQ(at(ws, "pcie").protection_id, "pcie.plain");
  EXPECT_EQ(at(ws, "hbm").state, State::plaintext);
  EXPECT_EQ(at(ws, "hbm").protection_id, "hbm.plain");
}

TEST(Windows, AwsFrontierDurationsAndProvenance) {
  auto ws = windows_of("aws-frontier");
  const Window& ckpt = at(ws, "checkpoint_write");
  EXPECT_DOUBLE_EQ(ckpt.bytes, 5.67e12);
  EXPECT_DOUBLE_EQ(ckpt.per_event.value, 5.67e12 / 2.4e12);  // 1000 MB/s per TiB x 2400 TiB
  EXPECT_EQ(ckpt.per_event.provenance, Provenance::datasheet);
  EXPECT_DOUBLE_EQ(ckpt.events, 360);
  EXPECT_DOUBLE_EQ(ckpt.plaintext_total_s, 360 * 5.67e12 / 2.4e12);
  EXPECT_DOUBLE_EQ(ckpt.plaintext_coverage_s, 360 * 5.67e12 / 2.4e12);

  // 16 GPUs on two serving nodes, each loading its shard over its own link.
  const Window& pcie = at(ws, "pcie");
  EXPECT_DOUBLE_EQ(pcie.bytes, 810e9 / 16);
  EXPECT_DOUBLE_EQ(pcie.per_event.value, 810e9 / 16 / 63e9);
  EXPECT_EQ(pcie.per_event.provenance, Provenance::datasheet);
  EXPECT_EQ(pcie.per_event.source, "pcie5-spec");
  EXPECT_DOUBLE_EQ(pcie.plaintext_total_s, 30 * 810e9 / 16 / 63e9);

  // Each serving node stages its half and decrypts it at NVMe read speed.
  const Window& staging = at(ws, "staging");
  EXPECT_DOUBLE_EQ(staging.resident_s, 30 * kDay);
  EXPECT_DOUBLE_EQ(staging.per_event.value, 810e9 / 2 / 7e9);
  EXPECT_DOUBLE_EQ(staging.plaintext_per_event.value, 810e9 / 2 / 7e9);
  EXPECT_DOUBLE_EQ(staging.plaintext_total_s, 30 * 810e9 / 2 / 7e9);

  const Window& s3 = at(ws, "s3");
  EXPECT_DOUBLE_EQ(s3.per_event.value, 30 * kDay);
  EXPECT_EQ(s3.per_event.provenance, Provenance::assumed);
  EXPECT_DOUBLE_EQ(s3.plaintext_per_event.value, 0);
  EXPECT_DOUBLE_EQ(s3.plaintext_total_s, 0);
  EXPECT_DOUBLE_EQ(s3.plaintext_coverage_s, 0);

  for (const char* resident : {"fabric", "hbm"}) {
    EXPECT_DOUBLE_EQ(at(ws, resident).plaintext_total_s, 30 * kDay) << resident;
    EXPECT_DOUBLE_EQ(at(ws, resident).plaintext_coverage_s, 30 * kDay) << resident;
  }
}

// Whose machine each stage is on decides who reads it: on p5 instances we run on AWS's
// hardware, our root in the VM and a provider insider through its host; at AWS's managed
// services, the provider insider and (S3) stolen credentials with decrypt rights, not our
// root.
TEST(Windows, AwsFrontierReaders) {
  auto ws = windows_of("aws-frontier");
  EXPECT_THAT(at(ws, "fabric").plaintext_readers(),
              UnorderedElementsAre("provider_insider", "workload_root", "fabric_tap",
                                   "firmware_compromise"));
  EXPECT_THAT(at(ws, "checkpoint_write").plaintext_readers(),
              UnorderedElementsAre("provider_insider", "firmware_compromise"));
  EXPECT_EQ(access(at(ws, "checkpoint_write"), "host_root"), Access::unreachable);
  EXPECT_EQ(access(at(ws, "checkpoint_write"), "workload_root"), Access::unreachable);
  EXPECT_THAT(at(ws, "s3").plaintext_readers(),
              UnorderedElementsAre("cloud_credentials", "provider_insider"));
  EXPECT_EQ(access(at(ws, "s3"), "media_theft"), Access::ciphertext);
  EXPECT_EQ(access(at(ws, "s3"), "metadata_observer"), Access::metadata);
  EXPECT_THAT(at(ws, "staging").plaintext_readers(),
              UnorderedElementsAre("provider_insider", "workload_root", "firmware_compromise"));
  EXPECT_EQ(access(at(ws, "staging"), "media_theft"), Access::ciphertext);
  EXPECT_THAT(at(ws, "pcie").plaintext_readers(),
              UnorderedElementsAre("provider_insider", "workload_root", "bus_interposer",
                                   "firmware_compromise"));
  // An invasive chip attack does not read HBM: volatile data is gone from a powered-down chip.
  EXPECT_THAT(at(ws, "hbm").plaintext_readers(),
              UnorderedElementsAre("provider_insider", "workload_root", "firmware_compromise"));
  EXPECT_EQ(access(at(ws, "hbm"), "host_root"), Access::unreachable);
  EXPECT_EQ(access(at(ws, "hbm"), "co_tenant_side_channel"), Access::patterns);
  // The document's view of the fabric is stated; the catalog derives Nitro's encryption.
  EXPECT_EQ(at(ws, "fabric").protection_id, "fabric.plain");
  ASSERT_NE(at(ws, "fabric").derived, nullptr);
  EXPECT_EQ(at(ws, "fabric").derived->id, "fabric.nitro_aead");
}

// AWS documents that Nitro encrypts EFA traffic between p5 instances: the corrected analysis
// has ciphertext on the wire (a fabric tap is out) while root on either host still reads it.
TEST(Windows, AwsFrontierCorrectedFabricIsEncryptedOnTheWire) {
  auto ws = windows_of("aws-frontier", {"stages.fabric.protection=derived"});
  const Window& fabric = at(ws, "fabric");
  EXPECT_EQ(fabric.protection_id, "fabric.nitro_aead");
  EXPECT_EQ(fabric.derived, nullptr);
  EXPECT_EQ(fabric.state, State::ciphertext);
  EXPECT_EQ(access(fabric, "fabric_tap"), Access::ciphertext);
  EXPECT_THAT(fabric.plaintext_readers(),
              UnorderedElementsAre("provider_insider", "workload_root", "firmware_compromise"));
}

// The what-if of the issue: confidential mode on changes the PCIe and HBM rows and nothing else.
TEST(Windows, ConfidentialModeOnChangesExactlyPcieAndHbm) {
  const Catalog& c = bundled_catalog();
  auto off = compute_windows(c, one_platform_scenario());
  auto on = compute_windows(
      c, one_platform_scenario({"platform.confidential_mode=on", "platform.cpu_tee=tdx",
                                "platform.multi_gpu_mode=protected_pcie"}));
  ASSERT_EQ(off.size(), on.size());
  for (std::size_t i = 0; i < off.size(); ++i) {
    const Window& a = off[i];
    const Window& b = on[i];
    std::vector<Access> ca, cb;
    for (const Cell& cell : a.cells) ca.push_back(cell.access);
    for (const Cell& cell : b.cells) cb.push_back(cell.access);
    const bool changed = a.state != b.state || a.decided != b.decided ||
                         a.protection_id != b.protection_id || ca != cb;
    // GPU CC needs a CPU TEE, which also changes what sits in host memory, the guest's page
    // cache and its disk.
    EXPECT_EQ(changed, a.stage == "pcie" || a.stage == "hbm" || a.stage == "staging" ||
                           a.stage == "checkpoint_write")
        << a.stage;
    // Durations do not change from the catalog alone.
    EXPECT_DOUBLE_EQ(a.per_event.value, b.per_event.value) << a.stage;
    EXPECT_DOUBLE_EQ(a.bytes, b.bytes) << a.stage;
  }
  EXPECT_EQ(at(on, "pcie").state, State::ciphertext);
  EXPECT_EQ(at(on, "pcie").protection_id, "pcie.bounce_buffer");
  // Only our own root inside the confidential VM, or a bug in the TEE firmware that keys the
  // bounce buffer (reduced, not closed), reads it: the TEE keeps the host out.
  EXPECT_THAT(at(on, "pcie").plaintext_readers(),
              UnorderedElementsAre("workload_root", "firmware_compromise"));
  EXPECT_DOUBLE_EQ(at(on, "pcie").plaintext_total_s, 0);
  EXPECT_EQ(at(on, "hbm").state, State::plaintext);
  EXPECT_EQ(at(on, "hbm").protection_id, "hbm.cc");
  EXPECT_THAT(at(on, "hbm").plaintext_readers(),
              UnorderedElementsAre("workload_root", "firmware_compromise"));
}

// A CPU TEE on our compute places does not reach a provider's file server: its buffers stay
// outside any guest, whatever the VM runs (the issue's `--set platform.cpu_tee=tdx`).
TEST(Windows, AProvidersFileServerStaysOutsideOurTee) {
  auto off = windows_of(
      "aws-frontier", {"places[training].offering=hgx_b200", "places[serving].offering=hgx_b200"});
  auto tdx =
      windows_of("aws-frontier", {"places[training].offering=hgx_b200",
                                  "places[serving].offering=hgx_b200", "platform.cpu_tee=tdx"});
  EXPECT_EQ(at(tdx, "checkpoint_write").protection_id, "fs_cache.plain");
  EXPECT_EQ(at(tdx, "checkpoint_write").state, State::plaintext);
  EXPECT_EQ(at(off, "staging").protection_id, "local_nvme.nitro");
  EXPECT_EQ(at(tdx, "staging").protection_id, "local_nvme.cvm_nitro");
}

TEST(Windows, GpuOverride) {
  const Catalog& c = bundled_catalog();
  auto b200 = compute_windows(c, one_platform_scenario({"platform.gpu=b200"}));
  EXPECT_EQ(at(b200, "pcie").protection_id, "pcie.plain");  // CC still off
  auto b200_cc = compute_windows(
      c, one_platform_scenario(
             {"platform.gpu=b200", "platform.confidential_mode=on", "platform.cpu_tee=sev_snp"}));
  EXPECT_EQ(at(b200_cc, "pcie").protection_id, "pcie.bounce_buffer");
  EXPECT_EQ(at(b200_cc, "fabric").protection_id, "fabric.plain");
}

// The vendor refuses GPU confidential computing outside a CPU TEE: so does the loader.
TEST(Windows, GpuCcWithoutACpuTeeIsRefused) {
  try {
    one_platform_scenario({"platform.confidential_mode=on"});
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("--set platform.confidential_mode=on"));
    EXPECT_THAT(e.what(), HasSubstr("gpu_cc_needs_cpu_tee"));
    EXPECT_THAT(e.what(), HasSubstr("CPU does not support confidential compute."));
  }
}

TEST(Windows, StageOverrideByIdMakesTheDurationAssumed) {
  auto ws = windows_of("aws-frontier", {"stages.pcie.duration=2s"});
  EXPECT_DOUBLE_EQ(at(ws, "pcie").per_event.value, 2);
  EXPECT_EQ(at(ws, "pcie").per_event.provenance, Provenance::assumed);
  EXPECT_THAT(at(ws, "pcie").per_event.source, HasSubstr("--set stages.pcie.duration=2s"));
  EXPECT_DOUBLE_EQ(at(ws, "pcie").plaintext_total_s, 60);
}

TEST(Windows, SiloHopper) {
  auto ws = windows_of("silo-hopper");
  EXPECT_EQ(at(ws, "object_store").state, State::ciphertext);
  EXPECT_EQ(at(ws, "object_store").protection_id, "customer_user_specific");
  EXPECT_THAT(at(ws, "object_store").plaintext_readers(), IsEmpty());
  EXPECT_EQ(at(ws, "cvm_decrypt").state, State::ciphertext_then_plaintext);
  EXPECT_EQ(at(ws, "cvm_decrypt").protection_id, "host_dram.cpu_tee");
  // Only a TEE firmware bug, or a hole in the attested image nobody logs into, reads it
  // (reduced, not closed).
  EXPECT_THAT(at(ws, "cvm_decrypt").plaintext_readers(),
              UnorderedElementsAre("firmware_compromise", "workload_root"));
  EXPECT_EQ(access(at(ws, "cvm_decrypt"), "bus_interposer"), Access::patterns);
  EXPECT_EQ(access(at(ws, "cvm_decrypt"), "provider_insider"), Access::patterns);
  EXPECT_EQ(access(at(ws, "cvm_decrypt"), "host_root"), Access::unreachable);  // rented hardware
  EXPECT_EQ(at(ws, "pcie").state, State::ciphertext);
  EXPECT_EQ(at(ws, "pcie").protection_id, "pcie.bounce_buffer");
  // NVLink plaintext on the wire: shielded from host software, not from an interposer.
  EXPECT_EQ(at(ws, "nvlink").state, State::plaintext);
  EXPECT_EQ(at(ws, "nvlink").protection_id, "nvlink.hopper_ppcie");
  EXPECT_THAT(at(ws, "nvlink").plaintext_readers(),
              UnorderedElementsAre("bus_interposer", "workload_root", "firmware_compromise"));
  EXPECT_EQ(at(ws, "hbm").protection_id, "hbm.cc");
  EXPECT_THAT(at(ws, "hbm").plaintext_readers(),
              UnorderedElementsAre("firmware_compromise", "workload_root"));
}

TEST(Windows, SiloBlackwellEncryptsPcieAndNvlink) {
  auto ws = windows_of("silo-blackwell");
  EXPECT_EQ(at(ws, "pcie").protection_id, "pcie.bounce_buffer");  // no TDISP/IDE yet
  EXPECT_EQ(at(ws, "pcie").state, State::ciphertext);
  EXPECT_EQ(at(ws, "nvlink").protection_id, "nvlink.encrypted");
  EXPECT_EQ(at(ws, "nvlink").state, State::ciphertext);
  // A TEE firmware bug reads it too (reduced, not closed): encryption keyed by that firmware.
  EXPECT_THAT(at(ws, "nvlink").plaintext_readers(),
              UnorderedElementsAre("workload_root", "firmware_compromise"));
}

// NVIDIA announced CC for the Vera Rubin rack (CPU, GPU, NVLink), not the scale-out fabric:
// the fabric stays plaintext unless the Silo document's claim is stated.
TEST(Windows, VeraRubinFabricIsNotCoveredAndItWarnsItIsAnnounced) {
  Analysis a = analyze(bundled_catalog(), bundled_scenario("vera-rubin-multinode"));
  const Window* fabric = nullptr;
  for (const Window& w : a.windows)
    if (w.medium == "fabric") fabric = &w;
  ASSERT_NE(fabric, nullptr);
  EXPECT_EQ(fabric->state, State::plaintext);
  EXPECT_EQ(fabric->protection_id, "fabric.plain");
  EXPECT_THAT(fabric->plaintext_readers(), ::testing::Contains("host_root"));
  auto claimed =
      windows_of("vera-rubin-multinode", {"stages.fabric.protection=fabric.multinode_tee"});
  EXPECT_EQ(at(claimed, "fabric").state, State::ciphertext);
  EXPECT_EQ(at(claimed, "fabric").derived->id, "fabric.plain");
  ASSERT_FALSE(a.warnings.empty());
  EXPECT_EQ(a.warnings[0].kind, AnalysisWarning::Kind::announced_gpu);
  ASSERT_NE(a.warnings[0].gpu, nullptr);
  EXPECT_EQ(a.warnings[0].gpu->source.status, Status::announced);
  EXPECT_THAT(analyze(bundled_catalog(), bundled_scenario("aws-frontier")).warnings, IsEmpty());
}

TEST(Windows, CloudRelayHoldsPlaintextForItsRetention) {
  auto ws = windows_of("transfer-cloud-relay");
  EXPECT_EQ(at(ws, "upload").state, State::ciphertext);
  EXPECT_EQ(at(ws, "upload").protection_id, "wan.transport");
  EXPECT_DOUBLE_EQ(at(ws, "upload").per_event.value, 112);  // 140 GB at 10 Gb/s
  EXPECT_EQ(access(at(ws, "upload"), "metadata_observer"), Access::metadata);
  const Window& relay = at(ws, "relay");
  EXPECT_EQ(relay.state, State::plaintext);
  EXPECT_THAT(relay.plaintext_readers(), UnorderedElementsAre("relay_breach", "cloud_credentials"));
  EXPECT_DOUBLE_EQ(relay.per_event.value, 7 * kDay);
  EXPECT_DOUBLE_EQ(relay.events, 360);
  EXPECT_DOUBLE_EQ(relay.plaintext_total_s, 360 * 7 * kDay);
  EXPECT_DOUBLE_EQ(relay.plaintext_coverage_s, 30 * kDay);
}

// Nothing in between holds plaintext; the receiving host does, whatever the transport: SSH
// ends at the server (sshd), end-to-end encryption in the receiving application.
TEST(Windows, ScpAndPeerToPeerHoldPlaintextOnlyAtTheRecipient) {
  for (const char* name : {"transfer-scp", "transfer-p2p-e2e"})
    for (const Window& w : windows_of(name)) {
      const bool endpoint = w.medium == "host_dram";
      EXPECT_EQ(w.plaintext_readers().empty(), !endpoint) << name << " " << w.stage;
      if (!endpoint) {
        EXPECT_DOUBLE_EQ(w.plaintext_total_s, 0) << name << " " << w.stage;
      } else {
        EXPECT_THAT(w.plaintext_readers(), ::testing::Contains("host_root")) << name;
      }
    }
  EXPECT_EQ(at(windows_of("transfer-scp"), "tunnel").state, State::ciphertext);
  EXPECT_EQ(at(windows_of("transfer-p2p-e2e"), "recipient").state,
            State::ciphertext_then_plaintext);
  auto p2p = windows_of("transfer-p2p-e2e");
  EXPECT_EQ(access(at(p2p, "rendezvous"), "relay_breach"), Access::ciphertext);
  EXPECT_EQ(access(at(p2p, "rendezvous"), "metadata_observer"), Access::metadata);
}

// Bug fixed: a resident stage marked 'decrypts' that receives plaintext (nothing encrypted
// upstream) was reported plaintext for the decrypt only (30 x 1 min) although the bytes sat
// there in plaintext for the whole horizon: an under-reported exposure.
TEST(Windows, DecryptingStageWithoutCiphertextIsPlaintextForItsWholeResidence) {
  YamlFile f = YamlFile::parse(R"(name: t
horizon: 30d
asset: {parameters: 70e9}
platform: {gpu: h100}
stages:
  - {id: host, medium: host_dram, resident: horizon, duration: 60s, decrypts: true,
     events: {count: 30}}
)",
                               "t.yaml");
  Scenario s = read_scenario(f, bundled_catalog());
  auto ws = compute_windows(bundled_catalog(), s);
  ASSERT_EQ(ws.size(), 1u);
  EXPECT_EQ(ws[0].state, State::plaintext);
  EXPECT_DOUBLE_EQ(ws[0].plaintext_coverage_s, 30 * kDay);
  EXPECT_DOUBLE_EQ(ws[0].plaintext_total_s, 30 * kDay);
  EXPECT_DOUBLE_EQ(ws[0].events, 1);
  EXPECT_TRUE(ws[0].decrypts_nothing);
  // With the blob encrypted on arrival, the decrypt is the plaintext window.
  s.origin_encrypted = true;
  s.origin_custody = "end_to_end";
  s.origin_scheme = "AES-256-GCM";
  auto enc = compute_windows(bundled_catalog(), s);
  EXPECT_EQ(enc[0].state, State::ciphertext_then_plaintext);
  EXPECT_DOUBLE_EQ(enc[0].plaintext_total_s, 30 * 60);
}

TEST(Windows, EveryBundledWindowHasProvenance) {
  for (const char* name : {"aws-frontier", "silo-hopper", "silo-blackwell", "vera-rubin-multinode",
                           "transfer-cloud-relay", "transfer-scp", "transfer-p2p-e2e"})
    for (const Window& w : windows_of(name)) {
      EXPECT_FALSE(w.per_event.source.empty()) << name << " " << w.stage;
      EXPECT_GT(w.per_event.value, 0) << name << " " << w.stage;
      EXPECT_LE(w.plaintext_coverage_s, bundled_scenario(name).horizon_s);
    }
}

}  // namespace
}  // namespace plainsight
