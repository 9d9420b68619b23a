// Fuzzes --set KEY=VALUE overrides. Input layout: the first byte picks a bundled scenario;
// the rest, up to an optional "\n%%\n", is one override per line; text after the separator
// replaces the scenario, so the fuzzer can also steer overrides through anchors and aliases
// of its own YAML. Overrides then go through the strict reader like the YAML they replace.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bundled_catalog.h"
#include "core/input_error.h"
#include "fuzz_support.h"
#include "load/overlay.h"
#include "load/scenario_loader.h"
#include "load/yaml_file.h"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (nl > start) out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& scenarios = plainsight::fuzz::bundled_scenarios();
  FUZZ_CHECK(!scenarios.empty());
  std::string yaml = scenarios[data[0] % scenarios.size()];
  std::string sets = plainsight::fuzz::text_of(data + 1, size - 1);
  if (const auto sep = sets.find("\n%%\n"); sep != std::string::npos) {
    yaml = sets.substr(sep + 4);
    sets.resize(sep);
  }
  const std::vector<std::string> overrides = lines_of(sets);
  try {
    plainsight::YamlFile file = plainsight::YamlFile::parse(yaml, "fuzz.yaml");
    (void)plainsight::read_scenario(file, plainsight::fuzz::bundled_catalog(), overrides);
  } catch (const plainsight::InputError& e) {
    FUZZ_CHECK(e.what()[0] != '\0');
  }
  // apply_override on its own as well, on a file whose root may be any YAML node.
  try {
    plainsight::YamlFile file = plainsight::YamlFile::parse(yaml, "fuzz.yaml");
    for (const auto& o : overrides) plainsight::apply_override(file, o);
  } catch (const plainsight::InputError& e) {
    FUZZ_CHECK(e.what()[0] != '\0');
  }
  return 0;
}
