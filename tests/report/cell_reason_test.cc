// The words for each cell basis: what the exposure matrix, the ceiling and the attack paths
// say about why a capability gets what it gets at a stage.
#include "report/cell_reason.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analyze/exposure_cell.h"
#include "report_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;

const ProtectionRule& rule(const std::string& id) {
  return *Catalog::find(bundled_catalog().protections, id);
}

// A machine of ours; and a provider's managed service.
Place ours() {
  Place p;
  p.id = p.name = "ours";
  p.attributes = {{"place.kind", "compute_host"},
                  {"place.operator", "us"},
                  {"place.hardware", "us"},
                  {"place.access", "administered"},
                  {"place.offering", "custom"}};
  return p;
}
Place file_service() {
  Place p;
  p.id = "fsx";
  p.name = "Amazon FSx for Lustre";
  p.kind = "managed_service";
  p.operator_role = p.hardware = "provider";
  p.operator_name = "Amazon Web Services";
  p.attributes = {{"place.kind", "managed_service"},
                  {"place.operator", "provider"},
                  {"place.hardware", "provider"},
                  {"place.access", "administered"},
                  {"place.offering", "aws_fsx_lustre"}};
  return p;
}

// The reason of `capability` at a stage on `medium` under `rule_id`, with `arriving`.
std::string reason(const std::string& capability, const std::string& medium,
                   const std::string& rule_id, Content arriving = {}, bool decrypts = false,
                   const Place& place = ours()) {
  const Catalog& c = bundled_catalog();
  Stage s;
  s.id = s.name = "s";
  s.medium = medium;
  s.decrypts = decrypts;
  Window w;
  w.medium = medium;
  w.scheme = arriving.scheme;
  const Cell cell =
      exposure_cell(c, *c.capability(capability), s, arriving, rule(rule_id), place.attributes);
  return cell_reason(c, place, w, cell);
}

const Content kUserKey{true, "customer_user_specific", "AES-256-GCM"};

TEST(CellReason, SaysWhatDecidesTheCell) {
  EXPECT_EQ(reason("fabric_tap", "pcie", "pcie.plain"),
            bundled_catalog().capability("fabric_tap")->name + " does not reach " +
                bundled_catalog().medium("pcie")->name);
  EXPECT_EQ(reason("host_root", "pcie", "pcie.plain"), rule("pcie.plain").label);
  EXPECT_EQ(reason("cloud_credentials", "object_store", "object_store.sse_kms"),
            "decrypts through the key service: " + rule("object_store.sse_kms").label);
  EXPECT_THAT(reason("metadata_observer", "wan", "wan.transport"), HasSubstr("whatever the"));
  EXPECT_THAT(reason("host_root", "host_dram", "host_dram.plain", kUserKey),
              HasSubstr("encrypted before arrival (AES-256-GCM, "));
  EXPECT_THAT(reason("host_root", "host_dram", "host_dram.plain", kUserKey, true),
              HasSubstr("decrypted here; "));
  // Whose machine it is: our root does not reach a provider's file server.
  EXPECT_EQ(reason("host_root", "fs_cache", "fs_cache.plain", {}, false, file_service()),
            "Root on the host does not reach Amazon FSx for Lustre (managed service run by "
            "Amazon Web Services): whose machine it is decides");
}

TEST(CellReason, ReducedPatternsKeysAndSideChannels) {
  EXPECT_THAT(reason("firmware_compromise", "hbm", "hbm.cc"),
              HasSubstr("reduced, not closed: only after it can"));
  EXPECT_THAT(reason("bus_interposer", "host_dram", "host_dram.cpu_tee"),
              HasSubstr(rule("host_dram.cpu_tee").note));
  EXPECT_THAT(reason("bus_interposer", "host_dram", "host_dram.cpu_tee"),
              HasSubstr("; and the attestation key"));
  EXPECT_THAT(reason("co_tenant_side_channel", "hbm", "hbm.plain"),
              HasSubstr("a side channel yields patterns, not the bytes"));
  EXPECT_THAT(reason("invasive_chip", "hbm", "hbm.cc"), HasSubstr("gets the attestation key here"));
  EXPECT_THAT(reason("invasive_chip", "hbm", "hbm.plain"), HasSubstr("no key worth having"));
}

}  // namespace
}  // namespace plainsight
