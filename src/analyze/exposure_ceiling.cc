#include "analyze/exposure_ceiling.h"

namespace plainsight {

ExposureCeiling exposure_ceiling(const std::vector<Window>& windows,
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
      for (std::size_t i = 0; i < x.reach->size(); ++i) {
        const Reach& r = (*x.reach)[i];
        if (r.readable != (pass == 0)) continue;
        out.windows.push_back({r.window, i, windows[r.window].stage, r.capability, r.readable,
                               r.key_step != nullptr});
      }
    break;
  }
  return out;
}

}  // namespace plainsight
