#include "hwprobe/harness/trial_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "hwprobe/harness/probe.h"

namespace hwprobe {
namespace {

double time_once(const std::function<void(std::uint64_t)>& body, std::uint64_t n) {
  const auto t0 = std::chrono::steady_clock::now();
  body(n);
  const auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(t1 - t0).count();
}

void check(const std::function<bool()>& cancelled) {
  if (cancelled && cancelled()) throw ProbeError("cancelled");
}

}  // namespace

TrialResult run_trials(const TrialPlan& plan, const std::function<void(std::uint64_t)>& body,
                       const std::function<bool()>& cancelled) {
  TrialResult out;
  double single = 0;
  for (int i = 0; i < std::max(plan.warmups, plan.min_sample_s > 0 ? 1 : 0); ++i) {
    check(cancelled);
    single = time_once(body, 1);
  }
  if (plan.min_sample_s > 0 && single < plan.min_sample_s) {
    // Calibrate on a larger untimed batch: a single cold call overestimates.
    const std::uint64_t probe_n = 16;
    const double per_op = std::max(time_once(body, probe_n) / probe_n, 1e-9);
    out.batch = std::clamp<std::uint64_t>(
        static_cast<std::uint64_t>(std::ceil(plan.min_sample_s / per_op)), 1, plan.max_batch);
  }
  const int trials = std::max(plan.trials, 1);
  out.samples_s.reserve(static_cast<std::size_t>(trials));
  for (int i = 0; i < trials; ++i) {
    check(cancelled);
    out.samples_s.push_back(time_once(body, out.batch) / static_cast<double>(out.batch));
  }
  return out;
}

}  // namespace hwprobe
