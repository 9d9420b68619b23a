// Scenarios read from text in the load tests, under the bundled catalog: a scenario of a
// fixed head and a test's own body, and the message reading one gives.
#pragma once

#include <string>
#include <vector>

#include "core/input_error.h"
#include "load/scenario_loader.h"
#include "load/yaml_file.h"
#include "support/bundled_catalog.h"

namespace plainsight::testing {

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
  return read_scenario(f, bundled_catalog(), sets);
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
