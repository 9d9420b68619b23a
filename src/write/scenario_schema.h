// The JSON Schema (draft 2020-12) of scenario files, for editors that check YAML as it is
// typed (yaml-language-server): made from the loader's key tables (load/scenario_keys.h) and
// the catalog's ids, never by hand. `plainsight catalog --schema` prints it;
// docs/scenario.schema.json is its output, and a test keeps the two the same.
#pragma once

#include <string>

#include "core/catalog.h"

namespace plainsight {

// The schema as indented JSON text, ending in a newline.
std::string scenario_schema_json(const Catalog& catalog);

}  // namespace plainsight
