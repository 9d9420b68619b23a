// Scenarios read from text in the load tests: the bundled catalog, a scenario of a fixed
// head and a test's own body, and the message reading one gives.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/input_error.h"
#include "load/catalog_loader.h"
#include "load/scenario_loader.h"
#include "load/yaml_file.h"

namespace plainsight::testing {

inline const Catalog& bundled_model() {
  static const Catalog c =
      load_catalog(std::filesystem::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / "model");
  return c;
}

// The smallest head of a scenario with a GPU: a test adds its own body.
inline constexpr const char* kH100Head = R"(name: t
horizon: 30d
asset:
  parameters: 70e9
platform:
  gpu: h100
)";

// `head` + `body` read as the file t.yaml.
inline Scenario scenario_of(const std::string& head, const std::string& body,
                            const std::vector<std::string>& sets = {}) {
  YamlFile f = YamlFile::parse(head + body, "t.yaml");
  return read_scenario(f, bundled_model(), sets);
}

// The input error reading it gives, or "(no error)".
inline std::string scenario_error(const std::string& head, const std::string& body,
                                  const std::vector<std::string>& sets = {}) {
  try {
    scenario_of(head, body, sets);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace plainsight::testing
