// A scenario's own `sources:`: documents its citations may name beside the catalog's (its
// provider's documentation, say), so that a user cites them without editing the catalog
// (docs/extending.md).
#pragma once

#include <memory>

#include "core/catalog.h"
#include "load/map_reader.h"

namespace plainsight {

// The catalog with the scenario's sources appended, for the rest of the file to be read
// against; null when the scenario (read by `r`) lists none. An id a catalog source has, or
// that the list gives twice, is an input error.
std::shared_ptr<const Catalog> read_scenario_sources(MapReader& r, const Catalog& catalog);

}  // namespace plainsight
