#include "hwprobe/host/sweep_choice.h"

#include <algorithm>
#include <limits>
#include <string>

#include "hwprobe/harness/memory_budget.h"
#include "hwprobe/harness/size_sweep.h"

namespace hwprobe {

std::uint64_t point_bytes(std::uint64_t size, std::uint64_t footprint, std::uint64_t fixed) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  if (footprint != 0 && size > kMax / footprint) return kMax;
  const std::uint64_t sized = size * footprint;
  return sized > kMax - fixed ? kMax : sized + fixed;
}

std::vector<std::uint64_t> choose_sizes(const RunOptions& o, const std::vector<std::uint64_t>& full,
                                        const std::vector<std::uint64_t>& quick,
                                        std::uint64_t footprint, std::uint64_t fixed) {
  const auto& base = !o.sizes.empty() ? o.sizes : (o.quick ? quick : full);
  footprint = std::max<std::uint64_t>(footprint, 1);
  std::vector<std::uint64_t> sizes = base;
  std::erase_if(sizes,
                [&](std::uint64_t s) { return point_bytes(s, footprint, fixed) > o.max_bytes; });
  if (sizes.empty()) {
    throw ProbeError("no size of the sweep fits under --max-bytes " + format_size(o.max_bytes) +
                     " (a point holds " + std::to_string(footprint) +
                     " buffers of its size, across its threads" +
                     (fixed > 0 ? ", and " + format_size(fixed) + " more" : std::string()) + ")");
  }
  const std::uint64_t budget = memory_budget_bytes();
  std::erase_if(sizes, [&](std::uint64_t s) { return point_bytes(s, footprint, fixed) > budget; });
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
