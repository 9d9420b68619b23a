// What confidential mode costs, per GPU generation, from cited figures (model/cc_costs.yaml):
// the CC-on / CC-off time ratio of a kind of transfer over a medium, and whole-run figures
// published for a generation, shown beside the modelled estimate.
#pragma once

#include <string>
#include <vector>

#include "core/citation.h"
#include "core/conditions.h"
#include "core/input_error.h"

namespace plainsight {

struct CcCost {
  std::string id;
  std::string medium;
  Conditions when;
  // The workload transfers it prices: per_step, checkpoint, model_load; empty: every kind.
  std::vector<std::string> transfers;
  std::string figure;  // catalog figure, unit ratio (time on / time off)
  // Set when the figure was measured on another generation and is applied here by
  // assumption (the same mechanism): the citation says why.
  bool borrowed = false;
  Citation borrowed_because;
  std::string why;
  SourceLocation where;

  bool prices(const std::string& transfer) const {
    if (transfers.empty()) return true;
    for (const auto& t : transfers)
      if (t == transfer) return true;
    return false;
  }
};

// A published cost for a generation: extra time over a run of a stated length, a range of lost
// throughput, or the slowdown of one named operation (shown beside, never applied to another).
struct RunCost {
  std::string id;
  std::string name;  // "Silo, Trellis post-training on 8x H100"
  Conditions when;
  std::string extra_figure;  // seconds added to the run of `run_figure`
  std::string run_figure;
  std::vector<std::string> throughput_loss;  // ratio figures: low, high
  std::string slowdown_figure;               // ratio figure: time on / time off
  std::string of;                            // what the slowdown is of ("a whole model load")
  SourceLocation where;
};

}  // namespace plainsight
