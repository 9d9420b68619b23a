// Fuzzes the quantity parsers (sizes, durations, bandwidths, rates): every value in a
// scenario, catalog or --set goes through them. A parse either fails with a message and NaN
// or gives a finite number; formatting any double never fails.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/quantity.h"
#include "fuzz_support.h"

namespace {

using plainsight::QuantityError;

template <class Parse>
double checked(Parse parse, const std::string& text) {
  QuantityError err;
  const double v = parse(text, &err);
  // Failure is NaN plus a message; success is a finite number and no message.
  if (std::isnan(v)) {
    FUZZ_CHECK(!err.message.empty());
  } else {
    FUZZ_CHECK(std::isfinite(v));
    FUZZ_CHECK(err.message.empty());
  }
  // Without an error sink the parser must not dereference it.
  const double again = parse(text, nullptr);
  FUZZ_CHECK(std::isnan(v) ? std::isnan(again) : again == v);
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = plainsight::fuzz::text_of(data, size);
  const double bytes = checked(plainsight::parse_bytes, text);
  const double seconds = checked(plainsight::parse_duration, text);
  const double bps = checked(plainsight::parse_bandwidth, text);
  const double rate = checked(plainsight::parse_rate, text);

  // "N/<duration>" means N events per that duration: "3/2h" is 3 per 2 hours.
  if (!std::isnan(rate)) {
    const auto slash = text.find('/');
    const double period = plainsight::parse_duration(text.substr(slash + 1), nullptr);
    if (!std::isnan(period) && period > 0) {
      const double count = rate * period;
      const double stated = plainsight::parse_bytes(text.substr(0, slash), nullptr);
      if (!std::isnan(stated) && std::isfinite(count))
        FUZZ_CHECK(std::fabs(count - stated) <= 1e-9 * std::fabs(stated) + 1e-300);
    }
  }

  for (double v : {bytes, seconds, bps, rate}) {
    (void)plainsight::format_bytes(v);
    (void)plainsight::format_duration(v);
    (void)plainsight::format_bandwidth(v);
  }
  // Any bit pattern, NaN and infinities included: reports format computed values.
  if (size >= sizeof(double)) {
    double raw;
    std::memcpy(&raw, data, sizeof raw);
    (void)plainsight::format_bytes(raw);
    (void)plainsight::format_duration(raw);
    (void)plainsight::format_bandwidth(raw);
  }
  return 0;
}
