// Where a figure comes from. Every duration and bandwidth in a report carries one; a figure
// without provenance is a defect. Order is precedence: a lower value wins.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

enum class Provenance {
  measured,   // a probe result for this platform, payload inside the measured sweep
  fitted,     // a fit over a probe's sweep, evaluated outside the measured range
  published,  // a catalog figure with its citation
  datasheet,  // bytes / catalog bandwidth
  emulated,   // a host stand-in for a device path (--allow-emulation only)
  assumed,    // the scenario's own number
};

std::string_view to_string(Provenance p);
bool parse_provenance(std::string_view text, Provenance* out);

// A number with where it came from. `source` names a catalog source id, a probe file and
// key, or the scenario file:line; `detail` says how it was derived ("140 GB / 64 GB/s").
struct Figure {
  double value = 0;
  Provenance provenance = Provenance::assumed;
  std::string source;
  std::string detail;
  // Standard deviation of the value as measured (value x the sweep's relative spread), 0
  // when unknown: only probe results carry one. The simulation draws event jitter from it.
  double spread_s = 0;
  // What else was weighed for this value and why it was not used (other probe results,
  // refused ones, the catalog figure a measurement replaced), each naming its source: the
  // chain a report shows after the figure. Empty without measurements.
  std::vector<std::string> considered = {};
};

}  // namespace plainsight
