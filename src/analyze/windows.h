// The plaintext-window table: one Window per stage, in scenario order.
#pragma once

#include <vector>

#include "analyze/content.h"
#include "analyze/duration_source.h"
#include "core/catalog.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

struct AnalyzeOptions {
  const DurationSource* measured = nullptr;  // probe results, when given
  // Where the probe results' choices report warnings and the files they matched; null:
  // not reported (a control's variant re-analysis).
  DurationLog* log = nullptr;
  // Analyse under these platforms instead of the scenario's (its own and its groups'): a
  // control that only changes the platform is re-analysed without copying a cluster's
  // hundred thousand stages.
  const PlatformSet* platforms = nullptr;
  // What arrives at each stage (propagate_content), when the caller already has it: it
  // depends on the stages and flows alone, not on the platform a control changes.
  const std::vector<Content>* arriving = nullptr;
  // Threads for a large scenario (0: one per hardware thread); the windows are the same
  // whatever the number.
  unsigned threads = 0;
};

std::vector<Window> compute_windows(const Catalog& catalog, const Scenario& scenario,
                                    const AnalyzeOptions& options = {});
// The same into `out`, replacing what it held but keeping its memory.
void compute_windows_into(std::vector<Window>& out, const Catalog& catalog,
                          const Scenario& scenario, const AnalyzeOptions& options = {});

}  // namespace plainsight
