// Reads a scenario's `transfer_cost:` section (core/transfer_pricing.h).
#pragma once

#include "core/catalog.h"
#include "core/scenario.h"
#include "load/yaml_file.h"

namespace plainsight {

TransferPricing read_transfer_pricing(const YamlFile& file, const YamlNode& node,
                                      const Scenario& scenario, const Catalog& catalog);

}  // namespace plainsight
