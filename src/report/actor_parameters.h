// The actors' threat parameters as `catalog actors --detail` lists them: each value (the point
// `analyze` uses), the 90% range it is uncertain over and what that range rests on.
#pragma once

#include "core/catalog.h"
#include "report/text_table.h"

namespace plainsight {

// One row per actor and parameter: actor, parameter, value, 90% range, where each end of the
// range comes from (report/range_phrase.h).
TextTable actor_parameter_table(const Catalog& catalog);

}  // namespace plainsight
