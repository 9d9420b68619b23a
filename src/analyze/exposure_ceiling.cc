#include "analyze/exposure_ceiling.h"

#include <fmt/format.h>

#include "core/quantity.h"

namespace plainsight {

ExposureCeiling exposure_ceiling(const Catalog& c, const std::vector<Window>& windows,
                                 const std::vector<ActorExposure>& actors) {
  ExposureCeiling out;
  for (const ActorExposure& x : actors) {
    const ActorProfile& actor = *x.actor;
    if (!(x.path->found && x.path->within_dwell)) {
      out.level = actor.level;
      if (x.path->found)
        out.held_off.push_back({actor.id, actor.level, x.path->expected_s, actor.dwell.value});
      continue;
    }
    out.breached_by = actor.id;
    out.breached_level = actor.level;
    out.breached_dwell_s = actor.dwell.value;
    out.path = *x.path;
    // Readable windows first (they limit the ceiling), then the others, in pipeline order.
    for (int pass = 0; pass < 2; ++pass)
      for (const Reach& r : *x.reach) {
        if (r.readable != (pass == 0)) continue;
        const Window& w = windows[r.window];
        const Capability* cap = c.capability(r.capability);
        out.windows.push_back({w.stage, w.name, w.location, r.capability,
                               cap ? cap->name : r.capability, w.protection, w.protection_id,
                               r.readable, r.key_step != nullptr, reach_reason(r, actor)});
      }
    break;
  }
  out.label = out.level > 0 ? fmt::format("OC{}", out.level) : "none";
  std::string held;
  for (const HeldOff& h : out.held_off)
    held += fmt::format(
        "; OC{} reads a window in full but its cheapest path ({}) outlasts its "
        "dwell ({})",
        h.level, format_duration(h.expected_s), format_duration(h.dwell_s));
  if (out.breached_by.empty()) {
    out.summary = fmt::format(
        "no actor in the catalog, up to OC{}, completes a path to a full copy within its "
        "dwell{}",
        out.level, held);
  } else {
    out.summary = fmt::format(
        "{}: OC{} completes a path within its dwell ({}): {}{}",
        out.level > 0 ? fmt::format("kept out up to OC{}", out.level) : "not even OC1 is kept out",
        out.breached_level, format_duration(out.breached_dwell_s),
        out.path.summary.substr(out.path.summary.find(": ") + 2), held);
  }
  return out;
}

}  // namespace plainsight
