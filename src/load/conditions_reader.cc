#include "load/conditions_reader.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/place.h"
#include "load/citation_reader.h"

namespace plainsight {

Conditions read_conditions_map(const YamlFile& f, const YamlNode& n, const std::string& what) {
  Conditions out;
  MapReader wr(f, n, what);
  for (const std::string& k : wr.keys()) {
    YamlNode v = wr.node(k);
    out[k] = v.IsSequence() ? wr.str_list(k) : std::vector<std::string>{scalar_of(f, v, k)};
  }
  return out;
}

Conditions read_conditions(MapReader& r, const std::string& what) {
  YamlNode w = r.optional_node("when");
  if (!w) return {};
  return read_conditions_map(r.file(), w, what + " when");
}

void check_place_conditions(const Conditions& when, const SourceLocation& at,
                            const std::string& what) {
  for (const auto& [key, values] : when) {
    std::span<const std::string_view> fixed;
    if (key == "place.kind")
      fixed = kPlaceKinds;
    else if (key == "place.operator" || key == "place.hardware")
      fixed = kOperators;
    else if (key == "place.access")
      fixed = kWorkloadAccess;
    else if (key != "place.offering" && !key.starts_with("offering."))
      throw InputError(at, fmt::format("{}: '{}' is not a place attribute (place.kind, "
                                       "place.operator, place.hardware, place.access, "
                                       "place.offering, offering.ATTRIBUTE)",
                                       what, key));
    for (const std::string& v : values)
      if (!fixed.empty() && std::find(fixed.begin(), fixed.end(), v) == fixed.end())
        throw InputError(at, fmt::format("{}: {} '{}': expected one of {}", what, key, v,
                                         fmt::join(fixed, ", ")));
  }
}

std::vector<PlaceFactor> read_place_factors(const YamlFile& f, const YamlNode& node,
                                            const std::string& what,
                                            const std::vector<Source>& sources) {
  std::vector<PlaceFactor> out;
  for (const YamlNode& n : sequence_of(f, node, what)) {
    MapReader r(f, n, what);
    r.allow({"when", "ttc_factor", "source"});
    PlaceFactor x;
    x.when = read_conditions_map(f, r.node("when"), what + " when");
    check_place_conditions(x.when, r.at_value("when"), what);
    x.ttc_factor = r.number("ttc_factor", 0.001, 1000);
    x.source = read_citation(f, r.node("source"), what + " source", sources);
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace plainsight
