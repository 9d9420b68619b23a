// `plainsight measurements show FILE` and `measurements compare A B`: probe result files
// (plainsight-probe/1) as text tables, with a fit per sweep, and two files side by side (for
// example a GPU node with confidential mode off and on).
#pragma once

#include <string>

#include "load/measurement_file.h"

namespace plainsight {

// The file's machine, every result, a fit over each sweep's medians, skips and failures.
std::string measurement_file_report(const MeasurementFile& file);
// The points both files measured, A's median against B's, and host.bounce_buffer's CC-on
// and CC-off pairs within each file.
std::string measurement_comparison(const MeasurementFile& a, const MeasurementFile& b);

}  // namespace plainsight
