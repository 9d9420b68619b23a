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
  // Longer or shorter times to compromise at matching places (the first that matches).
  std::vector<PlaceFactor> place_reach;
  bool fields(const std::string& capability) const;
  // The factor on a capability's time to compromise at a place with these attributes.
  double ttc_factor(const Attributes& place) const;
};

// Parameter overrides by actor id, then parameter name (a scenario's `actors:` section).
using ActorOverrides = std::map<std::string, std::map<std::string, Figure>>;

// Place factors by actor id (a scenario's `actors: {ID: {place_reach: ...}}`), replacing the
// catalog's.
using PlaceReachOverrides = std::map<std::string, std::vector<PlaceFactor>>;

// Throws InputError at the actor's catalog entry when a parameter is missing or not positive.
ActorProfile actor_profile(const Actor& actor, const ActorOverrides& overrides = {},
                           const PlaceReachOverrides* place_reach = nullptr);
std::vector<ActorProfile> actor_profiles(const Catalog& catalog,
                                         const ActorOverrides& overrides = {},
                                         const PlaceReachOverrides* place_reach = nullptr);
// The actor with this id ("oc3") or level ("OC3", "3"); nullptr when none.
const ActorProfile* find_actor(const std::vector<ActorProfile>& actors, const std::string& name);

}  // namespace plainsight
