#include "analyze/exposure_ceiling.h"

#include <fmt/format.h>

namespace plainsight {

ExposureCeiling exposure_ceiling(const Catalog& c, const std::vector<Window>& windows,
                                 const std::vector<ActorReach>& actors) {
  ExposureCeiling out;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    bool breached = false;
    for (const Reach& r : *actors[i].second) breached |= r.readable;
    if (!breached) {
      out.level = actors[i].first->level;
      continue;
    }
    out.breached_by = actors[i].first->id;
    out.breached_level = actors[i].first->level;
    // Readable windows first (they limit the ceiling), then the others, in pipeline order.
    for (int pass = 0; pass < 2; ++pass)
      for (const Reach& r : *actors[i].second) {
        if (r.readable != (pass == 0)) continue;
        const Window& w = windows[r.window];
        const Capability* cap = c.capability(r.capability);
        out.windows.push_back({w.stage, w.name, w.location, r.capability,
                               cap ? cap->name : r.capability, w.protection, w.protection_id,
                               r.readable, reach_reason(r, *actors[i].first)});
      }
    break;
  }
  out.label = out.level > 0 ? fmt::format("OC{}", out.level) : "none";
  if (out.breached_by.empty()) {
    out.summary = fmt::format(
        "no actor in the catalog, up to OC{}, reads a full copy from a "
        "plaintext window",
        out.level);
  } else {
    const CeilingWindow& w = out.windows.front();
    out.summary = fmt::format(
        "{}: OC{} reads a full copy from {} ({}) through {}: {}",
        out.level > 0 ? fmt::format("kept out up to OC{}", out.level) : "not even OC1 is kept out",
        out.breached_level, w.name, w.location, w.capability_name, w.protection);
  }
  return out;
}

}  // namespace plainsight
