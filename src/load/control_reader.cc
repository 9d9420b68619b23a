#include "load/control_reader.h"

#include <fmt/format.h>

#include "load/citation_reader.h"
#include "load/conditions_reader.h"
#include "load/platform_keys.h"

namespace plainsight {

Control read_control(MapReader& r, const Catalog& c) {
  r.allow({"id", "name", "description", "cost", "cost_source", "places", "sets", "source", "also",
           "disputed_by"});
  Control k;
  k.id = r.id("id");
  k.where = r.at();
  const std::string what = "control '" + k.id + "'";
  k.name = r.str("name");
  k.description = r.str_or("description", "");
  k.cost = r.number("cost", 0, 1e9);
  k.cost_source = read_citation(r.file(), r.node("cost_source"), what + " cost_source", c.sources);
  if (YamlNode p = r.optional_node("places")) {
    k.places = read_conditions_map(r.file(), p, what + " places");
    check_place_conditions(k.places, r.at_value("places"), what + " places");
  }
  MapReader sr(r.file(), r.node("sets"), what + " sets");
  for (const std::string& key : sr.keys()) {
    if (std::string error = check_platform_key(c, key); !error.empty())
      throw InputError(sr.at_key(key), fmt::format("{} sets: {}", what, error));
    if (find_platform_key(key)->scenario_only)
      throw InputError(sr.at_key(key), fmt::format("{} sets '{}': a control changes places, and "
                                                   "'{}' is the scenario's",
                                                   what, key, key));
    const YamlNode v = sr.node(key);
    const std::vector<std::string> raw =
        v.IsSequence() ? sr.str_list(key) : std::vector<std::string>{scalar_of(r.file(), v, key)};
    ControlSetting s{key, {}};
    for (const std::string& text : raw) {
      std::string error;
      auto value = parse_platform_value(c, key, text, &error);
      if (!value)
        throw InputError(sr.at_value(key),
                         fmt::format("{} sets {}: '{}': {}", what, key, text, error));
      s.values.push_back(*value);
    }
    if (s.values.empty())
      throw InputError(sr.at_value(key), fmt::format("{} sets {}: no value", what, key));
    k.sets.push_back(std::move(s));
  }
  if (k.sets.empty()) throw InputError(r.at_value("sets"), what + ": sets nothing");
  static_cast<Cited&>(k) = read_cited(r, what, c.sources);
  return k;
}

}  // namespace plainsight
