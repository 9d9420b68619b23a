// The exposure ceiling: the highest RAND operational-capacity level (OC1..OC5) against which
// no plaintext window is reachable, where reaching a window counts only if the actor can read
// a full copy there before it closes. An exposure-based reading of RAND's SL1..SL5, not a
// certification: it looks only at where the bytes sit in plaintext and who can reach them.
#pragma once

#include <string>
#include <vector>

#include "analyze/actor_profile.h"
#include "analyze/window_reach.h"
#include "core/catalog.h"
#include "core/window.h"

namespace plainsight {

struct CeilingWindow {
  std::string stage;
  std::string name;
  std::string location;
  std::string capability;
  std::string capability_name;
  std::string protection;  // the protection that leaves it in plaintext: the source's reason
  std::string protection_id;
  bool readable = false;  // false: reachable, but the window is too short for a full copy
  std::string reason;
};

struct ExposureCeiling {
  int level = 0;            // 0 when not even OC1 is kept out
  std::string label;        // "OC2", or "none"
  std::string breached_by;  // the first actor that reaches a window ("oc3"); "" when none
  int breached_level = 0;
  // The plaintext windows the breaching actor's capabilities reach: readable ones limit the
  // ceiling; the others are listed so the reader sees why they do not.
  std::vector<CeilingWindow> windows;
  std::string summary;
};

// Each actor (in level order) with its actor_reach.
using ActorReach = std::pair<const ActorProfile*, const std::vector<Reach>*>;
ExposureCeiling exposure_ceiling(const Catalog& catalog, const std::vector<Window>& windows,
                                 const std::vector<ActorReach>& actors);

}  // namespace plainsight
