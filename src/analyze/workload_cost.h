// What confidential mode costs a run: the scenario's `workload:` priced with the durations
// of the stages it uses, with CC off and on, each figure with its provenance. The form of
// the answer is the source's own: "a 2-hour run takes an extra 11 minutes (<10%)".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/provenance.h"
#include "core/scenario.h"

namespace plainsight {

class DurationSource;

// One kind of transfer in the run: its duration with CC off and on, and how often.
struct CostLine {
  std::string what;  // "per step", "checkpoint", "model load"
  std::string kind;  // per_step | checkpoint | model_load: what model/cc_costs.yaml prices
  std::string stage;
  double bytes = 0;
  double count = 0;  // occurrences over the run
  Figure off;        // seconds per occurrence, CC off
  Figure on;         // seconds per occurrence, CC on
  // The catalog cost that priced CC on ("" when measured or unchanged), and whether its
  // figure was borrowed from another generation.
  const CcCost* priced_by = nullptr;
  double extra_s() const { return count * (on.value - off.value); }
};

// A whole-run cost published for the scenario's GPU generation (model/cc_costs.yaml),
// shown beside the modelled estimate: extra time as a fraction of the CC-off run.
struct PublishedRunCost {
  const RunCost* cost = nullptr;
  double low = 0;      // overhead ratio, low end
  double high = 0;     // high end (= low for a single figure)
  double run_s = 0;    // the published run's length, when the source gives one
  double extra_s = 0;  // the published extra time, when the source gives one
  std::vector<const PublishedFigure*> figures;
  Status status = Status::shipping;  // the weakest of its figures' statuses
};

// A scenario input the estimate rests on, stated by the scenario (provenance assumed).
struct WorkloadInput {
  std::string what;  // "step time", "per step to pcie"
  std::string value;
  SourceLocation where;
};

struct WorkloadCost {
  double run_off_s = 0;
  double run_on_s = 0;
  std::vector<CostLine> lines;
  std::vector<PublishedRunCost> published;
  std::vector<WorkloadInput> inputs;
  std::vector<std::string> notes;

  double extra_s() const { return run_on_s - run_off_s; }
  double overhead() const { return run_off_s > 0 ? extra_s() / run_off_s : 0; }
  // "a 2.00 h run takes an extra 11.0 min (9.2%) with confidential mode on"
  std::string claim() const;
};

// Null when the scenario has no workload. `measured` may be null (catalog figures only).
// Transfers are assumed to be on the critical path (not overlapped with compute): the
// answer is an upper bound, and says so.
std::optional<WorkloadCost> workload_cost(const Catalog& catalog, const Scenario& scenario,
                                          const DurationSource* measured,
                                          std::vector<std::string>* warnings);

}  // namespace plainsight
