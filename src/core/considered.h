// One entry of a figure's chain (Figure::considered): a probe result that was weighed for the
// value and not used, and why, or the catalog figure a probe result replaced. Typed, so that
// reports say it in their words (report/measurement_phrase.h) and the analysis reads it
// without parsing sentences (docs/measurements.md lists the rules).
#pragma once

#include <compare>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/facet_mismatch.h"
#include "core/fit_violation.h"
#include "core/probe_bound.h"

namespace plainsight {

struct Figure;

// A sweep's params as (key, value), in the probe map's order: "device=0", "threads=4".
using ParamList = std::vector<std::pair<std::string, std::string>>;

struct Considered {
  enum class Kind {
    unknown_cc_state,       // the result's CC state (`value`) is neither on nor off
    mismatch,               // measured on another platform (`mismatch`)
    emulation_cc_off,       // an emulation: never used on a CC-off platform
    emulation_not_needed,   // an emulation passed over: a device measurement applies
    emulation_not_allowed,  // an emulation ranks below the datasheet; not asked for
    out_of_bounds,          // its fit may not stand for the payload (`violations`)
    beyond_bound,           // faster than its physical bound allows (`bound_*`, `fastest_Bps`)
    no_bound,               // its bound (`bound_kind`) has no value here: nothing checks it
    outranked,              // it applied, and another sweep ranked first (`outranked_by`)
    catalog_replaced,       // the catalog's figure (`catalog`), replaced by a probe result
  };
  // The first rule of the ranking (docs/measurements.md) that put another sweep first.
  enum class Rank {
    device_before_emulation,
    closer_platform_match,
    probe_map_order,
    larger_sweep,
    later_run,
    file_order,
  };

  Kind kind = Kind::mismatch;
  std::string probe;  // the probe key; every kind but catalog_replaced
  std::string file;   // the probe file's name; every kind but catalog_replaced
  std::string value;  // unknown_cc_state: the state as recorded ("" when none is)

  FacetMismatch mismatch;
  bool allowable = false;  // mismatch: --allow-mismatch would use it

  // out_of_bounds and outranked: the sweep's distinct sizes; out_of_bounds: the sizes it
  // spans, the payload and the bounds broken.
  std::size_t sizes = 0;
  double min_bytes = 0, max_bytes = 0;
  double bytes = 0;
  std::vector<FitViolation> violations;
  bool fitted = false;  // out_of_bounds: the answer is the fit (else interpolated medians)

  // beyond_bound: the sweep's fastest bytes / median (`fastest_Bps` at `fastest_at_bytes`:
  // the payload's own answer, and every point where the bound is a link), and the bound:
  // its kind, the link or figure id, its bandwidth and source, the probe map's bound_factor,
  // and the medium whose fastest link stands in where the stage names none (else "").
  // no_bound: the kind and the medium.
  double fastest_Bps = 0, fastest_at_bytes = 0;
  ProbeBound::Kind bound_kind = ProbeBound::Kind::none;
  std::string bound_id, bound_source, bound_medium;
  double bound_Bps = 0, bound_factor = 0;

  // outranked: the sweep (its series params), its answer, and the sweep used instead.
  ParamList series;
  double seconds = 0;
  double chosen_seconds = 0;
  std::string chosen_file;
  Rank outranked_by = Rank::file_order;
  std::size_t chosen_sizes = 0;               // larger_sweep
  std::string started_at, chosen_started_at;  // later_run: each run's start, "" unknown

  // catalog_replaced: the catalog's figure, and whether an emulation replaced it (which
  // ranks below it: --allow-emulation asked).
  std::shared_ptr<const Figure> catalog;
  bool by_emulation = false;

  friend auto operator<=>(const Considered&, const Considered&) = default;
};

}  // namespace plainsight
