// The size sweep, trial count and time bound of one probe run, from the command line's
// options and the probe's defaults. Shared by the CUDA, NCCL and fabric probes.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

struct SweepDefaults {
  std::uint64_t min_bytes = 4 << 10;
  std::uint64_t max_bytes = 1ull << 30;
  std::uint64_t quick_max_bytes = 16 << 20;
  int trials = 10;
  int quick_trials = 3;
};

// The sweep of the copy and collective probes (cuda.h2d/d2h, cuda.peer, nccl.*): 4 KiB to
// 1 GiB as nvbandwidth and nccl-tests sweep, up to 64 MiB with --quick.
inline constexpr SweepDefaults kTransferSweep{.min_bytes = 4 << 10,
                                              .max_bytes = 1ull << 30,
                                              .quick_max_bytes = 64 << 20,
                                              .trials = 10,
                                              .quick_trials = 3};

struct SweepPlan {
  std::vector<std::uint64_t> sizes;  // ascending, each <= options.max_bytes
  int trials = 1;
  int warmups = 0;
};

// --sizes wins (capped by --max-bytes); otherwise powers of 4 from min to max (powers of
// 16 up to quick_max with --quick), capped by --max-bytes. A --max-bytes above the
// default top raises it (powers of 4 continue, and the cap itself ends the sweep): that is
// how a sweep reaches a model's size (docs/probes.md). Never empty: a cap below the
// smallest size leaves the cap itself.
SweepPlan plan_sweep(const RunOptions& options, const SweepDefaults& defaults);

// A wall-clock bound on a probe's trials, so a slow machine ends a sweep early (with the
// samples taken so far) instead of running for hours.
class TimeBudget {
 public:
  explicit TimeBudget(std::chrono::duration<double> limit)
      : end_(std::chrono::steady_clock::now() +
             std::chrono::duration_cast<std::chrono::steady_clock::duration>(limit)) {}
  bool exhausted() const { return std::chrono::steady_clock::now() >= end_; }

 private:
  std::chrono::steady_clock::time_point end_;
};

}  // namespace hwprobe
