#include "hwprobe/gpu/gpu_environment.h"

#include <gtest/gtest.h>

#include "fake_nvml.h"

namespace hwprobe {
namespace {

TEST(GpuEnvironment, SaysWhyWhenThereIsNoGpu) {
  Environment env;
  const nlohmann::json gpu = detect_gpu_environment(env, read_nvml(nvml::system_api()));
  ASSERT_TRUE(gpu.is_object());
  EXPECT_TRUE(gpu.contains("nvml"));
  EXPECT_TRUE(gpu.contains("confidential_computing"));
#ifdef PLAINSIGHT_HAVE_CUDA
  EXPECT_TRUE(env.cuda_compiled);
  EXPECT_TRUE(gpu["cuda"]["compiled"].get<bool>());
#else
  EXPECT_FALSE(env.cuda_compiled);
#endif
#ifdef PLAINSIGHT_HAVE_NCCL
  EXPECT_TRUE(env.nccl_compiled);
  EXPECT_FALSE(gpu["nccl"]["library_version"].get<std::string>().empty());
#endif
  if (env.gpu_count > 0) GTEST_SKIP() << "this machine has a GPU";
  EXPECT_FALSE(env.gpu_unavailable.empty());
  EXPECT_GE(gpu["cuda"].value("device_count", 0), 0);
}

// The node's CC state travels in the Environment, which a fake NVML reaches: a
// protected-PCIe node's results carry cc=protected_pcie, so that the analyzer matches them
// to a protected-PCIe scenario only.
TEST(GpuEnvironment, MeasurementParamsCarryTheEnvironmentsCcState) {
  testing::FakeNvml ppcie;
  ppcie.multi_gpu = nvml::kMultiGpuProtectedPcie;
  Environment env;
  const nlohmann::json gpu = detect_gpu_environment(env, read_nvml(testing::fake_nvml_api(ppcie)));
  EXPECT_EQ(env.gpu_cc, "protected_pcie");
  EXPECT_EQ(env.gpu_multi_gpu_mode, "protected_pcie");
  EXPECT_EQ(gpu["confidential_computing"]["cc"], "protected_pcie");
  const nlohmann::json params = gpu_measurement_params(env, "NVIDIA H100");
  EXPECT_EQ(params["gpu"], "NVIDIA H100");
  EXPECT_EQ(params["cc"], "protected_pcie");
  EXPECT_EQ(params["cc_multi_gpu"], "protected_pcie");

  testing::FakeNvml on;
  on.cc_feature = nvml::kCcFeatureEnabled;
  Environment env_on;
  detect_gpu_environment(env_on, read_nvml(testing::fake_nvml_api(on)));
  EXPECT_EQ(gpu_measurement_params(env_on, "x")["cc"], "on");
  EXPECT_EQ(gpu_measurement_params(env_on, "x")["cc_multi_gpu"], "none");
}

TEST(GpuEnvironment, WithoutNvmlTheStateIsUnknown) {
  nvml::Api none;
  none.unavailable = "libnvidia-ml.so.1 not found";
  Environment env;
  detect_gpu_environment(env, read_nvml(none));
  EXPECT_EQ(gpu_measurement_params(env, "x")["cc"], "unknown");
  EXPECT_EQ(gpu_measurement_params(env, "x")["cc_multi_gpu"], "unknown");
}

}  // namespace
}  // namespace hwprobe
