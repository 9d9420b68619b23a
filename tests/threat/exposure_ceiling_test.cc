#include <algorithm>

#include <gtest/gtest.h>

#include "threat_support.h"

namespace plainsight {
namespace {

using testing::analyze_file;
using testing::scenario_path;

bool limited_by(const ExposureCeiling& c, const std::string& protection_id) {
  return std::any_of(c.windows.begin(), c.windows.end(),
                     [&](const CeilingWindow& w) { return w.protection_id == protection_id; });
}

TEST(ExposureCeiling, BundledScenariosOrder) {
  const ExposureCeiling aws = analyze_file(scenario_path("aws-frontier"), {}, false).threat.ceiling;
  const ExposureCeiling hopper =
      analyze_file(scenario_path("silo-hopper"), {}, false).threat.ceiling;
  const ExposureCeiling bw =
      analyze_file(scenario_path("silo-blackwell"), {}, false).threat.ceiling;
  EXPECT_LT(aws.level, hopper.level);
  EXPECT_LE(hopper.level, bw.level);
  // The source's reasons: unencrypted fabric, PCIe and HBM without an accelerator TEE.
  EXPECT_TRUE(limited_by(aws, "fabric.plain"));
  EXPECT_TRUE(limited_by(aws, "pcie.plain"));
  EXPECT_TRUE(limited_by(aws, "hbm.plain"));
  // NVLink plaintext on Hopper.
  EXPECT_TRUE(limited_by(hopper, "nvlink.hopper_ppcie"));
  EXPECT_EQ(hopper.windows.front().stage, "nvlink");
  EXPECT_FALSE(limited_by(bw, "nvlink.hopper_ppcie"));
}

TEST(ExposureCeiling, HandComputed) {
  // OC1's eavesdropper reads the 30 s plaintext WAN window: not even OC1 is kept out.
  Analysis a = analyze_file(testing::data_path("two_windows.yaml"), {}, false);
  EXPECT_EQ(a.threat.ceiling.level, 0);
  EXPECT_EQ(a.threat.ceiling.label, "none");
  EXPECT_EQ(a.threat.ceiling.breached_by, "oc1");
  // With TLS on the WAN, root on the host (OC3) reads HBM: kept out up to OC2.
  Analysis b = analyze_file(testing::data_path("two_windows.yaml"),
                            {"stages.wan.attributes.transport=tls"}, false);
  EXPECT_EQ(b.threat.ceiling.level, 2);
  EXPECT_EQ(b.threat.ceiling.windows.front().stage, "hbm");
  EXPECT_TRUE(b.threat.ceiling.windows.front().readable);
}

TEST(ExposureCeiling, NoBreachReachesTheTop) {
  // Blackwell CC in a CVM with customer keys and no way to HBM: the generated p2p case aside,
  // a scenario with only encrypted stages keeps every level out.
  Analysis a = analyze_file(testing::data_path("two_windows.yaml"),
                            {"stages.wan.attributes.transport=tls", "platform.gpu=b200",
                             "platform.confidential_mode=on", "platform.cpu_tee=sev_snp"},
                            false);
  // HBM stays plaintext to an invasive chip attack (OC5) only.
  EXPECT_EQ(a.threat.ceiling.level, 4);
  EXPECT_EQ(a.threat.ceiling.breached_by, "oc5");
}

}  // namespace
}  // namespace plainsight
