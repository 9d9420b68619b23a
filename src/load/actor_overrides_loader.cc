#include "load/actor_overrides_loader.h"

#include <fmt/format.h>

#include "core/ids.h"
#include "load/conditions_reader.h"
#include "load/did_you_mean.h"
#include "load/figure_reader.h"
#include "load/map_reader.h"

namespace plainsight {

ActorParameterOverrides read_actor_overrides(
    const YamlFile& f, const YamlNode& node, const Catalog& c,
    std::map<std::string, std::map<std::string, FigureRange>>* ranges) {
  ActorParameterOverrides out;
  MapReader top(f, node, "actors");
  for (const std::string& id : top.keys()) {
    if (!Catalog::find(c.actors, id))
      throw InputError(top.at_key(id),
                       fmt::format("unknown actor '{}'{}", id, did_you_mean(id, ids_of(c.actors))));
    MapReader r(f, top.node(id), "actor '" + id + "'");
    r.allow(scenario_mapping("actor"));
    for (const std::string& key : r.keys()) {
      if (key == "place_reach") continue;
      FigureRange range;
      out[id][key] =
          read_figure(f, r.node(key), key, "actor '" + id + "'", {&c.sources, true}, &range).figure;
      if (ranges && range.present()) (*ranges)[id][key] = range;
    }
  }
  return out;
}

std::map<std::string, std::vector<PlaceFactor>> read_actor_place_reach(const YamlFile& f,
                                                                       const YamlNode& node,
                                                                       const Catalog& c) {
  std::map<std::string, std::vector<PlaceFactor>> out;
  MapReader top(f, node, "actors");
  for (const std::string& id : top.keys()) {
    MapReader r(f, top.node(id), "actor '" + id + "'");
    if (YamlNode pr = r.optional_node("place_reach"))
      out[id] = read_place_factors(f, pr, "actor '" + id + "' place_reach", c.sources);
  }
  return out;
}

}  // namespace plainsight
