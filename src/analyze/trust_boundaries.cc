#include "analyze/trust_boundaries.h"

namespace plainsight {

std::vector<TrustBoundary> trust_boundaries(const Scenario& s) {
  std::vector<TrustBoundary> out;
  for (std::size_t i = 0; i < s.flows.size(); ++i) {
    const Flow& f = s.flows[i];
    const auto from = static_cast<std::size_t>(s.stages[f.from_index].place);
    const auto to = static_cast<std::size_t>(s.stages[f.to_index].place);
    if (from == to) continue;
    const Place& a = s.places[from];
    const Place& b = s.places[to];
    out.push_back(
        {i, from, to, a.operator_role != b.operator_role || a.operator_name != b.operator_name});
  }
  return out;
}

}  // namespace plainsight
