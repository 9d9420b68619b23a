#include "report/plot_axis.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace plainsight {
namespace {

struct Unit {
  const char* name;
  const char* words;
  double scale;
};

constexpr Unit kDurations[] = {{"ns", "nanoseconds", 1e-9},  {"us", "microseconds", 1e-6},
                               {"ms", "milliseconds", 1e-3}, {"s", "seconds", 1},
                               {"min", "minutes", 60},       {"h", "hours", 3600},
                               {"d", "days", 86400},         {"y", "years", 365.25 * 86400}};
// The words say what the unit is without brackets: an axis title puts them in its own
// ("read_bandwidth (GB/s = 1e9 bytes per second, log scale)").
constexpr Unit kSizes[] = {{"B", "bytes", 1},
                           {"kB", "kB = 1e3 bytes", 1e3},
                           {"MB", "MB = 1e6 bytes", 1e6},
                           {"GB", "GB = 1e9 bytes", 1e9},
                           {"TB", "TB = 1e12 bytes", 1e12},
                           {"PB", "PB = 1e15 bytes", 1e15}};
constexpr Unit kBandwidths[] = {{"B/s", "bytes per second", 1},
                                {"kB/s", "kB/s = 1e3 bytes per second", 1e3},
                                {"MB/s", "MB/s = 1e6 bytes per second", 1e6},
                                {"GB/s", "GB/s = 1e9 bytes per second", 1e9},
                                {"TB/s", "TB/s = 1e12 bytes per second", 1e12}};
// A rate per unit of time: the scale is events per second in one event per that unit.
constexpr Unit kRates[] = {{"/y", "per year", 1 / (365.25 * 86400)},
                           {"/d", "per day", 1 / 86400.0},
                           {"/h", "per hour", 1 / 3600.0},
                           {"/s", "per second", 1}};

template <std::size_t N>
DisplayUnit pick(const Unit (&units)[N], double largest) {
  // The largest unit in which the largest value is still at least 1 (rates: the smallest
  // rate unit, per year first, in which it is at least 1 ... they run the other way).
  const Unit* best = &units[0];
  for (const Unit& u : units)
    if (largest / u.scale >= 1) best = &u;
  return {best->name, best->words, best->scale};
}

// A whole number of days (at least one, fewer than 100,000), which reads better as days than
// as a fraction of a 365.25-day year: 730 d, not 1.999 y.
bool whole_days(double seconds) {
  const double days = seconds / 86400;
  return days >= 1 && days < 1e5 && std::fabs(days - std::round(days)) <= 1e-9 * days;
}

}  // namespace

DisplayUnit display_unit(std::optional<QuantityKind> kind, const std::vector<double>& values) {
  double largest = 0;
  for (double v : values)
    if (std::isfinite(v)) largest = std::max(largest, std::fabs(v));
  if (!kind) return {};
  switch (*kind) {
    case QuantityKind::duration:
      // Values typed in days stay in days (a sweep of 176d..730d is not drawn in years).
      if (!values.empty() && std::all_of(values.begin(), values.end(), whole_days))
        return {"d", "days", 86400};
      return pick(kDurations, largest);
    case QuantityKind::size:
      return pick(kSizes, largest);
    case QuantityKind::bandwidth:
      return pick(kBandwidths, largest);
    case QuantityKind::rate: {
      // Per year unless that reads above a thousand.
      for (const Unit& u : kRates)
        if (largest / u.scale < 1000) return {u.name, u.words, u.scale};
      const Unit& u = kRates[std::size(kRates) - 1];
      return {u.name, u.words, u.scale};
    }
  }
  return {};
}

std::string tick_text(double v) {
  if (v == 0) return "0";
  std::string s = fmt::format("{:.4g}", v);
  // "1e+03" reads worse than "1000" on an axis.
  if (s.find('e') != std::string::npos && std::fabs(v) >= 1 && std::fabs(v) < 1e7)
    s = fmt::format("{:.0f}", v);
  return s;
}

std::string base_unit_name(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::duration:
      return "s";
    case QuantityKind::size:
      return "B";
    case QuantityKind::bandwidth:
      return "B/s";
    case QuantityKind::rate:
      return "/s";
  }
  return "";
}

std::string format_rate(double per_second) {
  const DisplayUnit u = display_unit(QuantityKind::rate, {per_second});
  return tick_text(per_second / u.scale) + u.name;
}

std::string format_quantity(QuantityKind kind, double value) {
  switch (kind) {
    case QuantityKind::duration:
      return whole_days(value) ? fmt::format("{:.0f} d", value / 86400) : format_duration(value);
    case QuantityKind::size:
      return format_bytes(value);
    case QuantityKind::bandwidth:
      return format_bandwidth(value);
    case QuantityKind::rate:
      return format_rate(value);
  }
  return tick_text(value);
}

PlotAxis::PlotAxis(double lo, double hi, double from, double to, bool log)
    : lo_(std::min(lo, hi)), hi_(std::max(lo, hi)), from_(from), to_(to), log_(log) {
  if (log_ && !(lo_ > 0)) log_ = false;
  if (log_) {
    if (hi_ <= lo_) lo_ /= 2, hi_ *= 2;
    return;
  }
  if (hi_ <= lo_) {
    const double pad = lo_ == 0 ? 1 : std::fabs(lo_) * 0.1;
    lo_ -= pad;
    hi_ += pad;
  }
  const std::vector<double> t = ticks();
  lo_ = std::min(lo_, t.front());
  hi_ = std::max(hi_, t.back());
}

double PlotAxis::at(double v) const {
  double f = 0;
  if (log_)
    f = (std::log(std::max(v, lo_)) - std::log(lo_)) / (std::log(hi_) - std::log(lo_));
  else
    f = (v - lo_) / (hi_ - lo_);
  f = std::clamp(f, 0.0, 1.0);
  return from_ + f * (to_ - from_);
}

std::vector<double> PlotAxis::ticks() const {
  std::vector<double> out;
  if (log_) {
    const int first = static_cast<int>(std::floor(std::log10(lo_) + 1e-9));
    const int last = static_cast<int>(std::ceil(std::log10(hi_) - 1e-9));
    const bool fine = last - first < 3;
    for (int e = first; e <= last; ++e)
      for (double m : {1.0, 2.0, 5.0}) {
        if (m != 1 && !fine) continue;
        const double v = m * std::pow(10.0, e);
        if (v >= lo_ * (1 - 1e-9) && v <= hi_ * (1 + 1e-9)) out.push_back(v);
      }
    if (out.size() < 2) out = {lo_, hi_};
    return out;
  }
  const double span = hi_ - lo_;
  const double raw = span / 6;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw * (1 - 1e-9)) {
      step = m * mag;
      break;
    }
  const double first = std::floor(lo_ / step + 1e-9);
  const double last = std::ceil(hi_ / step - 1e-9);
  for (double k = first; k <= last; ++k) out.push_back(k == 0 ? 0 : k * step);
  return out;
}

}  // namespace plainsight
