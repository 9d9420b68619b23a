#include "hwprobe/cuda/spin_kernel.h"

namespace hwprobe::cuda {
namespace {

__device__ unsigned long long global_time_ns() {
  unsigned long long t;
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t));
  return t;
}

__global__ void spin(const volatile int* release, unsigned long long timeout_ns,
                     volatile int* timed_out) {
  const unsigned long long start = global_time_ns();
  while (*release == 0 && global_time_ns() - start < timeout_ns) {
  }
  if (*release == 0) *timed_out = 1;
}

}  // namespace

cudaError_t launch_spin_kernel(cudaStream_t stream, const volatile int* release,
                               unsigned long long timeout_ns, volatile int* timed_out) {
  spin<<<1, 1, 0, stream>>>(release, timeout_ns, timed_out);
  return cudaGetLastError();
}

}  // namespace hwprobe::cuda
