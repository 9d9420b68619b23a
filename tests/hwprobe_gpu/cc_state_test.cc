#include "hwprobe/gpu/cc_state.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

TEST(CcState, Labels) {
  CcState state;
  state.unknown_why = "no NVML";
  EXPECT_EQ(cc_label(state), "unknown");
  EXPECT_EQ(to_json(state)["reason"], "no NVML");
  state.known = true;
  EXPECT_EQ(cc_label(state), "off");
  state.feature_enabled = true;
  EXPECT_EQ(cc_label(state), "on");
  state.devtools = true;
  EXPECT_EQ(cc_label(state), "devtools");
  // CC feature off with multi-GPU mode protected PCIe: a protected-PCIe node.
  CcState ppcie;
  ppcie.known = true;
  ppcie.multi_gpu_mode = 1;
  EXPECT_EQ(cc_label(ppcie), "protected_pcie");
  ppcie.multi_gpu_mode = 0;
  EXPECT_EQ(cc_label(ppcie), "off");
}

TEST(CcState, JsonCarriesEveryField) {
  CcState state;
  state.known = true;
  state.feature_enabled = true;
  state.environment = 2;
  state.multi_gpu_mode = 1;
  const nlohmann::json json = to_json(state);
  EXPECT_EQ(json["cc"], "on");
  EXPECT_EQ(json["feature"], "enabled");
  EXPECT_EQ(json["environment"], "production");
  EXPECT_EQ(json["multi_gpu_mode"], "protected_pcie");
  EXPECT_EQ(json["multi_gpu_mode_raw"], 1);
}

}  // namespace
}  // namespace hwprobe
