// `plainsight simulate`'s text and Markdown report: the scenario and the actor, what the run
// rests on (overrides, probe files, warnings), then the simulation itself. (--format json is
// the analysis report's JSON, render.h.)
#pragma once

#include <ostream>

#include "analyze/actor_profile.h"
#include "analyze/analysis.h"

namespace plainsight {

void render_simulation(std::ostream& out, const Analysis& analysis, const ActorProfile& actor,
                       bool markdown);

}  // namespace plainsight
