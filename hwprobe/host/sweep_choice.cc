#include "hwprobe/host/sweep_choice.h"

#include <algorithm>

#include "hwprobe/harness/memory_budget.h"
#include "hwprobe/harness/size_sweep.h"

namespace hwprobe {

std::vector<std::uint64_t> choose_sizes(const RunOptions& o, const std::vector<std::uint64_t>& full,
                                        const std::vector<std::uint64_t>& quick,
                                        std::uint64_t footprint) {
  const auto& base = !o.sizes.empty() ? o.sizes : (o.quick ? quick : full);
  auto sizes = cap_sizes(base, o.max_bytes);
  if (sizes.empty()) {
    throw ProbeError("no size of the sweep fits under --max-bytes " + format_size(o.max_bytes));
  }
  const std::uint64_t budget = memory_budget_bytes();
  sizes = cap_sizes(sizes, budget / std::max<std::uint64_t>(footprint, 1));
  if (sizes.empty()) {
    throw ProbeError("not enough memory: half of the available memory is " + format_size(budget) +
                     ", too little for the smallest size");
  }
  return sizes;
}

std::vector<int> choose_threads(const RunOptions& o, const Environment& env) {
  if (o.threads > 0) return {o.threads};
  const int cores = std::max(env.cpu_cores, 1);
  if (cores == 1) return {1};
  return {1, cores};
}

TrialPlan choose_plan(const RunOptions& o, int trials, int quick_trials, double min_sample_s) {
  TrialPlan p;
  p.trials = o.trials > 0 ? o.trials : (o.quick ? quick_trials : trials);
  p.warmups = o.quick ? std::min(o.warmups, 1) : o.warmups;
  p.min_sample_s = o.quick ? min_sample_s / 4 : min_sample_s;
  return p;
}

}  // namespace hwprobe
