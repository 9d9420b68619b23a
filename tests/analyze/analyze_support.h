// Shared by the analyze tests: the bundled catalog and scenarios, and small hand-built ones.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scenario.h"
#include "load/catalog_loader.h"
#include "load/scenario_loader.h"
#include "support/bundled_catalog.h"

namespace plainsight::testing {

inline const std::filesystem::path kRoot = PLAINSIGHT_SOURCE_DIR_FOR_TESTS;

inline Scenario bundled_scenario(const std::string& name,
                                 const std::vector<std::string>& sets = {}) {
  return load_scenario(kRoot / "scenarios" / (name + ".yaml"), bundled_catalog(), sets);
}

// aws-frontier as one platform (no places): the platform what-ifs the bundled one, on p5
// instances without a CPU TEE, refuses.
inline Scenario one_platform_scenario(const std::vector<std::string>& sets = {}) {
  return load_scenario(kRoot / "tests" / "data" / "aws-frontier-one-platform.yaml",
                       bundled_catalog(), sets);
}

inline Stage stage(const std::string& id, const std::string& medium) {
  Stage s;
  s.id = id;
  s.name = id;
  s.medium = medium;
  s.duration = DurationSpec{};
  s.duration->seconds = 1;
  return s;
}

inline Flow flow(const std::string& from, const std::string& to) {
  Flow f;
  f.from = from;
  f.to = to;
  return f;
}

inline Flow encrypting(const std::string& from, const std::string& to, const std::string& custody) {
  Flow f = flow(from, to);
  f.encrypts = true;
  f.key_custody = custody;
  f.scheme = "AES-256-GCM";
  return f;
}

inline Flow decrypting(const std::string& from, const std::string& to) {
  Flow f = flow(from, to);
  f.decrypts = true;
  return f;
}

}  // namespace plainsight::testing
