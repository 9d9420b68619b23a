// A place: where stages run, and whose machine that is (docs/model.md#places). A compute
// host, a provider's managed service, a storage server, a relay, a partner's or an
// endpoint's site, a client, a network. Each place has its own platform: a stage's
// protection is derived from its own place's, never from another's, and capabilities reach
// places by who runs them. A place with a count stands for that many identical places (a
// class of nodes); one foothold reaches one of them, and everything it holds.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/conditions.h"
#include "core/input_error.h"
#include "core/platform.h"

namespace plainsight {

// The kinds of place and the roles of who runs one. Ids, as scenarios write them; protection
// rules, capability scopes, controls and actor profiles match them as place.kind and
// place.operator / place.hardware.
inline constexpr std::string_view kPlaceKinds[] = {
    "compute_host", "managed_service", "storage_server", "relay", "site", "client", "network"};
inline constexpr std::string_view kOperators[] = {"us", "provider", "partner", "public"};
// Who may administer the workload a place runs: `administered` (admins log in as usual),
// `attested` (an attested image nobody logs into, as in the Silo document's TEE stack).
inline constexpr std::string_view kWorkloadAccess[] = {"administered", "attested"};

struct Place {
  std::string id;
  std::string name;
  std::string kind = "compute_host";
  std::string operator_role = "us";  // us | provider | partner | public
  std::string operator_name;         // "us", "Microsoft Azure", "Partner A"
  // Who runs the hardware under it: the offering's provider for a cloud offering, else the
  // operator. A provider insider reaches a cloud VM through its host; our root does not.
  std::string hardware = "us";
  std::string offering;  // catalog offering id; "" for custom (any platform the rules allow)
  std::string access = "administered";
  std::int64_t count = 1;  // identical places it stands for
  Platform platform;       // its own, with the offering's defaults and its own keys applied
  // Platform keys the scenario states for this place itself: what-ifs on `platform.*` and
  // controls leave them as stated (change one with `--set places.ID.platform.KEY=V`).
  std::set<std::string> pinned;
  // Where each stated key stands, for messages (key -> location).
  std::map<std::string, SourceLocation> key_at;
  int group = -1;         // the group this place is (groups are places with stage templates)
  bool implicit = false;  // made for a scenario without `places:` (its one platform)
  // What conditions match on: place.kind, place.operator, place.hardware, place.access,
  // place.offering, offering.<attribute>.
  Attributes attributes;
  SourceLocation where;
};

}  // namespace plainsight
