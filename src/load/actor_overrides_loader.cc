#include "load/actor_overrides_loader.h"

#include <fmt/format.h>

#include "core/ids.h"
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
      FigureRange range;
      out[id][key] =
          read_figure(f, r.node(key), key, "actor '" + id + "'", {&c.sources, true}, &range).figure;
      if (ranges && range.present()) (*ranges)[id][key] = range;
    }
  }
  return out;
}

}  // namespace plainsight
