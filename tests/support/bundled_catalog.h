// The bundled catalog (model/), loaded once per test process: the one helper every test
// binary shares (PLAINSIGHT_SOURCE_DIR_FOR_TESTS is the source tree, set in tests/CMakeLists.txt).
#pragma once

#include <filesystem>

#include "core/catalog.h"
#include "load/catalog_loader.h"

namespace plainsight::testing {

inline const Catalog& bundled_catalog() {
  static const Catalog c =
      load_catalog(std::filesystem::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / "model");
  return c;
}

}  // namespace plainsight::testing
