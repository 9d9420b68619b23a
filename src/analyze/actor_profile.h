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
  bool fields(const std::string& capability) const;
};

// Parameter overrides by actor id, then parameter name (a scenario's `actors:` section).
using ActorOverrides = std::map<std::string, std::map<std::string, Figure>>;

// Throws InputError at the actor's catalog entry when a parameter is missing or not positive.
ActorProfile actor_profile(const Actor& actor, const ActorOverrides& overrides = {});
std::vector<ActorProfile> actor_profiles(const Catalog& catalog,
                                         const ActorOverrides& overrides = {});
// The actor with this id ("oc3") or level ("OC3", "3"); nullptr when none.
const ActorProfile* find_actor(const std::vector<ActorProfile>& actors, const std::string& name);

}  // namespace plainsight
