// Reads one source document: an entry of model/sources.yaml or of a scenario's own
// `sources:` (docs/extending.md), the same keys in both (load/scenario_keys.h, "source").
#pragma once

#include "core/source.h"
#include "load/map_reader.h"

namespace plainsight {

// id, title, publisher, date and url (required) and read (optional) of the mapping `r` reads.
Source read_source(MapReader& r);

}  // namespace plainsight
