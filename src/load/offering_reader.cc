#include "load/offering_reader.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/ids.h"
#include "core/place.h"
#include "load/citation_reader.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"
#include "load/platform_keys.h"

namespace plainsight {
namespace {

OfferingAllows read_allows(const YamlFile& f, const YamlNode& n, const std::string& key,
                           const std::string& what, const Catalog& c) {
  MapReader r(f, n, what);
  r.allow({"values", "default", "source", "also", "disputed_by"});
  OfferingAllows a;
  YamlNode v = r.node("values");
  const std::vector<std::string> raw =
      v.IsSequence() ? r.str_list("values") : std::vector<std::string>{scalar_of(f, v, "values")};
  if (raw.empty()) throw InputError(r.at_value("values"), what + ": 'values' is empty");
  for (const std::string& text : raw) {
    std::string error;
    auto value = parse_platform_value(c, key, text, &error);
    if (!value)
      throw InputError(r.at_value("values"), fmt::format("{}: '{}': {}", what, text, error));
    a.values.push_back(*value);
  }
  a.fallback = a.values.front();
  if (r.has("default")) {
    std::string error;
    auto value = parse_platform_value(c, key, r.str("default"), &error);
    if (!value || std::find(a.values.begin(), a.values.end(), *value) == a.values.end())
      throw InputError(r.at_value("default"), what + ": the default must be one of the values");
    a.fallback = *value;
  }
  static_cast<Cited&>(a) = read_cited(r, what, c.sources);
  return a;
}

}  // namespace

std::vector<Offering> read_offerings(const YamlFile& f, const Catalog& c) {
  std::vector<Offering> out;
  MapReader top(f, f.root(), f.name());
  top.allow({"offerings"});
  for (const YamlNode& n : sequence_of(f, top.node("offerings"), "offerings")) {
    MapReader r(f, n, "offering");
    r.allow({"id", "name", "provider", "provider_name", "note", "kinds", "attributes", "allows",
             "links", "source", "also", "disputed_by"});
    Offering o;
    o.id = r.id("id");
    o.where = r.at();
    const std::string what = "offering '" + o.id + "'";
    if (o.id == "custom")
      throw InputError(r.at_value("id"), "'custom' is reserved: a place without an offering");
    o.name = r.name("name");
    o.provider = r.has("provider") ? r.id("provider") : "";
    o.provider_name = r.str_or("provider_name", o.provider);
    o.status_note = r.str_or("note", "");
    o.kinds = r.str_list("kinds");
    if (o.kinds.empty()) throw InputError(o.where, what + ": needs 'kinds'");
    for (const std::string& k : o.kinds)
      if (std::find(std::begin(kPlaceKinds), std::end(kPlaceKinds), k) == std::end(kPlaceKinds))
        throw InputError(r.at_value("kinds"), fmt::format("{}: unknown place kind '{}'", what, k));
    static_cast<Cited&>(o) = read_cited(r, what, c.sources);
    if (YamlNode attrs = r.optional_node("attributes")) {
      MapReader ar(f, attrs, what + " attributes");
      for (const std::string& k : ar.keys()) {
        MapReader vr(f, ar.node(k), what + " attribute '" + k + "'");
        vr.allow({"value", "source"});
        o.attributes[k] = vr.str("value");
        o.attribute_sources[k] =
            read_citation(f, vr.node("source"), what + " attribute '" + k + "'", c.sources);
      }
    }
    if (YamlNode allows = r.optional_node("allows")) {
      MapReader ar(f, allows, what + " allows");
      for (const std::string& k : ar.keys()) {
        if (std::string error = check_platform_key(c, k); !error.empty())
          throw InputError(ar.at_key(k), what + " allows: " + error);
        if (find_platform_key(k)->scenario_only)
          throw InputError(ar.at_key(k), fmt::format("{} allows: '{}' is the scenario's", what, k));
        o.allows[k] = read_allows(f, ar.node(k), k, what + " allows '" + k + "'", c);
      }
    }
    if (YamlNode links = r.optional_node("links")) {
      MapReader lr(f, links, what + " links");
      for (const std::string& medium : lr.keys()) {
        if (!c.medium(medium))
          throw InputError(lr.at_key(medium),
                           fmt::format("{} links: unknown medium '{}'{}", what, medium,
                                       did_you_mean(medium, ids_of(c.media))));
        const std::string id = lr.id(medium);
        const Link* l = c.link(id);
        if (!l)
          throw InputError(lr.at_value(medium), fmt::format("{} links: unknown link '{}'{}", what,
                                                            id, did_you_mean(id, ids_of(c.links))));
        if (l->medium != medium)
          throw InputError(lr.at_value(medium), fmt::format("{} links: link '{}' is {}, not {}",
                                                            what, id, l->medium, medium));
        o.links[medium] = id;
      }
    }
    out.push_back(std::move(o));
  }
  std::set<std::string> seen;
  for (const Offering& o : out)
    if (!seen.insert(o.id).second)
      throw InputError(o.where, fmt::format("duplicate offering id '{}'", o.id));
  return out;
}

}  // namespace plainsight
