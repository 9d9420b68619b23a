// How a host probe picks its sweep from the run options: --sizes, --threads and --trials
// win; otherwise the probe's default or its --quick set; every size capped at --max-bytes.
#pragma once

#include <cstdint>
#include <vector>

#include "hwprobe/harness/probe.h"
#include "hwprobe/harness/trial_runner.h"

namespace hwprobe {

// The bytes one point holds: `footprint` buffers of `size` (e.g. 2 for a source and a
// destination, 3 x threads for three buffers per thread) and `fixed` bytes whatever the size
// (a ring, a chunk per thread), saturating at UINT64_MAX.
std::uint64_t point_bytes(std::uint64_t size, std::uint64_t footprint, std::uint64_t fixed = 0);

// Sizes whose point (point_bytes) would pass --max-bytes are dropped: the cap bounds what a
// point holds in all, across its threads, not each buffer. So are sizes whose point would
// take more than half the memory available now. Throws ProbeError when nothing is left.
std::vector<std::uint64_t> choose_sizes(const RunOptions& o, const std::vector<std::uint64_t>& full,
                                        const std::vector<std::uint64_t>& quick,
                                        std::uint64_t footprint, std::uint64_t fixed = 0);

// --threads N gives {N}; otherwise {1, cores} (one entry on a single core).
std::vector<int> choose_threads(const RunOptions& o, const Environment& env);

TrialPlan choose_plan(const RunOptions& o, int trials, int quick_trials, double min_sample_s);

}  // namespace hwprobe
