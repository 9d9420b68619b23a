// Where each catalog control can be deployed in a scenario, in words: the places it would
// change, the ones that already have it, and why it cannot change the others (an offering
// that does not offer the value, a key the scenario pins, a platform rule).
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

// "gpu_confidential_mode: not deployable: Training cluster (aws_p5) offers no cpu_tee other
// than none [Amazon EC2 API Reference: CpuOptionsRequest, shipping]". One line per control.
std::vector<std::string> deployment_lines(const Analysis& analysis);
// What a control sets: "cpu_tee=sev_snp|tdx, confidential_mode=on" (alternatives by '|').
std::string settings_phrase(const Control& control);
// The reason one control leaves one place as it is.
std::string undeployable_phrase(const Analysis& analysis, const Undeployable& u);

}  // namespace plainsight
