// Sizes on the command line: "4096", "16B", "4KiB", "1GB" (GB = 1e9, GiB = 2^30), in the
// project's one size grammar (units/size_text.h, shared with the analyzer: "4k" is an
// error to both), and sweeps: "4KiB..1GiB" (powers of two from the first to the last) or
// "4KiB,1MiB,16MiB".
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hwprobe {

// Bad size text; what() says what was expected.
class SizeError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

std::uint64_t parse_size(std::string_view text);
std::vector<std::uint64_t> parse_sweep(std::string_view text);

// Powers of two from `from` to `to` inclusive, multiplying by `step` (a power of two).
std::vector<std::uint64_t> pow2_sweep(std::uint64_t from, std::uint64_t to, unsigned step = 2);

// Drops sizes above `max_bytes`, keeping order.
std::vector<std::uint64_t> cap_sizes(std::vector<std::uint64_t> sizes, std::uint64_t max_bytes);

// "16 B", "4 KiB", "1.5 MiB": binary units, as sweeps are powers of two.
std::string format_size(std::uint64_t bytes);

}  // namespace hwprobe
