// A scenario re-analysed under other platforms for its places (controls deployed): the threat
// analysis derives what a control closes by re-analysis, never from typed effects.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

struct Variant {
  // The stages, asset and horizon the windows belong to: the original scenario, shared
  // rather than copied (a cluster has a hundred thousand stages); its places' platforms are
  // not the ones the windows were computed under.
  std::shared_ptr<const Scenario> scenario;
  std::vector<Window> windows;
};

// Computes the scenario's windows with its places on `platforms`. `spent`: the windows of a
// variant no longer needed (or none), whose memory the new ones reuse: on a cluster each
// table is tens of megabytes, and fresh ones are faulted in page by page.
using Reanalyze = std::function<Variant(const PlatformSet& platforms, std::vector<Window> spent)>;

}  // namespace plainsight
