// A scenario's `actors:` section: per actor id, threat parameters that replace the
// catalog's defaults for this scenario (foothold_rate, dwell, read_bandwidth,
// egress_bandwidth). A plain value is the scenario's own assumption; a mapping
// {value, provenance, source} cites where it comes from.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/figure_range.h"
#include "core/provenance.h"
#include "load/yaml_file.h"

namespace plainsight {

using ActorParameterOverrides = std::map<std::string, std::map<std::string, Figure>>;

// `ranges`, when given, receives the parameters' stated ranges (`range:`), by the same keys.
ActorParameterOverrides read_actor_overrides(
    const YamlFile& file, const YamlNode& node, const Catalog& catalog,
    std::map<std::string, std::map<std::string, FigureRange>>* ranges = nullptr);
// The same section's `place_reach:` lists, per actor id (replacing the catalog's).
std::map<std::string, std::vector<PlaceFactor>> read_actor_place_reach(const YamlFile& file,
                                                                       const YamlNode& node,
                                                                       const Catalog& catalog);

}  // namespace plainsight
