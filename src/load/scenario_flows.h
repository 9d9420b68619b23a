// A scenario's flows: read with their ends resolved to stage indices, and the check that the
// pipeline they make is acyclic.
#pragma once

#include <cstddef>
#include <vector>

#include "core/catalog.h"
#include "core/scenario.h"
#include "load/stage_index.h"
#include "load/yaml_file.h"

namespace plainsight {

// A `flows:` list and the group it belongs to (index + 1; 0 for the top level): a group's
// flows name its own stages first.
struct FlowList {
  YamlNode list;
  std::size_t group_plus_one = 0;
};

// Appends the flows to `s.flows`; `index` holds every stage of `s`.
void read_flows(const YamlFile& file, const std::vector<FlowList>& flow_lists,
                const StageIndex& index, const Catalog& catalog, Scenario& s);

// Throws InputError at the flow that closes the first cycle.
void check_acyclic(const Scenario& s);

}  // namespace plainsight
