// Sizes as text, one grammar for the whole project: the analyzer's scenario and catalog
// sizes (src/core/quantity.h) and the probes' --sizes and --max-bytes (hwprobe/harness/
// size_sweep.h) both read them here, so "4k" cannot mean 4096 to one and an error to the
// other. A leaf with no dependencies: hwprobe depends on nothing in src/, and src/ on
// nothing in hwprobe/.
//
//   140GB, 1.5 TB, 1e3kB   decimal: kB/KB = 1e3, MB = 1e6, GB = 1e9, TB = 1e12, PB = 1e15
//   512MiB, 4KiB           binary: KiB = 2^10 ... PiB = 2^50
//   4096, 16B              bytes
// Units are case-sensitive and spelled out: "4k", "1g" or "512mib" are errors that say
// which spellings exist (a lone k is 1000 to some tools and 1024 to others).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight::units {

struct SizeText {
  double bytes = 0;   // the value; meaningful only when error is empty
  std::string error;  // what was expected, naming the text; empty on success
};

// Spaces and tabs around the number and the unit are ignored. Finite, any sign: callers
// check their own range (a scenario size > 0, a probe size >= 1 byte and whole).
SizeText parse_size_text(std::string_view text);

// The unit suffixes parse_size_text takes ("B", "KiB", ... "PB").
std::vector<std::string_view> size_units();

}  // namespace plainsight::units
