// What confidential mode costs a run: the scenario's `workload:` priced with the durations
// of the stages it uses, with CC off and on, each figure with its provenance. report/ says
// it in the source's own form: "a 2-hour run takes an extra 11 minutes (<10%)".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analysis_warning.h"
#include "core/catalog.h"
#include "core/provenance.h"
#include "core/scenario.h"

namespace plainsight {

class DurationSource;

// The kinds of transfer a run makes; model/cc_costs.yaml prices them by these ids.
enum class TransferKind { per_step, checkpoint, model_load };
std::string_view to_string(TransferKind kind);  // "per_step", "checkpoint", "model_load"

// One kind of transfer in the run: its duration with CC off and on, and how often.
struct CostLine {
  TransferKind kind = TransferKind::per_step;
  std::string stage;
  double bytes = 0;
  double count = 0;  // occurrences over the run
  Figure off;        // seconds per occurrence, CC off
  Figure on;         // seconds per occurrence, CC on
  // The catalog cost that priced CC on (null when measured or unchanged), and whether its
  // figure was borrowed from another generation.
  const CcCost* priced_by = nullptr;
  double extra_s() const { return count * (on.value - off.value); }
};

// A whole-run cost published for the scenario's GPU generation (model/cc_costs.yaml),
// shown beside the modelled estimate: extra time as a fraction of the CC-off run.
struct PublishedRunCost {
  const RunCost* cost = nullptr;
  double low = 0;       // overhead ratio, low end
  double high = 0;      // high end (= low for a single figure)
  double run_s = 0;     // the published run's length, when the source gives one
  double extra_s = 0;   // the published extra time, when the source gives one
  double slowdown = 0;  // a named operation's time on / off (RunCost::of), when it is one
  std::vector<const PublishedFigure*> figures;
  Status status = Status::shipping;  // the weakest of its figures' statuses
};

// A scenario input the estimate rests on, stated by the scenario (provenance assumed).
struct WorkloadInput {
  enum class Kind { run, step, per_step, checkpoint_every, model_loads } kind = Kind::run;
  std::string stage;  // per_step: the stage the bytes go to
  double value = 0;   // seconds (run, step, checkpoint_every), bytes (per_step), or a count
  SourceLocation where;
};

struct WorkloadCost {
  double run_off_s = 0;
  double run_on_s = 0;
  std::vector<CostLine> lines;
  std::vector<PublishedRunCost> published;
  std::vector<WorkloadInput> inputs;
  // No GPU in the platform: confidential mode does not apply and nothing is priced.
  // Otherwise transfers are counted on the critical path: the overhead is an upper bound.
  bool no_gpu = false;
  // The platform the workload runs on (the place of its model-load stage): its GPU and
  // whether confidential mode is on there.
  std::string gpu;
  bool confidential_mode = false;

  double extra_s() const { return run_on_s - run_off_s; }
  double overhead() const { return run_off_s > 0 ? extra_s() / run_off_s : 0; }
};

// Null when the scenario has no workload. `measured` may be null (catalog figures only).
// Transfers are assumed to be on the critical path (not overlapped with compute): the
// answer is an upper bound, and says so.
std::optional<WorkloadCost> workload_cost(const Catalog& catalog, const Scenario& scenario,
                                          const DurationSource* measured,
                                          std::vector<AnalysisWarning>* warnings);

}  // namespace plainsight
