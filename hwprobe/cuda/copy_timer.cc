#include "hwprobe/cuda/copy_timer.h"

#include <algorithm>
#include <chrono>

#include "hwprobe/cuda/spin_kernel.h"

namespace hwprobe::cuda {
namespace {

// A safety net only: the host releases the kernel microseconds after queuing the copies.
constexpr unsigned long long kSpinTimeoutNs = 1'000'000'000ull;

}  // namespace

CopyTimer::CopyTimer(std::vector<Lane> lanes, const Environment& env) : lanes_(std::move(lanes)) {
  if (lanes_.empty()) throw ProbeError("CopyTimer: no lanes");
  start_ = std::make_unique<Event>(lanes_[0].device);
  stop_ = std::make_unique<Event>(lanes_[0].device);
  for (std::size_t i = 1; i < lanes_.size(); ++i)
    joins_.push_back(std::make_unique<Event>(lanes_[i].device));
  void* host = nullptr;
  check(cudaSetDevice(lanes_[0].device), "cudaSetDevice");
  // Under CC the GPU reaches host memory only through the driver's encrypted bounce
  // buffers, so a kernel polling a host flag is not a thing to rely on: no spin there, nor
  // in protected-PCIe mode (a confidential VM's memory as well).
  const bool cc_off = env.gpu_cc == "off" || env.gpu_cc == "unknown";
  if (cc_off && cudaHostAlloc(&host, 2 * sizeof(int), cudaHostAllocMapped) == cudaSuccess) {
    void* device = nullptr;
    if (cudaHostGetDevicePointer(&device, host, 0) == cudaSuccess) {
      release_host_ = static_cast<volatile int*>(host);
      release_device_ = static_cast<int*>(device);
    } else {
      cudaFreeHost(host);
    }
  }
  cudaGetLastError();  // a refused mapping is an answer, not an error for later calls
}

CopyTimer::~CopyTimer() {
  if (release_host_ != nullptr) cudaFreeHost(const_cast<int*>(release_host_));
}

void CopyTimer::synchronize_all() {
  for (const Lane& lane : lanes_) {
    check(cudaSetDevice(lane.device), "cudaSetDevice");
    check(cudaStreamSynchronize(lane.stream), "cudaStreamSynchronize");
  }
}

std::optional<double> CopyTimer::time_events(int copies_per_lane, const EnqueueCopy& enqueue,
                                             bool use_spin) {
  synchronize_all();
  const Lane& first = lanes_[0];
  const bool spin = use_spin && spin_available();
  check(cudaSetDevice(first.device), "cudaSetDevice");
  if (spin) {
    release_host_[0] = 0;
    release_host_[1] = 0;
    check(launch_spin_kernel(first.stream, release_device_, kSpinTimeoutNs, release_device_ + 1),
          "spin kernel");
  }
  check(cudaEventRecord(start_->get(), first.stream), "cudaEventRecord");
  // Other lanes start when the first does (after the spin kernel lets go).
  for (std::size_t i = 1; i < lanes_.size(); ++i) {
    check(cudaStreamWaitEvent(lanes_[i].stream, start_->get(), 0), "cudaStreamWaitEvent");
  }
  for (int c = 0; c < copies_per_lane; ++c) {
    for (std::size_t i = 0; i < lanes_.size(); ++i) enqueue(i);
  }
  for (std::size_t i = 1; i < lanes_.size(); ++i) {
    check(cudaSetDevice(lanes_[i].device), "cudaSetDevice");
    check(cudaEventRecord(joins_[i - 1]->get(), lanes_[i].stream), "cudaEventRecord");
    check(cudaStreamWaitEvent(first.stream, joins_[i - 1]->get(), 0), "cudaStreamWaitEvent");
  }
  check(cudaSetDevice(first.device), "cudaSetDevice");
  check(cudaEventRecord(stop_->get(), first.stream), "cudaEventRecord");
  if (spin) release_host_[0] = 1;
  check(cudaEventSynchronize(stop_->get()), "cudaEventSynchronize");
  synchronize_all();
  // Enqueueing outlasted the kernel's limit: the copies started behind a spin that ended by
  // itself, so the events time the spin too.
  if (spin && release_host_[1] != 0) return std::nullopt;
  float ms = 0;
  check(cudaEventElapsedTime(&ms, start_->get(), stop_->get()), "cudaEventElapsedTime");
  return static_cast<double>(ms) / 1e3;
}

double CopyTimer::time_host(int copies_per_lane, const EnqueueCopy& enqueue) {
  synchronize_all();
  const auto begin = std::chrono::steady_clock::now();
  for (int c = 0; c < copies_per_lane; ++c) {
    for (std::size_t i = 0; i < lanes_.size(); ++i) enqueue(i);
  }
  synchronize_all();
  const auto end = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(end - begin).count();
}

}  // namespace hwprobe::cuda
