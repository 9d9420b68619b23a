// Where a figure comes from. Every duration and bandwidth in a report carries one; a figure
// without provenance is a defect. Order is precedence: a lower value wins.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/considered.h"
#include "core/state.h"

namespace plainsight {

enum class Provenance {
  measured,   // a probe result for this platform, payload inside the measured sweep
  fitted,     // a fit over a probe's sweep, evaluated outside the measured range
  published,  // a catalog figure with its citation
  datasheet,  // bytes / catalog bandwidth
  emulated,   // a host stand-in for a device path (--allow-emulation only)
  assumed,    // the scenario's own number
};

// Every provenance's name, in enum order: what a file may write and the schema offers.
inline constexpr std::array<std::string_view, 6> kProvenanceNames{
    "measured", "fitted", "published", "datasheet", "emulated", "assumed"};

std::string_view to_string(Provenance p);
bool parse_provenance(std::string_view text, Provenance* out);

// How a figure follows from catalog facts and scenario numbers, as numbers and ids: the
// words ("140 GB / 64 GB/s (PCIe Gen5 x16)") are report/'s (figure_phrase.h).
struct Derivation {
  enum class Kind {
    none,                 // a probe result's own account (Figure::probe), or nothing to say
    written,              // a figure as its file writes it (ref: the text, "0.5/d")
    written_by_scenario,  // the same, where the scenario sets it (ref: the text)
    stated,               // the scenario's own duration
    resident_horizon,     // resident for the whole horizon
    resident_stated,      // a resident lifetime the scenario states
    link,                 // bytes / a catalog link's bandwidth (ref: link id; x capacity per TiB)
    stated_bandwidth,     // bytes / the scenario's own bandwidth
    figure,               // a published figure (ref: figure id): seconds, or bytes / a bandwidth
    scaled_stated,        // the scenario's stated duration scaled to these bytes
    cc_factor,            // the CC-off time x a published CC factor (ref: cc_costs id)
    cc_unchanged,     // confidential mode leaves the state here (ref: rule id, state in `state`)
    cc_unpriced,      // no CC-on figure: assumed unchanged
    unpriced,         // no figure at all: counted as free
    never_plaintext,  // plaintext per event of a window that never holds plaintext
    held_encrypted,   // plaintext per event of a window held in another state (`state`)
  } kind = Kind::none;
  double bytes = 0;
  double bandwidth_Bps = 0;
  double capacity_bytes = 0;       // link: the storage's capacity, for per-TiB bandwidth
  double base_s = 0;               // cc_factor: the CC-off seconds it scales
  State state = State::plaintext;  // cc_unchanged, held_encrypted: the state held
  std::string ref;                 // link, figure, cc_costs or rule id
  std::string medium;              // cc_unchanged: the medium
};

struct ProbeAccount;

// A number with where it came from. `source` names a catalog source id, a probe file and
// key, or the scenario file:line; `how` says how it was derived from the catalog and the
// scenario; `probe` is a probe result's own account of how it was measured or fitted.
struct Figure {
  double value = 0;
  Provenance provenance = Provenance::assumed;
  std::string source;
  // Shared: windows of a cluster's stages repeat one probe figure.
  std::shared_ptr<const ProbeAccount> probe = {};
  // Standard deviation of the value as measured (value x the sweep's relative spread), 0
  // when unknown: only probe results carry one. The simulation draws event jitter from it.
  double spread_s = 0;
  Derivation how = {};
  // What else was weighed for this value and why it was not used (other probe results,
  // refused ones, the catalog figure a measurement replaced), each naming its source: the
  // chain a report shows after the figure. Empty without measurements.
  std::vector<Considered> considered = {};
};

}  // namespace plainsight
