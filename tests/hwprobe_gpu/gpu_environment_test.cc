#include "hwprobe/gpu/gpu_environment.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

TEST(GpuEnvironment, SaysWhyWhenThereIsNoGpu) {
  Environment env;
  const nlohmann::json gpu = detect_gpu_environment(env);
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

TEST(GpuEnvironment, MeasurementParamsCarryCcState) {
  const nlohmann::json params = gpu_measurement_params("NVIDIA H100");
  EXPECT_EQ(params["gpu"], "NVIDIA H100");
  const std::string cc = params["cc"];
  EXPECT_TRUE(cc == "on" || cc == "off" || cc == "devtools" || cc == "unknown") << cc;
  EXPECT_TRUE(params.contains("cc_multi_gpu"));
}

}  // namespace
}  // namespace hwprobe
