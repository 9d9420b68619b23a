// Fuzzes the probe result reader (plainsight-probe/1 JSON): files come from other machines
// and are read strictly. Either a MeasurementFile or an InputError; nothing else escapes.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/input_error.h"
#include "core/limits.h"
#include "core/printable.h"
#include "fuzz_support.h"
#include "load/measurement_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const plainsight::MeasurementFile f = plainsight::parse_measurement_file(
        plainsight::fuzz::text_of(data, size), "fuzz\x1b[31m.json");
    // A multi-rank file names one identity per rank, and every result a rank among them.
    FUZZ_CHECK(f.ranks >= 1);
    FUZZ_CHECK(f.machines.empty() || f.machines.size() == static_cast<std::size_t>(f.ranks));
    // A run that measured nothing is read when it records what was skipped or failed (issue
    // 21, audit 8e); a file that records nothing is not.
    FUZZ_CHECK(!f.results.empty() || !f.skipped.empty() || !f.failed.empty());
    FUZZ_CHECK(plainsight::is_printable(f.machine.hostname));
    FUZZ_CHECK(plainsight::is_printable(f.name) && plainsight::is_printable(f.path));
    for (const auto& r : f.results) {
      FUZZ_CHECK(r.rank == -1 || (r.rank >= 0 && r.rank < f.ranks));
      FUZZ_CHECK(!r.samples_s.empty() && r.median_s > 0 && r.bytes > 0);
      // The schema and the limits hold for whatever the reader accepts.
      FUZZ_CHECK(plainsight::is_printable(r.probe) && r.probe.find('.') != std::string::npos);
      FUZZ_CHECK(r.bytes <= plainsight::kMaxBytes && r.median_s <= plainsight::kMaxSeconds);
      FUZZ_CHECK(r.bytes / r.median_s <= plainsight::kMaxBandwidth);
      // The summary is the samples' (issue 21): a median among them, a cv no larger than a
      // set of non-negative samples can have (sqrt(n)).
      FUZZ_CHECK(r.median_s >= r.min_s * (1 - 1e-6) - 1e-12 &&
                 r.median_s <= r.max_s * (1 + 1e-6) + 1e-12);
      FUZZ_CHECK(r.cv >= 0 && r.cv <= std::sqrt(static_cast<double>(r.samples_s.size())) + 1e-3);
      if (f.ranks == 1) FUZZ_CHECK(r.rank == -1);
      (void)f.machine_of(r);
      (void)r.param("bytes");
    }
  } catch (const plainsight::InputError& e) {
    FUZZ_CHECK(e.what()[0] != '\0');
  }
  return 0;
}
