// What a scenario's training or serving run does per step, so that the cost of confidential
// mode can be put in run time: the optional `workload:` section (docs/measurements.md).
#pragma once

#include <string>
#include <vector>

#include "core/input_error.h"

namespace plainsight {

// Bytes one step (or one checkpoint, one model load) moves through a stage's medium.
struct WorkloadTransfer {
  std::string stage;  // scenario stage id: its medium, link and platform decide the cost
  double bytes = 0;   // per stage event unit (per GPU link for a sharded stage)
  SourceLocation where;
};

struct Workload {
  double run_s = 0;   // wall-clock length of the run with confidential mode off
  double step_s = 0;  // one step with confidential mode off; 0 when the run has no steps
  std::vector<WorkloadTransfer> per_step;
  double checkpoint_every_s = 0;  // 0: no checkpoints
  WorkloadTransfer checkpoint;    // what one checkpoint moves
  double model_loads = 0;         // loads over the run
  WorkloadTransfer model_load;    // what one load moves
  SourceLocation where;

  double steps() const { return step_s > 0 ? run_s / step_s : 0; }
};

}  // namespace plainsight
