// Fuzzes the probe result reader (plainsight-probe/1 JSON): files come from other machines
// and are read strictly. Either a MeasurementFile or an InputError; nothing else escapes.
#include <cstddef>
#include <cstdint>

#include "core/input_error.h"
#include "fuzz_support.h"
#include "load/measurement_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const plainsight::MeasurementFile f =
        plainsight::parse_measurement_file(plainsight::fuzz::text_of(data, size), "fuzz.json");
    // A multi-rank file names one identity per rank, and every result a rank among them.
    FUZZ_CHECK(f.ranks >= 1);
    FUZZ_CHECK(f.machines.empty() || f.machines.size() == static_cast<std::size_t>(f.ranks));
    FUZZ_CHECK(!f.results.empty());
    for (const auto& r : f.results) {
      FUZZ_CHECK(r.rank == -1 || (r.rank >= 0 && r.rank < f.ranks));
      FUZZ_CHECK(!r.samples_s.empty() && r.median_s > 0 && r.bytes > 0);
      (void)f.machine_of(r);
      (void)r.param("bytes");
    }
    (void)f.machine.summary();
  } catch (const plainsight::InputError& e) {
    FUZZ_CHECK(e.what()[0] != '\0');
  }
  return 0;
}
