// What a scenario's windows add up to with their replicas counted: a cluster of 125,000
// nodes is a handful of windows standing for a million stages (docs/scenarios.md#groups).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

struct WindowTotals {
  std::size_t windows = 0;            // rows: the distinct stages analysed
  std::int64_t stages = 0;            // the stages they stand for, replicas counted
  std::int64_t plaintext_stages = 0;  // of those, the ones holding plaintext at some time
  std::int64_t plaintext_copies = 0;  // of those, the ones holding a full copy of the weights
  double plaintext_bytes = 0;         // bytes in those, per event, every replica counted
  double plaintext_total_s = 0;       // plaintext seconds over the horizon, summed over replicas
  double events = 0;                  // events over the horizon, every replica counted
};

// `windows` in scenario stage order (compute_windows).
WindowTotals window_totals(const Scenario& scenario, const std::vector<Window>& windows);

// Whether any window stands for more than one stage.
bool has_replicas(const std::vector<Window>& windows);

}  // namespace plainsight
