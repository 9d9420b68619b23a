#include "load/scenario_places.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/ids.h"
#include "core/limits.h"
#include "core/printable.h"
#include "load/did_you_mean.h"
#include "load/platform_keys.h"
#include "load/platform_validity.h"
#include "load/scenario_keys.h"

namespace plainsight {
namespace {

// `raw` as the value of platform key `key`, or InputError at `at` in the words each kind of
// key has always used ("unknown gpu 'h1000' (did you mean 'h100'?)").
std::string platform_value_or_throw(const Catalog& c, const std::string& key,
                                    const std::string& raw, const SourceLocation& at,
                                    const std::string& what) {
  std::string error;
  if (auto v = parse_platform_value(c, key, raw, &error)) return *v;
  const PlatformKey& k = *find_platform_key(key);
  if (k.kind == ValueKind::catalog) {
    const std::vector<std::string> known = platform_values(c, k);
    throw InputError(at, fmt::format("unknown {} '{}'{}; known: {}", key, echo(raw),
                                     did_you_mean(raw, known), listed(known)));
  }
  if (k.kind == ValueKind::choice) {
    // "none, protected_pcie or nvlink_encryption"
    std::string choices;
    for (std::size_t i = 0; i < k.choices.size(); ++i)
      choices += (i == 0                      ? ""
                  : i + 1 == k.choices.size() ? " or "
                                              : ", ") +
                 std::string(k.choices[i]);
    throw InputError(at, fmt::format("{} '{}': expected {}", key, echo(raw), choices));
  }
  throw InputError(at, fmt::format("{}: '{}' {}, got '{}'", what, key, error, echo(raw)));
}

// Applies the keys of the platform mapping `r` reads to `p`, noting where each stands (and,
// with `pinned`, that the place states it). `base_gpus`: the GPUs per node a stated GPU
// brings when the mapping does not say (8, or an offering's).
void apply_platform_mapping(MapReader& r, const Catalog& c, Platform& p,
                            std::map<std::string, SourceLocation>& at,
                            std::set<std::string>* pinned, const std::string& what, int base_gpus) {
  for (const std::string& key : r.keys()) {
    if (key == "link_encryption") {
      MapReader lr(r.file(), r.node(key), what + " link_encryption");
      for (const std::string& m : lr.keys()) {
        if (!c.medium(m)) {
          const std::vector<std::string> known = ids_of(c.media);
          throw InputError(lr.at_key(m), fmt::format("unknown medium '{}'{}; known: {}", echo(m),
                                                     did_you_mean(m, known), listed(known)));
        }
        const std::string full = "link_encryption." + m;
        set_platform_value(p, full,
                           platform_value_or_throw(c, full, scalar_of(r.file(), lr.node(m), m),
                                                   lr.at_value(m), what));
        at[full] = lr.at_value(m);
        if (pinned) pinned->insert(full);
      }
      continue;
    }
    const std::string raw = scalar_of(r.file(), r.node(key), what + " " + key);
    set_platform_value(p, key, platform_value_or_throw(c, key, raw, r.at_value(key), what));
    at[key] = r.at_value(key);
    if (pinned) pinned->insert(key);
  }
  if (r.has("gpu") && !r.has("gpus_per_node")) p.gpus_per_node = p.gpu.empty() ? 0 : base_gpus;
}

std::string default_operator(const std::string& kind) {
  if (kind == "managed_service") return "provider";
  if (kind == "site") return "partner";
  if (kind == "network") return "public";
  return "us";
}

// The platform an offering starts a place with: every value it allows at its default.
Platform offering_platform(const Offering& o) {
  Platform p;
  for (const auto& [key, allows] : o.allows) set_platform_value(p, key, allows.fallback);
  // A GPU brings the default GPUs per node, as in a scenario's platform, where the offering
  // does not say.
  if (!p.gpu.empty() && p.gpus_per_node == 0) p.gpus_per_node = 8;
  return p;
}

}  // namespace

PlatformSection read_platform_section(const YamlFile& f, const YamlNode& n, const Catalog& c) {
  PlatformSection s;
  if (!n) return s;
  s.present = true;
  MapReader r(f, n, "platform");
  r.allow(scenario_mapping("platform"));
  apply_platform_mapping(r, c, s.platform, s.key_at, nullptr, "platform", 8);
  for (const auto& [key, at] : s.key_at)
    if (at.file.starts_with("--set"))
      s.overridden.emplace_back(key, platform_value(s.platform, key));
  return s;
}

Place implicit_place(const PlatformSection& section) {
  Place p;
  p.id = "platform";
  p.implicit = true;
  p.operator_name = "us";
  p.platform = section.platform;
  p.key_at = section.key_at;
  return p;
}

Place read_place(MapReader& r, const Catalog& c, const PlatformSection& section,
                 const std::string* group) {
  Place p;
  if (!group) {
    r.allow(scenario_mapping("place"));
    p.id = r.id("id");
    p.name = r.name_or("name", p.id);
    p.count = r.integer_or("count", 1, 1, kMaxCount);
  }
  p.where = r.at();
  const std::string what = group ? "group '" + *group + "'" : "place '" + p.id + "'";
  p.kind = r.str_or("kind", "compute_host");
  if (std::find(std::begin(kPlaceKinds), std::end(kPlaceKinds), p.kind) == std::end(kPlaceKinds))
    throw InputError(r.at_value("kind"), fmt::format("kind '{}': expected {}", echo(p.kind),
                                                     fmt::join(kPlaceKinds, ", ")));
  p.operator_role = r.str_or("operator", default_operator(p.kind));
  if (std::find(std::begin(kOperators), std::end(kOperators), p.operator_role) ==
      std::end(kOperators))
    throw InputError(r.at_value("operator"),
                     fmt::format("operator '{}': expected {}", echo(p.operator_role),
                                 fmt::join(kOperators, ", ")));
  p.access = r.str_or("access", "administered");
  if (std::find(std::begin(kWorkloadAccess), std::end(kWorkloadAccess), p.access) ==
      std::end(kWorkloadAccess))
    throw InputError(r.at_value("access"), fmt::format("access '{}': expected {}", echo(p.access),
                                                       fmt::join(kWorkloadAccess, ", ")));
  const Offering* offering = nullptr;
  if (r.has("offering")) {
    p.offering = r.id("offering");
    offering = c.offering(p.offering);
    if (!offering) {
      const std::vector<std::string> known = ids_of(c.offerings);
      throw InputError(
          r.at_value("offering"),
          fmt::format("unknown offering '{}'{}; known: {} (plainsight catalog "
                      "offerings)",
                      echo(p.offering), did_you_mean(p.offering, known), listed(known)));
    }
    if (std::find(offering->kinds.begin(), offering->kinds.end(), p.kind) == offering->kinds.end())
      throw InputError(r.has("kind") ? r.at_value("kind") : r.at_value("offering"),
                       fmt::format("offering '{}' ({}) is a {}, not a {}", p.offering,
                                   offering->name, fmt::join(offering->kinds, " or "), p.kind));
  }
  // The hardware under a cloud offering is the provider's, whoever runs the workload on it.
  const bool cloud = offering && !offering->provider.empty();
  p.hardware = cloud ? "provider" : p.operator_role;
  if (r.has("hardware")) {
    p.hardware = r.str("hardware");
    if (std::find(std::begin(kOperators), std::end(kOperators), p.hardware) == std::end(kOperators))
      throw InputError(
          r.at_value("hardware"),
          fmt::format("hardware '{}': expected {}", echo(p.hardware), fmt::join(kOperators, ", ")));
    if (cloud && p.hardware != "provider")
      throw InputError(
          r.at_value("hardware"),
          fmt::format("offering '{}' ({}) runs on hardware run by {}: 'hardware' is "
                      "provider, not {}",
                      p.offering, offering->name, offering->provider_name, p.hardware));
  }
  p.operator_name =
      r.str_or("operator_name", p.operator_role == "provider" && offering ? offering->provider_name
                                : p.operator_role == "us"                 ? "us"
                                                                          : p.name);
  // The base: the offering's defaults; ours without one take the scenario's platform; the
  // others (a partner's, a provider's) start from nothing (no GPU, no TEE). A GPU stated
  // without its count keeps the base's count (docs/scenarios.md, "A place's platform"), or
  // 8 where the base has none.
  int base_gpus = 8;
  if (offering) {
    p.platform = offering_platform(*offering);
    for (const auto& [key, allows] : offering->allows) p.key_at[key] = offering->where;
    if (const OfferingAllows* g = offering->allowed("gpus_per_node"))
      base_gpus = std::stoi(g->fallback);
  } else if (p.operator_role == "us") {
    p.platform = section.platform;
    p.key_at = section.key_at;
    if (section.platform.gpus_per_node > 0) base_gpus = section.platform.gpus_per_node;
  }
  p.platform.nodes = 1;
  // What-ifs on `platform.*` reach every place of ours; the place's own keys win (pinned).
  if (p.operator_role == "us" && offering)
    for (const auto& [key, value] : section.overridden) {
      set_platform_value(p.platform, key, value);
      p.key_at[key] = section.key_at.at(key);
    }
  if (YamlNode own = r.optional_node("platform")) {
    MapReader pr(r.file(), own, what + " platform");
    // A place may span several nodes (one admin domain); a group's count says its nodes.
    pr.allow(scenario_mapping(group ? "group_platform" : "platform"));
    apply_platform_mapping(pr, c, p.platform, p.key_at, &p.pinned, what + " platform", base_gpus);
  }
  return p;
}

Attributes place_attributes(const Catalog& c, const Place& p) {
  Attributes a;
  a["place.kind"] = p.kind;
  a["place.operator"] = p.operator_role;
  a["place.hardware"] = p.hardware;
  a["place.access"] = p.access;
  a["place.offering"] = p.offering.empty() ? "custom" : p.offering;
  if (const Offering* o = c.offering(p.offering))
    for (const auto& [k, v] : o->attributes) a["offering." + k] = v;
  return a;
}

void check_place_platform(const Catalog& c, const Place& place, const std::string& what) {
  const Platform& p = place.platform;
  auto at = [&](const std::string& key) {
    auto it = place.key_at.find(key);
    return it != place.key_at.end() ? it->second : place.where;
  };
  const std::string prefix = what.empty() ? std::string() : what + ": ";
  if (p.confidential_mode && p.gpu.empty())
    throw PlatformRefused(at("confidential_mode"),
                          prefix + "confidential_mode is on but no gpu is set");
  if (const Offering* o = c.offering(place.offering))
    for (const auto& [key, allows] : o->allows) {
      const std::string value = platform_value(p, key);
      if (std::find(allows.values.begin(), allows.values.end(), value) != allows.values.end())
        continue;
      const Source* s = c.source(allows.source.id);
      throw PlatformRefused(
          at(key),
          fmt::format("{}offering '{}' ({}) has no {} '{}' (it offers {}); {}, {} [{}]: {}{}{}",
                      prefix, o->id, o->name, key, value, fmt::join(allows.values, ", "),
                      s ? s->title : allows.source.id, allows.source.where,
                      to_string(allows.source.status), allows.source.verbatim ? "\"" : "",
                      allows.source.says, allows.source.verbatim ? "\"" : ""));
    }
  if (const PlatformRefusal* refused = platform_refusal(c, p)) {
    // Blame a --set that took part, else the first key the rule names, else the place.
    std::vector<SourceLocation> keys;
    for (const auto& [attribute, values] : refused->when)
      if (auto it = place.key_at.find(attribute.substr(0, attribute.find('.')));
          it != place.key_at.end())
        keys.push_back(it->second);
    SourceLocation where = keys.empty() ? place.where : keys.front();
    for (const SourceLocation& k : keys)
      if (k.file.starts_with("--set")) {
        where = k;
        break;
      }
    throw PlatformRefused(where, prefix + refusal_message(c, *refused));
  }
}

}  // namespace plainsight
