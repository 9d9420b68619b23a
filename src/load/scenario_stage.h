// Reads one stage of a scenario: its medium or link, payload, residence or per-event duration,
// events, and what it states about its protection.
#pragma once

#include <string>

#include "core/catalog.h"
#include "core/group.h"
#include "core/stage.h"
#include "load/yaml_file.h"

namespace plainsight {

// The `place:` a stage names, for the caller to resolve (Stage::place is left as it is).
struct PlaceRef {
  std::string id;  // "" when the stage names none
  SourceLocation key_at, value_at;
};

// `group`: the stage's group, or null at the top level; its id qualifies the stage's.
Stage read_stage(const YamlFile& file, const YamlNode& node, const Catalog& catalog, double horizon,
                 const Group* group, int group_index, PlaceRef* place);

}  // namespace plainsight
