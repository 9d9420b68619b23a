// The sentences of the threat analysis: why a route is or is not readable, each step of an
// attack path, a path in one line, the exposure ceiling and each minimal defence. Every
// format renders these; the analysis gives numbers, ids and catalog references.
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

// "2.362 s open per event reads 23.62 GB at 10 GB/s: a full copy (810 GB) needs 35 events,
// possible within a dwell of 30 d (360 available)"
std::string reach_reason(const Reach& reach, const ActorProfile& actor);

// "host_root at hbm"
std::string route_phrase(const RouteRef& route);
// The first `shown` routes, then how many more: "a at x, b at y and 12 more".
std::string brief_routes(const std::vector<RouteRef>& routes, std::size_t shown);

// "Root on the host -> Active inference (HBM on accelerator) -> a full copy out; expected
// 10 d after a foothold", with the actor's name and a colon before it in path_summary.
// "<actor> has no path to a full copy: ..." when none was found.
std::string path_route(const Catalog& catalog, const AttackPath& path);
std::string path_summary(const Catalog& catalog, const ActorProfile& actor, const AttackPath& path);

// Why step `index` of the actor's cheapest path takes the time it does (`analysis` holds the
// windows the path was found in).
std::string step_detail(const Analysis& analysis, const ActorProfile& actor, const AttackPath& path,
                        std::size_t index);

// "OC2", or "none" when not even OC1 is kept out.
std::string ceiling_label(int level);
// "kept out up to OC2: OC3 completes a path within its dwell (30 d): ..."
std::string ceiling_summary(const Analysis& analysis);

// "gpu_confidential_mode + customer_held_keys (cost 5) cuts every path of OC3 ..."
std::string defense_summary(const ActorProfile& actor, const MinimalDefense& defense);

// The actor of `analysis` with this id; null when none.
const ActorThreat* actor_threat(const Analysis& analysis, const std::string& actor);

}  // namespace plainsight
