// Where the bytes cross from one place to another: each flow between stages at different
// places crosses a trust boundary, and one between places run by different operators crosses
// from one trust domain into another (ours, a provider's, a partner's). Reports draw them.
#pragma once

#include <cstddef>
#include <vector>

#include "core/scenario.h"

namespace plainsight {

struct TrustBoundary {
  std::size_t flow = 0;  // index into Scenario::flows
  std::size_t from_place = 0, to_place = 0;
  bool other_operator = false;  // the operators differ (role or name): another trust domain
};

// In flow order. Empty for a scenario whose stages all run at one place.
std::vector<TrustBoundary> trust_boundaries(const Scenario& scenario);

}  // namespace plainsight
