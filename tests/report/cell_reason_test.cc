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

// The reason of `capability` at a stage on `medium` under `rule_id`, with `arriving`.
std::string reason(const std::string& capability, const std::string& medium,
                   const std::string& rule_id, Content arriving = {}, bool decrypts = false) {
  const Catalog& c = bundled_catalog();
  Stage s;
  s.id = s.name = "s";
  s.medium = medium;
  s.decrypts = decrypts;
  Window w;
  w.medium = medium;
  w.scheme = arriving.scheme;
  const Cell cell = exposure_cell(c, *c.capability(capability), s, arriving, rule(rule_id));
  return cell_reason(c, w, cell);
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
