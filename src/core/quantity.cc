#include "core/quantity.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "units/size_text.h"

namespace plainsight {
namespace {

struct Unit {
  std::string_view suffix;
  double factor;
};

// Suffixes are compared whole ("ms" is never "m" + "s"). Sizes: units/size_text.h.
constexpr std::array kDurationUnits{
    Unit{"min", 60.0},  Unit{"ms", 1e-3},    Unit{"us", 1e-6},
    Unit{"ns", 1e-9},   Unit{"s", 1.0},      Unit{"h", 3600.0},
    Unit{"d", 86400.0}, Unit{"w", 604800.0}, Unit{"y", 365.25 * 86400.0},
};
constexpr std::array kRateUnits{
    Unit{"Tb/s", 1e12 / 8}, Unit{"Gb/s", 1e9 / 8},    Unit{"Mb/s", 1e6 / 8},
    Unit{"Tbps", 1e12 / 8}, Unit{"Gbps", 1e9 / 8},    Unit{"Mbps", 1e6 / 8},
    Unit{"KiB/s", 1024.0},  Unit{"MiB/s", 1048576.0}, Unit{"GiB/s", 1073741824.0},
    Unit{"TB/s", 1e12},     Unit{"GB/s", 1e9},        Unit{"MB/s", 1e6},
    Unit{"kB/s", 1e3},      Unit{"B/s", 1.0},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

template <std::size_t N>
double parse_with(std::string_view text, const std::array<Unit, N>& units, bool bare_allowed,
                  std::string_view what, std::string_view examples, QuantityError* error) {
  auto fail = [&](std::string msg) {
    if (error) error->message = std::move(msg);
    return std::nan("");
  };
  std::string_view s = trim(text);
  if (s.empty())
    return fail(fmt::format("expected {} (e.g. {}), got an empty value", what, examples));
  double number = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), number);
  if (ec != std::errc() || end == s.data())
    return fail(fmt::format("expected {} (e.g. {}), got '{}'", what, examples, s));
  std::string_view suffix = trim(std::string_view(end, s.data() + s.size() - end));
  double factor = 0;
  if (suffix.empty()) {
    if (!bare_allowed)
      return fail(fmt::format("'{}' has no unit: expected {} (e.g. {})", s, what, examples));
    factor = 1.0;
  } else {
    for (const Unit& u : units)
      if (suffix == u.suffix) factor = u.factor;
    if (factor == 0)
      return fail(fmt::format("unknown unit '{}' in '{}': expected {} (e.g. {})", suffix, s, what,
                              examples));
  }
  if (!std::isfinite(number)) return fail(fmt::format("'{}' is not a finite number", s));
  // "1e308PiB" overflows to infinity, which range checks downstream would let through.
  if (!std::isfinite(number * factor)) return fail(fmt::format("'{}' is out of range", s));
  return number * factor;
}

std::string sig4(double v) {
  // Four significant figures without exponent noise: 140, 1.500, 12.50.
  if (v == 0) return "0";
  // Below what three decimals show, a value that is not zero must not print as "0".
  if (std::fabs(v) < 0.0005) return fmt::format("{:.3g}", v);
  double a = std::fabs(v);
  int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

}  // namespace

std::vector<std::string_view> quantity_units(QuantityKind kind) {
  std::vector<std::string_view> out;
  auto add = [&](const auto& units) {
    for (const Unit& u : units) out.push_back(u.suffix);
  };
  if (kind == QuantityKind::size)
    for (std::string_view u : units::size_units()) out.push_back(u);
  if (kind == QuantityKind::duration || kind == QuantityKind::rate) add(kDurationUnits);
  if (kind == QuantityKind::bandwidth) add(kRateUnits);
  return out;
}

double parse_bytes(std::string_view text, QuantityError* error) {
  // The one size grammar of the project, shared with the probes' --sizes and --max-bytes.
  const units::SizeText s = units::parse_size_text(text);
  if (s.error.empty()) return s.bytes;
  if (error) error->message = s.error;
  return std::nan("");
}

double parse_duration(std::string_view text, QuantityError* error) {
  return parse_with(text, kDurationUnits, false, "a duration", "250ms, 2h, 90d", error);
}

double parse_bandwidth(std::string_view text, QuantityError* error) {
  return parse_with(text, kRateUnits, false, "a bandwidth", "400Gb/s, 25GB/s", error);
}

double parse_rate(std::string_view text, QuantityError* error) {
  constexpr std::string_view kWhat = "a rate", kExamples = "12/y, 0.5/d, 3/2h";
  std::string_view s = trim(text);
  auto fail = [&](std::string msg) {
    if (error) error->message = std::move(msg);
    return std::nan("");
  };
  auto slash = s.find('/');
  if (slash == std::string_view::npos)
    return fail(fmt::format("expected {} (e.g. {}), got '{}'", kWhat, kExamples, s));
  QuantityError part;
  double count = parse_with(s.substr(0, slash), kDurationUnits, true, kWhat, kExamples, &part);
  if (std::isnan(count)) return fail(part.message);
  // The period is a bare unit ("/d" = per 1 d) or a whole duration ("/2h"); prefixing "1"
  // to the text would read "3/2h" as 3 per 12 h.
  const std::string_view unit = trim(s.substr(slash + 1));
  std::string per(unit);
  if (unit.empty() || !((unit.front() >= '0' && unit.front() <= '9') || unit.front() == '.'))
    per.insert(0, 1, '1');
  // A bad period is reported in the words of the text given ('3//y'), not of the "1/y"
  // made from it.
  const double period = parse_with(per, kDurationUnits, false, kWhat, kExamples, nullptr);
  if (std::isnan(period))
    return fail(fmt::format("'{}' after the '/' in '{}' is not a period: expected {} (e.g. {})",
                            unit, s, kWhat, kExamples));
  if (!(period > 0)) return fail(fmt::format("the period of '{}' must be longer than zero", s));
  if (!std::isfinite(count / period)) return fail(fmt::format("'{}' is out of range", s));
  return count / period;
}

std::string implausible(QuantityKind kind, double v) {
  struct Range {
    const char* name;
    double min, max;
    std::string (*show)(double);
  };
  static const auto rate = [](double per_s) { return fmt::format("{:g}/s", per_s); };
  const Range r = kind == QuantityKind::size ? Range{"size", kMinBytes, kMaxBytes, format_bytes}
                  : kind == QuantityKind::duration
                      ? Range{"duration", kMinSeconds, kMaxSeconds, format_duration}
                  : kind == QuantityKind::bandwidth
                      ? Range{"bandwidth", kMinBandwidth, kMaxBandwidth, format_bandwidth}
                      : Range{"rate", kMinRate, kMaxRate, +rate};
  if (std::isnan(v)) return fmt::format("a {} must be a number", r.name);
  if (!(v > 0)) return fmt::format("a {} must be positive", r.name);
  if (v < r.min) return fmt::format("a {} must be at least {}", r.name, r.show(r.min));
  if (v > r.max)
    return fmt::format("that is beyond any plausible {} (the limit is {})", r.name, r.show(r.max));
  return "";
}

std::string format_bytes(double bytes) {
  constexpr std::array<std::pair<double, const char*>, 6> units{
      {{1e18, "EB"}, {1e15, "PB"}, {1e12, "TB"}, {1e9, "GB"}, {1e6, "MB"}, {1e3, "kB"}}};
  for (auto [f, name] : units)
    if (std::fabs(bytes) >= f) return sig4(bytes / f) + " " + name;
  return sig4(bytes) + " B";
}

std::string format_duration(double s) {
  constexpr std::array<std::pair<double, const char*>, 4> big{
      {{365.25 * 86400, "y"}, {86400, "d"}, {3600, "h"}, {60, "min"}}};
  double a = std::fabs(s);
  if (a >= 365.25 * 86400 * 2 || a >= 86400 || a >= 3600 || a >= 60) {
    for (auto [f, name] : big)
      if (a >= f) return sig4(s / f) + " " + name;
  }
  if (a >= 1 || a == 0) return sig4(s) + " s";
  if (a >= 1e-3) return sig4(s * 1e3) + " ms";
  if (a >= 1e-6) return sig4(s * 1e6) + " us";
  return sig4(s * 1e9) + " ns";
}

std::string format_bandwidth(double bps) {
  constexpr std::array<std::pair<double, const char*>, 4> units{
      {{1e12, "TB/s"}, {1e9, "GB/s"}, {1e6, "MB/s"}, {1e3, "kB/s"}}};
  for (auto [f, name] : units)
    if (std::fabs(bps) >= f) return sig4(bps / f) + " " + name;
  return sig4(bps) + " B/s";
}

std::string format_events(double count) {
  if (std::isfinite(count) && count == std::floor(count) && std::fabs(count) < 1e15)
    return format_count(count);
  return fmt::format("{:.4g}", count);
}

std::string format_count(double count) {
  std::string digits = fmt::format("{:.0f}", std::fabs(count));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  if (count < 0) out.insert(out.begin(), '-');
  return out;
}

}  // namespace plainsight
