// The sentences about money and time a report adds beside the windows: the whole-run CC
// costs published for the scenario's GPU generation next to the modelled estimate (with
// the inputs the estimate assumes and why the two differ), and what transfers cost.
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

// "Published for this generation: ..." lines; empty without a workload.
std::vector<std::string> published_run_lines(const Analysis& analysis);
// "Transfer cost: $35 per transfer (140 GB at $0.25/GB) ..." lines; empty without one.
std::vector<std::string> transfer_cost_lines(const Analysis& analysis);
// Both, for formats that show them as paragraphs.
std::vector<std::string> cost_lines(const Analysis& analysis);

// "$36,400", "$35", "$0.25".
std::string format_usd(double usd);

// "a 2 h run takes an extra 11 min (9.2%) with confidential mode on"
std::string workload_claim(const WorkloadCost& workload);
// What the estimate assumes: no GPU, or transfers on the critical path (an upper bound).
std::vector<std::string> workload_notes(const WorkloadCost& workload);
// "per step", "checkpoint", "model load"
std::string transfer_phrase(TransferKind kind);
// "per step to pcie", "checkpoint every"; and its value, "2 h", "1.2 GB", "3"
std::string input_phrase(const WorkloadInput& input);
std::string input_value_phrase(const WorkloadInput& input);

}  // namespace plainsight
