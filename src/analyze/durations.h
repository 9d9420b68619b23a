// Per-event durations from what the scenario and catalog say, with provenance:
// stated (assumed), bytes / link bandwidth (datasheet), or a cited figure (published).
#pragma once

#include "core/catalog.h"
#include "core/provenance.h"
#include "core/scenario.h"

namespace plainsight {

Figure catalog_duration(const Catalog& catalog, const Scenario& scenario, const Stage& stage,
                        const DurationSpec& spec);
// A resident lifetime as the scenario states it.
Figure lifetime_figure(const Scenario& scenario, const Stage& stage);
// Wall-clock time within the horizon covered by `events` windows of `per_event` seconds.
double coverage(double per_event, double events, double period, double horizon);

}  // namespace plainsight
