// The words of an analysis's warnings (analyze/analysis_warning.h): one sentence each, the
// same in every format and on stderr ("plainsight: warning: ...").
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis_warning.h"

namespace plainsight {

// "stage 'pcie': cuda.h2d in a.json was measured with CC off; the scenario runs CC on: not
// used (--allow-mismatch uses it); the datasheet figure stays"
std::string warning_phrase(const AnalysisWarning& warning);
// Each, in order.
std::vector<std::string> warning_phrases(const std::vector<AnalysisWarning>& warnings);

}  // namespace plainsight
