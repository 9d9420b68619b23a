// Fuzzes scenario loading end to end: YAML text -> YamlFile (size, NUL, UTF-8 and depth
// checks, libyaml's events, our tree) -> strict MapReader walk -> checks against the bundled
// catalog. Untrusted text either gives a Scenario or an InputError; anything else escaping
// is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "bundled_catalog.h"
#include "core/input_error.h"
#include "core/limits.h"
#include "core/printable.h"
#include "fuzz_support.h"
#include "load/scenario_loader.h"
#include "load/yaml_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const plainsight::Catalog& catalog = plainsight::fuzz::bundled_catalog();
  try {
    plainsight::YamlFile file =
        plainsight::YamlFile::parse(plainsight::fuzz::text_of(data, size), "fuzz.yaml");
    const plainsight::Scenario scenario = plainsight::read_scenario(file, catalog);
    FUZZ_CHECK(!scenario.stages.empty());
    // What the reader lets through is printable and within the limits (core/limits.h).
    FUZZ_CHECK(!scenario.name.empty() && plainsight::is_printable(scenario.name));
    FUZZ_CHECK(scenario.horizon_s >= plainsight::kMinHorizonSeconds &&
               scenario.horizon_s <= plainsight::kMaxSeconds);
    for (const plainsight::Stage& s : scenario.stages) {
      FUZZ_CHECK(plainsight::is_printable(s.name) && plainsight::is_printable(s.location));
      FUZZ_CHECK(s.events >= 1 && s.events <= plainsight::kMaxEvents &&
                 s.events == std::floor(s.events));
      FUZZ_CHECK(!s.duration || s.duration->kind != plainsight::DurationSpec::Kind::stated ||
                 (s.duration->seconds >= plainsight::kMinSeconds &&
                  s.duration->seconds <= plainsight::kMaxSeconds));
    }
  } catch (const plainsight::InputError& e) {
    // Every rejection must say something.
    FUZZ_CHECK(e.what()[0] != '\0');
  }
  return 0;
}
