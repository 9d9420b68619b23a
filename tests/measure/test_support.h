// Paths and loaders shared by the measure tests.
#pragma once

#include <string>

#include "core/catalog.h"
#include "core/scenario.h"
#include "load/catalog_loader.h"
#include "load/measurement_file.h"
#include "load/scenario_loader.h"
#include "support/bundled_catalog.h"

namespace plainsight::test {

inline std::string data(const std::string& name) {
  return std::string(PLAINSIGHT_TEST_DATA) + "/data/" + name;
}
inline std::string repo(const std::string& path) {
  return std::string(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) + "/" + path;
}
using testing::bundled_catalog;

}  // namespace plainsight::test
