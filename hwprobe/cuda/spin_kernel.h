// nvbandwidth's trick: a kernel that holds a stream until the host has queued all the
// copies of a sample, so CUDA events time the copies back to back and not the host's
// enqueueing. The kernel waits on a flag in mapped host memory, with a time limit so a
// lost release never hangs the GPU; when the limit ends the wait it says so, because the
// copies queued behind it would then be timed with the spin.
#pragma once

#include <cuda_runtime_api.h>

namespace hwprobe::cuda {

// Holds `stream` until *release becomes non-zero (release is the device view of mapped
// host memory) or `timeout_ns` of GPU global time pass; in the second case it sets
// *timed_out (also mapped host memory) to 1.
cudaError_t launch_spin_kernel(cudaStream_t stream, const volatile int* release,
                               unsigned long long timeout_ns, volatile int* timed_out);

}  // namespace hwprobe::cuda
