#include "hwprobe/gpu/nvml_report.h"

#include <gtest/gtest.h>

#include "fake_nvml.h"

namespace hwprobe {
namespace {

using testing::fake_nvml;
using testing::fake_nvml_api;
using testing::FakeNvml;

TEST(NvmlReport, LibraryAbsentIsReportedNotFatal) {
  nvml::Api api;
  api.unavailable = "libnvidia-ml.so.1 not found";
  const NvmlReport report = read_nvml(api);
  EXPECT_EQ(report.unavailable, "libnvidia-ml.so.1 not found");
  EXPECT_EQ(cc_label(report.cc), "unknown");
  const nlohmann::json json = to_json(report);
  EXPECT_EQ(json["nvml"], "libnvidia-ml.so.1 not found");
  EXPECT_EQ(json["confidential_computing"]["cc"], "unknown");
}

TEST(NvmlReport, InitFailureIsReported) {
  FakeNvml state;
  state.init = 9;  // NVML_ERROR_DRIVER_NOT_LOADED
  const NvmlReport report = read_nvml(fake_nvml_api(state));
  EXPECT_NE(report.unavailable.find("nvmlInit_v2"), std::string::npos);
  EXPECT_EQ(cc_label(report.cc), "unknown");
}

TEST(NvmlReport, CcOff) {
  FakeNvml state;
  const NvmlReport report = read_nvml(fake_nvml_api(state));
  EXPECT_TRUE(report.unavailable.empty());
  EXPECT_EQ(cc_label(report.cc), "off");
  EXPECT_EQ(multi_gpu_label(report.cc), "none");
  EXPECT_EQ(fake_nvml().settings_version_seen, nvml::kSystemConfComputeSettingsV1);
  EXPECT_EQ(nvml::kSystemConfComputeSettingsV1, 20u | (1u << 24));
  EXPECT_TRUE(fake_nvml().shut_down);
}

TEST(NvmlReport, CcOnProduction) {
  FakeNvml state;
  state.cc_feature = nvml::kCcFeatureEnabled;
  const nlohmann::json cc = to_json(read_nvml(fake_nvml_api(state)))["confidential_computing"];
  EXPECT_EQ(cc["cc"], "on");
  EXPECT_EQ(cc["environment"], "production");
  EXPECT_EQ(cc["devtools_mode"], "off");
}

TEST(NvmlReport, CcOnWithDevtools) {
  FakeNvml state;
  state.cc_feature = nvml::kCcFeatureEnabled;
  state.devtools = nvml::kDevToolsModeOn;
  state.environment = nvml::kEnvironmentSim;
  const NvmlReport report = read_nvml(fake_nvml_api(state));
  EXPECT_EQ(cc_label(report.cc), "devtools");
  EXPECT_EQ(to_json(report.cc)["environment"], "simulated");
}

TEST(NvmlReport, MultiGpuModes) {
  for (auto [mode, label] :
       {std::pair{nvml::kMultiGpuNone, "none"},
        std::pair{nvml::kMultiGpuProtectedPcie, "protected_pcie"},
        std::pair{nvml::kMultiGpuNvle, "nvlink_encryption"}, std::pair{7u, "unknown"}}) {
    FakeNvml state;
    state.multi_gpu = mode;
    EXPECT_EQ(multi_gpu_label(read_nvml(fake_nvml_api(state)).cc), label) << mode;
  }
}

// A Hopper node in protected-PCIe mode: nvidia-smi says "CC State: OFF" and "Multi-GPU Mode:
// Protected PCIe" (the CC feature disabled, multiGpuMode 1).
TEST(NvmlReport, ProtectedPcieNodeReportsCcOffButIsLabelledProtectedPcie) {
  FakeNvml state;
  state.cc_feature = 0;
  state.multi_gpu = nvml::kMultiGpuProtectedPcie;
  const NvmlReport report = read_nvml(fake_nvml_api(state));
  EXPECT_FALSE(report.cc.feature_enabled);
  EXPECT_EQ(cc_label(report.cc), "protected_pcie");
  EXPECT_EQ(multi_gpu_label(report.cc), "protected_pcie");
  const nlohmann::json cc = to_json(report)["confidential_computing"];
  EXPECT_EQ(cc["cc"], "protected_pcie");
  EXPECT_EQ(cc["feature"], "disabled");  // what NVML said, kept as said
  EXPECT_EQ(cc["multi_gpu_mode"], "protected_pcie");
}

TEST(NvmlReport, OlderDriverFallsBackToStateCall) {
  FakeNvml state;
  state.has_settings_call = false;
  state.cc_feature = nvml::kCcFeatureEnabled;
  const NvmlReport report = read_nvml(fake_nvml_api(state));
  EXPECT_EQ(cc_label(report.cc), "on");
  EXPECT_EQ(multi_gpu_label(report.cc), "unknown");  // that driver cannot say
}

TEST(NvmlReport, SettingsErrorFallsBackToStateCall) {
  FakeNvml state;
  state.settings_rc = nvml::kErrorNotSupported;
  const NvmlReport report = read_nvml(fake_nvml_api(state));
  EXPECT_EQ(cc_label(report.cc), "off");
}

TEST(NvmlReport, BothCcQueriesFailingIsUnknownWithReason) {
  FakeNvml state;
  state.settings_rc = nvml::kErrorNotSupported;
  state.state_rc = nvml::kErrorNotSupported;
  const NvmlReport report = read_nvml(fake_nvml_api(state));
  EXPECT_EQ(cc_label(report.cc), "unknown");
  EXPECT_NE(report.cc.unknown_why.find("nvmlSystemGetConfComputeState"), std::string::npos);
}

TEST(NvmlReport, GpusLinksAndP2p) {
  FakeNvml state;
  state.nvlinks = 4;
  state.p2p_status = 5;  // NVML_P2P_STATUS_NOT_SUPPORTED
  const nlohmann::json json = to_json(read_nvml(fake_nvml_api(state)));
  EXPECT_EQ(json["driver_version"], "550.54.15");
  ASSERT_EQ(json["gpus"].size(), 2u);
  EXPECT_EQ(json["gpus"][1]["uuid"], "GPU-fake-1");
  EXPECT_EQ(json["gpus"][0]["name"], "NVIDIA H100 80GB HBM3");
  EXPECT_EQ(json["gpus"][0]["pcie_generation"], 5);
  EXPECT_EQ(json["gpus"][0]["pcie_width"], 16);
  EXPECT_EQ(json["gpus"][0]["nvlink"],
            nlohmann::json({"active", "inactive", "active", "inactive"}));
  EXPECT_TRUE(json["p2p"][0][0].is_null());
  EXPECT_EQ(json["p2p"][0][1]["nvlink"], "not_supported");
}

}  // namespace
}  // namespace hwprobe
