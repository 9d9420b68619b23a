#include "hwprobe/gpu/sweep_plan.h"

#include <algorithm>

namespace hwprobe {

SweepPlan plan_sweep(const RunOptions& options, const SweepDefaults& defaults) {
  SweepPlan plan;
  const std::uint64_t cap = std::max<std::uint64_t>(options.max_bytes, 1);
  if (!options.sizes.empty()) {
    for (std::uint64_t size : options.sizes) {
      if (size > 0 && size <= cap) plan.sizes.push_back(size);
    }
  } else {
    // --quick stays quick; otherwise a cap above the default top extends the sweep to it.
    const std::uint64_t top =
        options.quick ? std::min(defaults.quick_max_bytes, cap) : std::max(defaults.max_bytes, cap);
    const std::uint64_t step = options.quick ? 16 : 4;
    for (std::uint64_t size = defaults.min_bytes; size <= top && size <= cap;) {
      plan.sizes.push_back(size);
      if (size > top / step) break;  // the next power would pass the top (or overflow)
      size *= step;
    }
    if (!options.quick && cap > defaults.max_bytes && !plan.sizes.empty() &&
        plan.sizes.back() < cap)
      plan.sizes.push_back(cap);
  }
  if (plan.sizes.empty()) plan.sizes.push_back(std::min(cap, defaults.min_bytes));
  std::sort(plan.sizes.begin(), plan.sizes.end());
  plan.sizes.erase(std::unique(plan.sizes.begin(), plan.sizes.end()), plan.sizes.end());
  plan.trials = options.trials > 0 ? options.trials
                                   : (options.quick ? defaults.quick_trials : defaults.trials);
  plan.warmups = std::max(options.warmups, 0);
  return plan;
}

}  // namespace hwprobe
