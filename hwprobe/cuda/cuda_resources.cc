#include "hwprobe/cuda/cuda_resources.h"

namespace hwprobe::cuda {

std::string device_name(int device) {
  cudaDeviceProp prop{};
  check(cudaGetDeviceProperties(&prop, device), "cudaGetDeviceProperties");
  return prop.name;
}

}  // namespace hwprobe::cuda
