// Places and trust domains in the bundled deployments: whose machine each stage is on decides
// who reaches it, a foothold reads everything its place holds, and the weakest place holding a
// full copy decides the ceiling.
#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analyze/trust_boundaries.h"
#include "threat_support.h"
#include "write/cluster_generator.h"

namespace plainsight {
namespace {

using testing::actor;
using testing::analyze_file;
using ::testing::HasSubstr;
using testing::scenario_path;

const Window& window(const Analysis& a, const std::string& stage) {
  for (const Window& w : a.windows)
    if (w.stage == stage) return w;
  throw std::runtime_error("no window " + stage);
}

Access access(const Window& w, const std::string& capability) {
  for (const Cell& c : w.cells)
    if (c.capability == capability) return c.access;
  throw std::runtime_error("no cell " + capability);
}

// The managed file share stays outside the TEE: the guest's page cache is TDX memory, the
// Filestore servers' buffers and files are Google's, plaintext to its insiders and to every
// client that mounts the share.
TEST(Places, AManagedFileShareStaysOutsideTheTee) {
  const Analysis a = analyze_file(scenario_path("gcp-a3-tdx"), {}, false);
  const Window& guest = window(a, "guest_cache");
  EXPECT_EQ(guest.protection_id, "fs_cache.cvm_no_host_read");  // TDX: the host reads nothing
  EXPECT_EQ(access(guest, "provider_insider"), Access::ciphertext);
  const Window& filer = window(a, "filer_buffers");
  EXPECT_EQ(filer.protection_id, "fs_cache.plain");
  EXPECT_EQ(access(filer, "provider_insider"), Access::plaintext);
  EXPECT_EQ(access(filer, "workload_root"), Access::unreachable);
  const Window& files = window(a, "checkpoint_files");
  EXPECT_EQ(access(files, "file_system_client"), Access::plaintext);
  EXPECT_DOUBLE_EQ(files.plaintext_total_s, 30 * 86400.0);  // kept for the run
  // A CPU TEE what-if on our places does not move the file server's buffers into a guest.
  const Analysis what_if =
      analyze_file(scenario_path("gcp-a3-tdx"), {"platform.confidential_mode=on"}, false);
  EXPECT_EQ(window(what_if, "filer_buffers").protection_id, "fs_cache.plain");
}

// Google offers NVIDIA CC on a3-highgpu-1g only, one GPU per VM: eight are refused, naming the
// offering and the source.
TEST(Places, EightGpusInAGoogleConfidentialVmAreRefused) {
  try {
    load_scenario(scenario_path("gcp-a3-tdx"), testing::bundled_catalog(),
                  {"places[vm].platform.gpus_per_node=8"});
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("--set places[vm].platform.gpus_per_node=8"));
    EXPECT_THAT(e.what(), HasSubstr("offering 'gcp_a3_highgpu_1g'"));
    EXPECT_THAT(e.what(), HasSubstr("a3-highgpu-1g machine types"));
  }
}

// A TEE keeps Azure out of the VM, not whoever logs into it; the key released under Azure's
// default confidential-VM policy goes to stolen credentials with release rights.
TEST(Places, AzureConfidentialVm) {
  const Analysis a = analyze_file(scenario_path("azure-ncc-h100"), {}, false);
  const Window& hbm = window(a, "hbm");
  EXPECT_EQ(access(hbm, "provider_insider"), Access::ciphertext);
  EXPECT_EQ(access(hbm, "host_root"), Access::unreachable);
  EXPECT_EQ(access(hbm, "workload_root"), Access::plaintext);
  EXPECT_EQ(access(window(a, "blob"), "cloud_credentials"), Access::plaintext);
  EXPECT_EQ(a.threat.ceiling.level, 2);
  // Bound to the image: the released key no longer goes to stolen credentials.
  const Analysis bound = analyze_file(scenario_path("azure-ncc-h100"),
                                      {"origin.encrypted_with=azure_skr_image_bound"}, false);
  EXPECT_EQ(access(window(bound, "blob"), "cloud_credentials"), Access::ciphertext);
  // An attested image nobody logs into: root in the workload needs a hole in it first.
  const Analysis attested = analyze_file(
      scenario_path("azure-ncc-h100"),
      {"origin.encrypted_with=azure_skr_image_bound", "places[vm].access=attested"}, false);
  EXPECT_GE(attested.threat.ceiling.level, 3);
}

// Root on one node reads all of its GPUs: the tensor-parallel replica is a full copy. An
// interposer on one GPU's link reads one shard. `count` multiplies the nodes, not the bytes.
TEST(Places, AFootholdOnANodeReadsAllOfItsGpus) {
  ClusterSpec spec;
  spec.classes[0].nodes = 10;
  spec.classes[0].platform.gpus_per_node = 8;
  const Analysis a = testing::analyze_text(cluster_scenario_yaml(spec), false);
  bool root = false, interposer = false;
  for (const Reach& r : actor(a, 4).reach) {
    if (r.stage != "node.hbm" && r.stage != "node.pcie") continue;
    if (r.capability == "host_root" && r.stage == "node.hbm") {
      root = true;
      EXPECT_TRUE(r.readable);
      EXPECT_DOUBLE_EQ(r.bytes_held, 140e9);
      EXPECT_DOUBLE_EQ(r.replicas, 10);  // ten nodes, each reached on its own
    }
    if (r.capability == "bus_interposer") {
      interposer = true;
      EXPECT_DOUBLE_EQ(r.bytes_held, 17.5e9);
      EXPECT_FALSE(r.readable);
    }
  }
  EXPECT_TRUE(root);
  EXPECT_TRUE(interposer);
}

// The on-prem ceiling is decided by the weakest place that holds a full copy: a partner's
// disk, reached in half the time (the scenario's place_reach).
TEST(Places, TheWeakestPlaceHoldingACopyDecides) {
  const Analysis a = analyze_file(scenario_path("onprem-dgx-partners"), {}, false);
  EXPECT_EQ(a.threat.ceiling.level, 2);
  EXPECT_EQ(a.threat.ceiling.path.stage, "partner_disk");
  EXPECT_NEAR(a.threat.ceiling.path.expected_s / 86400, 5.0, 0.01);
  EXPECT_EQ(a.threat.ceiling.path.via.ttc_factor, 0.5);
  // Without the factor, our own cluster and the partners tie at 10 d.
  const Catalog& c = testing::bundled_catalog();
  Scenario s = load_scenario(scenario_path("onprem-dgx-partners"), c);
  s.actor_place_reach.clear();
  Analysis even = analyze(c, s);
  even.threat = analyze_threats(c, even.scenario, even.windows, {}, {});
  EXPECT_NEAR(even.threat.ceiling.path.expected_s / 86400, 10.0, 0.01);
  // The partners' disks are theirs: host root there is the partner's, workload root too.
  const Window& disk = window(a, "partner_disk");
  EXPECT_EQ(disk.replicas, 5);
  EXPECT_EQ(a.scenario.places[disk.place].operator_role, "partner");
  EXPECT_EQ(access(disk, "host_root"), Access::plaintext);
}

// Trust boundaries: flows from one place to another, and into another operator's domain.
TEST(Places, FlowsBetweenPlacesCrossTrustBoundaries) {
  const Analysis a = analyze_file(scenario_path("aws-frontier"), {}, false);
  const std::vector<TrustBoundary> b = trust_boundaries(a.scenario);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_TRUE(b[0].other_operator);   // training (ours) -> FSx (AWS's)
  EXPECT_FALSE(b[1].other_operator);  // FSx -> S3: both AWS's
  EXPECT_TRUE(b[2].other_operator);   // S3 -> serving
  // One platform is one place: no boundary.
  EXPECT_TRUE(trust_boundaries(
                  load_scenario(testing::repo_path("tests/data/aws-frontier-one-platform.yaml"),
                                testing::bundled_catalog()))
                  .empty());
}

}  // namespace
}  // namespace plainsight
