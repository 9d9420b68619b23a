#include "analyze/attributes.h"

namespace plainsight {

Attributes stage_attributes(const Catalog& c, const Platform& p, const Stage& s) {
  Attributes a;
  a["confidential_mode"] = p.confidential_mode ? "on" : "off";
  a["multi_gpu_mode"] = p.multi_gpu_mode;
  a["key_custody"] = p.key_custody;
  auto it = p.link_encryption.find(s.medium);
  a["link_encryption"] = it != p.link_encryption.end() && it->second ? "on" : "off";
  a["gpu"] = p.gpu.empty() ? "none" : p.gpu;
  if (const PlatformOption* g = Catalog::find(c.gpus, p.gpu))
    for (const auto& [k, v] : g->attributes) a["gpu." + k] = v;
  a["cpu_tee"] = p.cpu_tee;
  if (const PlatformOption* t = Catalog::find(c.cpu_tees, p.cpu_tee))
    for (const auto& [k, v] : t->attributes) a["cpu_tee." + k] = v;
  if (const Link* l = c.link(s.link))
    for (const auto& [k, v] : l->attributes) a["link." + k] = v;
  for (const auto& [k, v] : s.attributes) a["stage." + k] = v;
  return a;
}

}  // namespace plainsight
