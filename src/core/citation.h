// Where a catalog fact comes from and how sure it is. Every protection rule, capability
// reach, platform option, link, figure and control cites the source it rests on, the
// sentence there, and a status; reports say when a finding rests on anything but a
// shipping product, and where sources disagree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/input_error.h"
#include "core/provenance.h"

namespace plainsight {

// How sure a fact is, from most to least: a lower value is firmer.
enum class Status {
  shipping,   // documented for a released product or driver (the release is named)
  announced,  // a vendor's roadmap or announcement
  claimed,    // a third party's statement (a blog, a seed document, a provider's marketing)
  research,   // an attack or measurement demonstrated in a paper
  assumed,    // plainsight's own modelling assumption, stated in docs/model.md
};

std::string_view to_string(Status s);
bool parse_status(std::string_view text, Status* out);

struct Citation {
  std::string id;  // a sources.yaml id
  Status status = Status::assumed;
  std::string release;   // for `shipping`: the product or driver release it is documented for
  std::string where;     // the place in the source: section, page, table, line
  std::string says;      // the sentence the fact rests on: a short quote or a paraphrase
  SourceLocation at;     // where the citation stands in the catalog
  bool verbatim = true;  // `says` is a quote (else a paraphrase)
};

// What a fact rests on: its source, further sources that support it, and sources that say
// otherwise. Catalog facts derive from it.
struct Cited {
  Citation source;
  std::vector<Citation> also;
  std::vector<Citation> disputed_by;
};

// A cited number: a GPU's HBM capacity, an actor's dwell.
struct CitedFigure : Cited {
  Figure figure;
};

}  // namespace plainsight
