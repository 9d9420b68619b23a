// Reads what a catalog fact rests on: `source: {id, status, release, where, quote |
// paraphrase}` and the optional `also:` and `disputed_by:` lists of the same form. The id
// must name a source of sources.yaml; a shipping citation must name its release.
#pragma once

#include <string>
#include <vector>

#include "core/citation.h"
#include "core/source.h"
#include "load/map_reader.h"

namespace plainsight {

Citation read_citation(const YamlFile& file, const YamlNode& node, const std::string& what,
                       const std::vector<Source>& sources);

// `source` (required), `also` and `disputed_by` (optional) of the mapping `r` reads.
Cited read_cited(MapReader& r, const std::string& what, const std::vector<Source>& sources);

}  // namespace plainsight
