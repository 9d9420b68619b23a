// `plainsight catalog`: the model catalog (model/*.yaml) as text tables, one per topic, every
// fact with its status and source; with detail, the citations each rests on.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/catalog.h"

namespace plainsight {

// media, gpus, cpu_tees, ... sources: in the order they are listed.
std::vector<std::string> catalog_topics();
// One row per topic: its name and how many entries it has.
void render_catalog_summary(std::ostream& out, const Catalog& catalog);
// `topic` is one of catalog_topics().
void render_catalog_topic(std::ostream& out, const Catalog& catalog, const std::string& topic,
                          bool detail);

}  // namespace plainsight
