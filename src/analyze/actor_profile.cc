#include "analyze/actor_profile.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace plainsight {

bool ActorProfile::fields(const std::string& capability) const {
  return std::find(capabilities.begin(), capabilities.end(), capability) != capabilities.end();
}

double ActorProfile::ttc_factor(const Attributes& place) const {
  for (const PlaceFactor& f : place_reach)
    if (conditions_hold(f.when, place)) return f.ttc_factor;
  return 1;
}

Figure* ActorProfile::parameter(const std::string& name) {
  if (name == "foothold_rate") return &foothold_rate;
  if (name == "dwell") return &dwell;
  if (name == "read_bandwidth") return &read_bandwidth;
  if (name == "egress_bandwidth") return &egress_bandwidth;
  return nullptr;
}

const Figure* ActorProfile::parameter(const std::string& name) const {
  return const_cast<ActorProfile*>(this)->parameter(name);
}

ActorProfile actor_profile(const Actor& a, const ActorOverrides& overrides,
                           const PlaceReachOverrides* place_reach, const ActorRanges* ranges) {
  ActorProfile p;
  p.id = a.id;
  p.level = a.level;
  p.name = a.name;
  p.capabilities = a.capabilities;
  auto over = overrides.find(a.id);
  auto get = [&](const char* key) {
    if (over != overrides.end())
      if (auto it = over->second.find(key); it != over->second.end()) return it->second;
    auto it = a.parameters.find(key);
    if (it == a.parameters.end())
      throw InputError(a.where, fmt::format("actor '{}' has no parameter '{}' (the threat analysis "
                                            "needs foothold_rate, dwell, read_bandwidth and "
                                            "egress_bandwidth)",
                                            a.id, key));
    if (!(it->second.value > 0))
      throw InputError(a.where,
                       fmt::format("actor '{}' parameter '{}' must be positive", a.id, key));
    return it->second;
  };
  p.foothold_rate = get("foothold_rate");
  p.dwell = get("dwell");
  p.read_bandwidth = get("read_bandwidth");
  p.egress_bandwidth = get("egress_bandwidth");
  for (const char* key : kActorParameters) {
    const bool overridden = over != overrides.end() && over->second.count(key);
    if (!overridden) {
      if (auto it = a.parameter_ranges.find(key); it != a.parameter_ranges.end())
        p.ranges[key] = it->second;
    } else if (ranges) {
      if (auto r = ranges->find(a.id); r != ranges->end())
        if (auto it = r->second.find(key); it != r->second.end()) p.ranges[key] = it->second;
    }
  }
  p.place_reach = a.place_reach;
  if (place_reach)
    if (auto it = place_reach->find(a.id); it != place_reach->end()) p.place_reach = it->second;
  return p;
}

std::vector<ActorProfile> actor_profiles(const Catalog& c, const ActorOverrides& overrides,
                                         const PlaceReachOverrides* place_reach,
                                         const ActorRanges* ranges) {
  std::vector<ActorProfile> out;
  for (const Actor& a : c.actors) out.push_back(actor_profile(a, overrides, place_reach, ranges));
  return out;
}

const ActorProfile* find_actor(const std::vector<ActorProfile>& actors, const std::string& name) {
  std::string n;
  for (char ch : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const ActorProfile& a : actors)
    if (a.id == n || std::to_string(a.level) == n || "oc" + std::to_string(a.level) == n) return &a;
  return nullptr;
}

}  // namespace plainsight
