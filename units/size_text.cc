#include "units/size_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <initializer_list>

namespace plainsight::units {
namespace {

struct Unit {
  std::string_view suffix;
  double factor;
};

constexpr std::array kUnits{
    Unit{"B", 1.0},
    Unit{"KiB", 1024.0},
    Unit{"MiB", 1048576.0},
    Unit{"GiB", 1073741824.0},
    Unit{"TiB", 1099511627776.0},
    Unit{"PiB", 1125899906842624.0},
    Unit{"kB", 1e3},
    Unit{"KB", 1e3},
    Unit{"MB", 1e6},
    Unit{"GB", 1e9},
    Unit{"TB", 1e12},
    Unit{"PB", 1e15},
};

constexpr std::string_view kExpected = "a size (e.g. 140GB, 512MiB; KiB = 1024 B, kB = 1000 B)";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) on "'" + std::string(...).
SizeText fail(std::initializer_list<std::string_view> parts) {
  SizeText out;
  for (std::string_view p : parts) out.error.append(p);
  return out;
}

}  // namespace

std::vector<std::string_view> size_units() {
  std::vector<std::string_view> out;
  for (const Unit& u : kUnits) out.push_back(u.suffix);
  return out;
}

SizeText parse_size_text(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty()) return fail({"expected ", kExpected, ", got an empty value"});
  double number = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), number);
  if (ec != std::errc() || end == s.data())
    return fail({"expected ", kExpected, ", got '", s, "'"});
  const std::string_view suffix = trim(std::string_view(end, s.data() + s.size() - end));
  double factor = suffix.empty() ? 1.0 : 0.0;
  for (const Unit& u : kUnits)
    if (suffix == u.suffix) factor = u.factor;
  if (factor == 0) return fail({"unknown unit '", suffix, "' in '", s, "': expected ", kExpected});
  if (!std::isfinite(number)) return fail({"'", s, "' is not a finite number"});
  // "1e308PiB" overflows to infinity, which range checks downstream would let through.
  if (!std::isfinite(number * factor)) return fail({"'", s, "' is out of range"});
  return {number * factor, {}};
}

}  // namespace plainsight::units
