// Reads conditions (`when: {key: value | [values]}`) and actors' place factors, as protection
// rules, refusals, capability scopes, controls and actor profiles write them.
#pragma once

#include <string>
#include <vector>

#include "core/actor.h"
#include "core/conditions.h"
#include "core/source.h"
#include "load/map_reader.h"

namespace plainsight {

// The mapping at `node` as conditions.
Conditions read_conditions_map(const YamlFile& file, const YamlNode& node, const std::string& what);
// The `when` of the mapping `r` reads; empty when it has none.
Conditions read_conditions(MapReader& r, const std::string& what);
// Throws unless every key is a place attribute (place.kind, place.operator, place.hardware,
// place.access, place.offering, offering.ATTRIBUTE) and each value of a fixed set is one of it.
void check_place_conditions(const Conditions& when, const SourceLocation& at,
                            const std::string& what);
// `place_reach: [{when, ttc_factor, source}]`.
std::vector<PlaceFactor> read_place_factors(const YamlFile& file, const YamlNode& node,
                                            const std::string& what,
                                            const std::vector<Source>& sources);

}  // namespace plainsight
