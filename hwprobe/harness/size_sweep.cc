#include "hwprobe/harness/size_sweep.h"

#include "units/size_text.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>

namespace hwprobe {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::uint64_t parse_size(std::string_view text) {
  const std::string_view s = trim(text);
  const plainsight::units::SizeText parsed = plainsight::units::parse_size_text(s);
  if (!parsed.error.empty()) throw SizeError(parsed.error);
  const double bytes = parsed.bytes;
  if (!(bytes >= 1)) throw SizeError("size '" + std::string(s) + "': must be at least 1 byte");
  // The limit in units the grammar reads (there is no EB unit in it).
  if (bytes > 1e18) throw SizeError("size '" + std::string(s) + "': larger than 1000 PB (1e18 B)");
  if (bytes != std::floor(bytes)) {
    throw SizeError("size '" + std::string(s) + "': not a whole number of bytes");
  }
  return static_cast<std::uint64_t>(bytes);
}

std::vector<std::uint64_t> pow2_sweep(std::uint64_t from, std::uint64_t to, unsigned step) {
  std::vector<std::uint64_t> out;
  if (from == 0 || step < 2) return out;
  for (std::uint64_t v = from; v <= to; v *= step) {
    out.push_back(v);
    if (v > std::numeric_limits<std::uint64_t>::max() / step) break;
  }
  return out;
}

std::vector<std::uint64_t> parse_sweep(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty()) throw SizeError("empty size list (expected 4KiB..1GiB or 4KiB,1MiB)");
  if (const auto dots = s.find(".."); dots != std::string_view::npos) {
    const std::uint64_t from = parse_size(s.substr(0, dots));
    const std::uint64_t to = parse_size(s.substr(dots + 2));
    if (from > to) {
      throw SizeError("size range '" + std::string(s) + "': first size is above the last");
    }
    return pow2_sweep(from, to);
  }
  std::vector<std::uint64_t> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = s.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? s.size() : comma;
    out.push_back(parse_size(s.substr(start, end - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::vector<std::uint64_t> cap_sizes(std::vector<std::uint64_t> sizes, std::uint64_t max_bytes) {
  std::erase_if(sizes, [&](std::uint64_t v) { return v > max_bytes; });
  return sizes;
}

std::string format_size(std::uint64_t bytes) {
  static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1024 && u < 5) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  if (v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f %s", v, kUnits[u]);
  } else {
    std::snprintf(buf, sizeof buf, "%.3g %s", v, kUnits[u]);
  }
  return buf;
}

}  // namespace hwprobe
