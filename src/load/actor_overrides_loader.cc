#include "load/actor_overrides_loader.h"

#include <cmath>

#include <fmt/format.h>

#include "core/printable.h"
#include "core/quantity.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"

namespace plainsight {

ActorParameterOverrides read_actor_overrides(const YamlFile& f, const YamlNode& node,
                                             const Catalog& c) {
  ActorParameterOverrides out;
  MapReader top(f, node, "actors");
  std::vector<std::string> actor_ids;
  for (const Actor& a : c.actors) actor_ids.push_back(a.id);
  for (const std::string& id : top.keys()) {
    if (!Catalog::find(c.actors, id))
      throw InputError(top.at_key(id),
                       fmt::format("unknown actor '{}'{}", id, did_you_mean(id, actor_ids)));
    MapReader r(f, top.node(id), "actor '" + id + "'");
    r.allow({"foothold_rate", "dwell", "read_bandwidth", "egress_bandwidth"});
    for (const std::string& key : r.keys()) {
      Figure fig;
      YamlNode v = r.node(key);
      std::string text;
      SourceLocation at = r.at_value(key);
      if (v.IsMap()) {
        MapReader fr(f, v, "actor '" + id + "' " + key);
        fr.allow({"value", "provenance", "source"});
        text = fr.str("value");
        at = fr.at_value("value");
        const std::string prov = fr.str_or("provenance", "assumed");
        if (!parse_provenance(prov, &fig.provenance))
          throw InputError(fr.at_value("provenance"),
                           fmt::format("unknown provenance '{}': expected measured, fitted, "
                                       "published, datasheet or assumed",
                                       prov));
        fig.source = fr.str_or("source", at.str());
        fr.finish();
      } else {
        text = scalar_of(f, v, "actor '" + id + "' " + key);
        fig.provenance = Provenance::assumed;
        fig.source = at.str();
      }
      QuantityError err;
      if (key == "foothold_rate")
        fig.value = parse_rate(text, &err);
      else if (key == "dwell")
        fig.value = parse_duration(text, &err);
      else
        fig.value = parse_bandwidth(text, &err);
      if (!err.message.empty() || !(fig.value > 0) || !std::isfinite(fig.value))
        throw InputError(at, fmt::format("actor '{}' {}: {}", id, key,
                                         err.message.empty() ? "must be positive" : err.message));
      // Within the range a scenario's own quantities have (a dwell of 1e308 s was taken).
      const QuantityKind kind = key == "foothold_rate" ? QuantityKind::rate
                                : key == "dwell"       ? QuantityKind::duration
                                                       : QuantityKind::bandwidth;
      if (const std::string why = implausible(kind, fig.value); !why.empty())
        throw InputError(at, fmt::format("actor '{}' {}: {}; {}", id, key, echo(text), why));
      fig.detail = text + " (set by the scenario)";
      out[id][key] = fig;
    }
  }
  return out;
}

}  // namespace plainsight
