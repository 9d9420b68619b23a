// Timing a batch of GPU copies two ways, as nvbandwidth does and as confidential computing
// requires: CUDA events around copies queued behind the spin kernel (what the copy engine
// takes), and the host clock from enqueue to completion (what the caller waits; under CC
// the driver encrypts through a bounce buffer on the CPU, which events do not see whole).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "hwprobe/cuda/cuda_resources.h"
#include "hwprobe/harness/probe.h"

namespace hwprobe::cuda {

// One stream taking part in a timed batch; several lanes run concurrently (bidirectional
// peer copies put one lane on each GPU).
struct Lane {
  int device;
  cudaStream_t stream;
};

// Enqueues one copy on lane `lane` (no synchronisation inside).
using EnqueueCopy = std::function<void(std::size_t lane)>;

class CopyTimer {
 public:
  // The spin kernel holds the first lane when mapped pinned host memory is available and
  // the node's CC state (env.gpu_cc) is off or unknown; otherwise event timing runs
  // without it (said in the results).
  CopyTimer(std::vector<Lane> lanes, const Environment& env);
  ~CopyTimer();
  CopyTimer(const CopyTimer&) = delete;
  CopyTimer& operator=(const CopyTimer&) = delete;

  bool spin_available() const { return release_host_ != nullptr; }

  // Seconds per round of `copies_per_lane` copies on every lane, measured by events.
  // With use_spin false (pageable memory, whose copies synchronise with the host) the
  // copies are timed as they are enqueued. Nothing when the spin kernel timed out before
  // the host released it: the events then include the spin, and the trial is discarded.
  std::optional<double> time_events(int copies_per_lane, const EnqueueCopy& enqueue, bool use_spin);
  // Seconds from the first enqueue to the completion of every lane, by the host clock.
  double time_host(int copies_per_lane, const EnqueueCopy& enqueue);

 private:
  void synchronize_all();

  std::vector<Lane> lanes_;
  // Mapped host memory: [0] the release flag, [1] the kernel's timed-out flag.
  volatile int* release_host_ = nullptr;
  int* release_device_ = nullptr;
  std::unique_ptr<Event> start_;
  std::unique_ptr<Event> stop_;
  std::vector<std::unique_ptr<Event>> joins_;
};

}  // namespace hwprobe::cuda
