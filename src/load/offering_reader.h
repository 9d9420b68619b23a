// Reads model/offerings.yaml: what each cloud instance type, managed service and on-prem
// system can run, every entry and every allowed value cited (docs/model.md#offerings).
#pragma once

#include <vector>

#include "core/catalog.h"
#include "load/yaml_file.h"

namespace plainsight {

// Needs the catalog's sources, media, links, gpus, cpu TEEs and key custodies.
std::vector<Offering> read_offerings(const YamlFile& file, const Catalog& catalog);

}  // namespace plainsight
