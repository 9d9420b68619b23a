// Labels that must fit a box or a column in a drawing.
#pragma once

#include <cstddef>
#include <string>

namespace plainsight {

// `s` in at most `n` characters (UTF-8), cut at the end and marked with an ellipsis. A
// group's stage ("group: stage", the loader's naming) is cut in the group's part, so that
// the stage stays whole: "h100 x8, sev…: Fabric (x 2)".
std::string shortened(const std::string& s, std::size_t n);

}  // namespace plainsight
