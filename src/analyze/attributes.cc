#include "analyze/attributes.h"

#include "load/platform_validity.h"

namespace plainsight {

Attributes stage_attributes(const Catalog& c, const Platform& p, const Place& place,
                            const Stage& s) {
  Attributes a = platform_attributes(c, p);
  a.insert(place.attributes.begin(), place.attributes.end());
  auto it = p.link_encryption.find(s.medium);
  a["link_encryption"] = it != p.link_encryption.end() && it->second ? "on" : "off";
  if (const Link* l = c.link(s.link))
    for (const auto& [k, v] : l->attributes) a["link." + k] = v;
  for (const auto& [k, v] : s.attributes) a["stage." + k] = v;
  return a;
}

}  // namespace plainsight
