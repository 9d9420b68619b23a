#include "load/platform_validity.h"

#include <fmt/format.h>

#include "core/quantity.h"

namespace plainsight {

Attributes platform_attributes(const Catalog& c, const Platform& p) {
  Attributes a;
  a["confidential_mode"] = p.confidential_mode ? "on" : "off";
  a["multi_gpu_mode"] = p.multi_gpu_mode;
  a["key_custody"] = p.key_custody;
  a["gpu"] = p.gpu.empty() ? "none" : p.gpu;
  // Per node: rules refuse what a vendor allows only for one GPU per VM.
  a["gpus"] = p.gpu.empty() || p.gpus_per_node == 0 ? "none"
              : p.gpus_per_node == 1                ? "one"
                                                    : "several";
  if (const PlatformOption* g = Catalog::find(c.gpus, p.gpu))
    for (const auto& [k, v] : g->attributes) a["gpu." + k] = v;
  a["cpu_tee"] = p.cpu_tee;
  if (const PlatformOption* t = Catalog::find(c.cpu_tees, p.cpu_tee))
    for (const auto& [k, v] : t->attributes) a["cpu_tee." + k] = v;
  return a;
}

const PlatformRefusal* platform_refusal(const Catalog& c, const Platform& p) {
  if (c.refusals.empty()) return nullptr;
  const Attributes a = platform_attributes(c, p);
  for (const PlatformRefusal& r : c.refusals)
    if (conditions_hold(r.when, a)) return &r;
  return nullptr;
}

std::string refusal_message(const Catalog& c, const PlatformRefusal& r) {
  const Source* s = c.source(r.source.id);
  return fmt::format("platform refused (model/platform_rules.yaml '{}'): {}; {} ({}): {}{}{}", r.id,
                     r.message, s ? s->title : r.source.id, to_string(r.source.status),
                     r.source.verbatim ? "\"" : "", r.source.says, r.source.verbatim ? "\"" : "");
}

void check_platform(const Catalog& c, const Platform& p, const SourceLocation& where) {
  if (const PlatformRefusal* r = platform_refusal(c, p))
    throw PlatformRefused(where, refusal_message(c, *r));
}

void check_hbm_fit(const Catalog& c, const Scenario& s, const PlatformSet& platforms,
                   const SourceLocation* where) {
  for (const Stage& st : s.stages) {
    if (st.medium != "hbm") continue;
    const Platform& p = platforms.of(st.place);
    // Each shard is on a GPU of its own: a place has nodes x GPUs per node of them.
    const double gpus = static_cast<double>(p.nodes) * p.gpus_per_node;
    const double shards = static_cast<double>(st.shards) * static_cast<double>(st.count);
    if (!p.gpu.empty() && shards > gpus)
      throw PlatformRefused(
          where ? *where : st.where,
          fmt::format("stage '{}' spreads the bytes over {} GPUs ({} shards x {}), more than its "
                      "place has ({} node{} x {} GPUs); give the place more nodes or GPUs per "
                      "node, or fewer shards",
                      st.id, format_count(shards), st.shards, st.count, p.nodes,
                      p.nodes == 1 ? "" : "s", p.gpus_per_node));
    const PlatformOption* gpu = Catalog::find(c.gpus, p.gpu);
    if (!gpu) continue;
    auto cap = gpu->figures.find("hbm_capacity");
    if (cap == gpu->figures.end()) continue;
    const double capacity = cap->second.figure.value;
    const double per_gpu = s.stage_bytes(st);
    if (per_gpu <= capacity * (1 + 1e-9)) continue;
    throw PlatformRefused(
        where ? *where : st.where,
        fmt::format("stage '{}' puts {} in each GPU's HBM ({} shards), more than the {} of an {} "
                    "({}); spread it over more GPUs, use fewer bytes per parameter, or choose a "
                    "GPU with more HBM",
                    st.id, format_bytes(per_gpu), st.shards, format_bytes(capacity), gpu->name,
                    cap->second.source.id));
  }
}

}  // namespace plainsight
