// An actor as the threat analysis uses it: its capabilities and the four parameters that
// decide whether it can read a window before it closes and get the copy out.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scenario.h"

namespace plainsight {

struct ActorProfile {
  std::string id;
  int level = 0;
  std::string name;
  std::vector<std::string> capabilities;
  Figure foothold_rate;     // footholds per second (Poisson arrivals)
  Figure dwell;             // seconds a foothold lasts before detection (mean)
  Figure read_bandwidth;    // bytes per second it can read from a window
  Figure egress_bandwidth;  // bytes per second it can move out
  // The 90% ranges the four parameters are uncertain over, by parameter name, where the
  // catalog or the scenario states one (core/figure_range.h).
  std::map<std::string, FigureRange> ranges;
  // Longer or shorter times to compromise at matching places (the first that matches).
  std::vector<PlaceFactor> place_reach;
  bool fields(const std::string& capability) const;
  // The factor on a capability's time to compromise at a place with these attributes.
  double ttc_factor(const Attributes& place) const;
  // The parameter by name (foothold_rate, dwell, read_bandwidth, egress_bandwidth); null when
  // there is none.
  Figure* parameter(const std::string& name);
  const Figure* parameter(const std::string& name) const;
};

// The names of the four parameters, in the order reports list them.
inline constexpr const char* kActorParameters[] = {"foothold_rate", "dwell", "read_bandwidth",
                                                   "egress_bandwidth"};

// Parameter overrides by actor id, then parameter name (a scenario's `actors:` section).
using ActorOverrides = std::map<std::string, std::map<std::string, Figure>>;
// Their stated ranges, by the same keys (a scenario's `actors:` section).
using ActorRanges = std::map<std::string, std::map<std::string, FigureRange>>;

// Place factors by actor id (a scenario's `actors: {ID: {place_reach: ...}}`), replacing the
// catalog's.
using PlaceReachOverrides = std::map<std::string, std::vector<PlaceFactor>>;

// Throws InputError at the actor's catalog entry when a parameter is missing or not positive.
// A parameter keeps the catalog's range unless overridden; an override has the range
// `ranges` gives it, if any.
ActorProfile actor_profile(const Actor& actor, const ActorOverrides& overrides = {},
                           const PlaceReachOverrides* place_reach = nullptr,
                           const ActorRanges* ranges = nullptr);
std::vector<ActorProfile> actor_profiles(const Catalog& catalog,
                                         const ActorOverrides& overrides = {},
                                         const PlaceReachOverrides* place_reach = nullptr,
                                         const ActorRanges* ranges = nullptr);
// The actor with this id ("oc3") or level ("OC3", "3"); nullptr when none.
const ActorProfile* find_actor(const std::vector<ActorProfile>& actors, const std::string& name);

}  // namespace plainsight
