// A RAND operational-capacity level (OC1..OC5) and what it can field.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/citation.h"
#include "core/conditions.h"
#include "core/figure_range.h"
#include "core/input_error.h"
#include "core/provenance.h"

namespace plainsight {

// How much longer (factor > 1) or shorter (< 1) an actor takes to get a capability working at
// places that match (a partner site's hosts, a provider's): the capability's time to
// compromise there is multiplied by the factor. The first matching entry applies.
struct PlaceFactor {
  Conditions when;  // place attributes
  double ttc_factor = 1;
  Citation source;
};

struct Actor : Cited {
  std::string id;  // "oc3"
  int level = 0;   // 1..5
  std::string name;
  std::string description;
  std::vector<std::string> capabilities;
  // Threat-analysis parameters (foothold rate, dwell, read and egress bandwidth, ...),
  // each a figure with its provenance; keys are documented in docs/model.md.
  std::map<std::string, Figure> parameters;
  std::map<std::string, Citation> parameter_sources;  // the same keys: where each comes from
  // The same keys, where a parameter states the 90% range it is uncertain over.
  std::map<std::string, FigureRange> parameter_ranges;
  std::vector<PlaceFactor> place_reach;
  SourceLocation where;
};

}  // namespace plainsight
