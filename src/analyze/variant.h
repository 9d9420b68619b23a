// A scenario re-analysed under extra --set overrides (a control, a what-if): the threat
// analysis derives what a control closes by re-analysis, never from typed effects.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

struct Variant {
  // The stages, asset and horizon the windows belong to. When the overrides changed only
  // the platform this is the original scenario, shared rather than copied (a cluster has
  // a hundred thousand stages), and its `platform` is not the one the windows were
  // computed under.
  std::shared_ptr<const Scenario> scenario;
  std::vector<Window> windows;
};

// Loads the scenario again with `sets` applied after the run's own overrides, and computes
// its windows. Throws InputError when an override does not fit the scenario. `spent`: the
// windows of a variant no longer needed (or none), whose memory the new ones reuse: on a
// cluster each table is tens of megabytes, and fresh ones are faulted in page by page.
using Reanalyze =
    std::function<Variant(const std::vector<std::string>& sets, std::vector<Window> spent)>;

}  // namespace plainsight
