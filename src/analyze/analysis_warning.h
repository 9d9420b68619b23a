// A warning an analysis raises, typed: what it is about and the values involved. report/
// writes the words (warning_phrase.h), the same in every format and on stderr.
#pragma once

#include <compare>
#include <memory>
#include <optional>
#include <string>

#include "core/considered.h"
#include "core/facet_mismatch.h"
#include "core/platform_option.h"
#include "core/provenance.h"
#include "core/window.h"

namespace plainsight {

struct AnalysisWarning {
  enum class Kind {
    // A probe result not used for `stage` (`entry`: a refusal, or an outranked sweep of a
    // file nothing else was used from); `kept`: the catalog figure's provenance, which
    // stays, where there was one.
    not_used,
    forced,                 // `probe` in `file` measured on another platform (`mismatch`), used
    emulation_used,         // `probe` in `file`, a host emulation, stands in (--allow-emulation)
    disagreement,           // `file`, used for `stage`, and `entry` (its outranked sweep) disagree
    file_applies_nowhere,   // no result in `file` applies to a stage of the scenario
    file_unused,            // none of `file`'s results was used: each refused or outranked
    file_holds_nothing,     // `file` has no result: its probes were skipped or failed
    workload_unpriced,      // the workload's `stage` has no bandwidth to price `bytes` with
    workload_cc_unpriced,   // no cost of confidential mode on `medium` (`stage`)
    announced_gpu,          // `gpu` is announced, not shipping
    cc_pair_refused,        // `stage`'s measured CC pair (`pair`) is refused: on faster than off
    workload_pair_refused,  // the workload priced `stage` without its refused pair (`pair`)
  };
  Kind kind = Kind::not_used;
  std::string stage;
  std::string probe;
  std::string file;
  Considered entry;
  std::optional<Provenance> kept;
  FacetMismatch mismatch;
  double bytes = 0;
  std::string medium;
  const PlatformOption* gpu = nullptr;  // catalog
  std::shared_ptr<const CcPair> pair;

  friend auto operator<=>(const AnalysisWarning&, const AnalysisWarning&) = default;
};

}  // namespace plainsight
