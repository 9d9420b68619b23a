// The plaintext-window table: one Window per stage, in scenario order.
#pragma once

#include <vector>

#include "analyze/duration_source.h"
#include "core/catalog.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

struct AnalyzeOptions {
  const DurationSource* measured = nullptr;  // probe results, when given
};

std::vector<Window> compute_windows(const Catalog& catalog, const Scenario& scenario,
                                    const AnalyzeOptions& options = {});

}  // namespace plainsight
