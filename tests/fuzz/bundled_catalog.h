// The bundled catalog and scenarios, loaded once per fuzzing process: they are trusted
// inputs here, the fuzzed bytes are what varies.
#pragma once

#include <string>
#include <vector>

#include "core/catalog.h"
#include "support/bundled_catalog.h"

namespace plainsight::fuzz {

using testing::bundled_catalog;
// The text of every scenarios/*.yaml, in file-name order.
const std::vector<std::string>& bundled_scenarios();

}  // namespace plainsight::fuzz
