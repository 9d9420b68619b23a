// Quantities with units, parsed from scenario text and formatted for reports.
// Inside, everything is bytes, seconds and bytes per second; GB = 1e9 B, GiB = 2^30 B.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"

namespace plainsight {

// A parse failure: message says what was expected; offset is the column within the text.
struct QuantityError {
  std::string message;
};

// "140GB", "512MiB", "1.5e12", "4096" (plain numbers are bytes): units/size_text.h, the
// grammar the probes' --sizes and --max-bytes use too. Returns bytes.
double parse_bytes(std::string_view text, QuantityError* error);
// "250ms", "2h", "90d", "1.5s", "30min", "10us". Returns seconds.
double parse_duration(std::string_view text, QuantityError* error);
// "400Gb/s", "25GB/s", "1000MB/s", "12.5GiB/s". Returns bytes per second.
double parse_bandwidth(std::string_view text, QuantityError* error);

// "12/y", "0.5/d", "3/h": events per unit time. Returns events per second.
double parse_rate(std::string_view text, QuantityError* error);

// The kinds of quantity input holds, each with its plausible range in core/limits.h.
enum class QuantityKind { size, duration, bandwidth, rate };
// "" when `value` is a positive number within the kind's range; otherwise what is wrong with
// it, to follow "'dwell' is 1e308s; ": "a duration must be at least 1 ns", "that is beyond
// any plausible duration (the limit is 100 y)". For readers that parse text themselves.
std::string implausible(QuantityKind kind, double value);
// The unit suffixes a kind takes ("GB", "MiB", ... for sizes); a rate takes a duration's
// after its '/'. For the scenario schema's patterns.
std::vector<std::string_view> quantity_units(QuantityKind kind);

// "140 GB" style, decimal units, 4 significant figures; exact and deterministic.
std::string format_bytes(double bytes);
// "250 ms", "2.00 h", "7.00 d"; picks the largest unit with a value >= 1.
std::string format_duration(double seconds);
// "25.0 GB/s".
std::string format_bandwidth(double bytes_per_second);
// "1,000,000": a whole count with thousands separators (counts past 2^53 are not whole).
std::string format_count(double count);
// A number of events or transfers: "1,000,000" when whole, else 4 significant figures
// ("4.286"), never "1e+06".
std::string format_events(double count);

}  // namespace plainsight
