// Fuzzes what `plainsight analyze` does with an untrusted scenario past loading: a scenario
// the loader accepts goes through the window computation and every report format. Values
// at the edges of what the loader allows (a century-long horizon, an exabyte asset, a
// nanosecond window) must not crash, overflow into UB, or hang anything downstream.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyze/analysis.h"
#include "bundled_catalog.h"
#include "core/input_error.h"
#include "core/limits.h"
#include "fuzz_support.h"
#include "load/scenario_loader.h"
#include "load/yaml_file.h"
#include "report/render.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const plainsight::Catalog& catalog = plainsight::fuzz::bundled_catalog();
  plainsight::Scenario scenario;
  try {
    plainsight::YamlFile file =
        plainsight::YamlFile::parse(plainsight::fuzz::text_of(data, size), "fuzz.yaml");
    scenario = plainsight::read_scenario(file, catalog);
  } catch (const plainsight::InputError&) {
    return 0;  // scenario_yaml_fuzz covers rejection
  }
  try {
    const plainsight::Analysis a = plainsight::analyze(catalog, std::move(scenario));
    // Nothing a report prints is NaN, infinite or beyond the limits.
    for (const plainsight::Window& w : a.windows) {
      FUZZ_CHECK(std::isfinite(w.per_event.value) && w.per_event.value >= 0 &&
                 w.per_event.value <= plainsight::kMaxSeconds);
      FUZZ_CHECK(std::isfinite(w.bytes) && std::isfinite(w.plaintext_total_s) &&
                 std::isfinite(w.plaintext_coverage_s));
    }
    for (const plainsight::ReportFormat& f : plainsight::report_formats())
      FUZZ_CHECK(!plainsight::render(a, f.name).empty());
  } catch (const plainsight::InputError& e) {
    // Some checks need the analysis (a window longer than the horizon, say).
    FUZZ_CHECK(e.what()[0] != '\0');
  }
  return 0;
}
