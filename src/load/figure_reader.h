// One reader for a named figure, wherever it stands: an actor's parameters in the catalog
// and in a scenario's `actors:` section, a GPU's figures. The unit follows from the name
// (docs/model.md): *_rate a rate, *_bandwidth a bandwidth, dwell and *_time a duration,
// *_capacity a size. Every value is positive, finite and plausible.
#pragma once

#include <string>
#include <vector>

#include "core/citation.h"
#include "core/figure_range.h"
#include "core/source.h"
#include "load/yaml_file.h"

namespace plainsight {

struct FigureContext {
  const std::vector<Source>* sources = nullptr;  // what a citation may name
  // A scenario may give a bare value ("dwell: 30d"): its own assumption, cited at its line.
  // The catalog may not: every catalog figure cites its source.
  bool allow_bare = false;
};

// `name: {value, provenance, source, also, disputed_by, range}` (or a bare value, where
// allowed). `range: {low, high, source}` is the 90% interval around the value (its median),
// in the value's unit and with its own citation; it is stored in *range when given (and
// refused where `range` is null).
CitedFigure read_figure(const YamlFile& file, const YamlNode& node, const std::string& name,
                        const std::string& what, const FigureContext& context,
                        FigureRange* range = nullptr);

}  // namespace plainsight
