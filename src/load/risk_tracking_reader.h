// A scenario's `risk_tracking:` section: per finding id (the SARIF fingerprint), what the team
// decided. Ids are checked for their form here; whether they match a finding is the analysis's
// business (`validate` warns on those that match nothing).
#pragma once

#include <vector>

#include "core/risk_tracking.h"
#include "load/yaml_file.h"

namespace plainsight {

std::vector<RiskEntry> read_risk_tracking(const YamlFile& file, const YamlNode& node);

// Whether `date` is a calendar date written YYYY-MM-DD (years 1970..9999).
bool is_iso_date(const std::string& date);

}  // namespace plainsight
