// What bounds a probe's result physically, as the probe map says it (model/probe_map.yaml
// `bound`). Its own header: the chain of a figure (core/considered.h) names the kind.
#pragma once

#include <string>

namespace plainsight {

// What bounds a probe's result physically (model/probe_map.yaml `bound`): a result faster than
// the bound allows, times the map's bound_factor, is no measurement of the stage and is
// refused (docs/measurements.md). Every candidate says its bound, or why none applies.
struct ProbeBound {
  enum class Kind {
    none,           // no physical bound applies (`why` says why): the result is used as measured
    link_transfer,  // the stage's link carries the bytes: its datasheet bandwidth per direction
    link_node,      // the bytes leave the node over the stage's fabric: the link's per-node
                    // bandwidth (links.yaml node_bandwidth)
    figure,         // a catalog figure (figures.yaml, bytes_per_second): host memory
  };
  Kind kind = Kind::none;
  std::string figure;  // figure: its id
  std::string why;     // why this bound is the physical one; none: why no bound can apply
};

}  // namespace plainsight
