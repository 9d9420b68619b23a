// "did you mean" suggestions for unknown keys and references.
#pragma once

#include <string>
#include <vector>

namespace plainsight {

// The closest candidate within a small edit distance, or "".
std::string closest(const std::string& word, const std::vector<std::string>& candidates);
// " (did you mean 'x'?)" or "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace plainsight
