// Warm-ups, then timed trials on the monotonic clock. Set-up and allocation happen before
// run_trials is called, so they are never timed.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace hwprobe {

struct TrialPlan {
  int warmups = 2;
  int trials = 5;
  // Operations shorter than this are repeated back to back inside one timed sample and
  // the sample is divided by the repeat count, so clock resolution does not dominate.
  double min_sample_s = 0;
  std::uint64_t max_batch = 1u << 20;
};

struct TrialResult {
  std::vector<double> samples_s;  // seconds per operation, one per trial
  std::uint64_t batch = 1;        // operations timed together per sample
};

// `body(n)` performs n operations. `cancelled` is polled between samples; when it returns
// true run_trials throws ProbeError("cancelled").
TrialResult run_trials(const TrialPlan& plan, const std::function<void(std::uint64_t)>& body,
                       const std::function<bool()>& cancelled = {});

}  // namespace hwprobe
