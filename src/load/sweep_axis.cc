#include "load/sweep_axis.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/input_error.h"
#include "core/limits.h"
#include "core/printable.h"
#include "load/overlay.h"
#include "load/yaml_file.h"

namespace plainsight {
namespace {

using K = ValueKind;

std::optional<QuantityKind> quantity_named(std::string_view ref) {
  if (ref == "rate") return QuantityKind::rate;
  if (ref == "duration") return QuantityKind::duration;
  if (ref == "bandwidth") return QuantityKind::bandwidth;
  if (ref == "size") return QuantityKind::size;
  return std::nullopt;
}

// The quantity a plain key of this kind holds, where it holds one.
std::optional<QuantityKind> quantity_of(ValueKind kind) {
  switch (kind) {
    case K::size:
    case K::payload:
    case K::payload_map:
      return QuantityKind::size;
    case K::duration:
    case K::lifetime:
    case K::stage_duration:
      return QuantityKind::duration;
    case K::bandwidth:
      return QuantityKind::bandwidth;
    default:
      return std::nullopt;
  }
}

const KeySpec* find_key(const MappingSpec& m, const std::string& name) {
  for (const KeySpec& k : m.keys)
    if (k.name == name) return &k;
  return nullptr;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// `text` in the key's base unit; NaN (and *error set) when it is not one.
double number_of(std::string_view text, const KeyKind& k, std::string* error) {
  QuantityError e;
  double v = std::nan("");
  if (k.quantity) {
    // In QuantityKind's order, as map_reader's parse_quantity reads them.
    using Parse = double (*)(std::string_view, QuantityError*);
    static constexpr Parse kParse[] = {parse_bytes, parse_duration, parse_bandwidth, parse_rate};
    v = kParse[static_cast<int>(*k.quantity)](text, &e);
    if (std::isnan(v)) {
      if (error) *error = e.message;
      return v;
    }
    if (const std::string why = implausible(*k.quantity, v); !why.empty()) {
      if (error) *error = fmt::format("'{}': {}", echo(std::string(text)), why);
      return std::nan("");
    }
    return v;
  }
  const std::string_view t = trim(text);
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) {
    if (error) *error = fmt::format("expected a number, got '{}'", echo(std::string(text)));
    return std::nan("");
  }
  return v;
}

bool whole(ValueKind kind) { return kind == K::integer || kind == K::count || kind == K::events; }

bool rangeable(const KeyKind& k) { return k.quantity || k.kind == K::number || whole(k.kind); }

// LO..HI:STEPS[:log] -> the values' texts, in LO's unit.
std::vector<std::string> range_texts(const std::string& key, std::string_view spec,
                                     const KeyKind& k, bool* log, const SourceLocation& where) {
  const auto dots = spec.find("..");
  const auto colon = spec.find(':', dots == std::string_view::npos ? 0 : dots);
  if (dots == std::string_view::npos || colon == std::string_view::npos)
    throw InputError(where, "expected LO..HI:STEPS or LO..HI:STEPS:log, e.g. 1d..90d:10");
  const std::string_view lo_text = trim(spec.substr(0, dots));
  const std::string_view hi_text = trim(spec.substr(dots + 2, colon - dots - 2));
  std::string_view rest = spec.substr(colon + 1);
  const auto second = rest.find(':');
  const std::string_view steps_text = trim(rest.substr(0, second));
  *log = false;
  if (second != std::string_view::npos) {
    if (trim(rest.substr(second + 1)) != "log")
      throw InputError(where, fmt::format("after the steps expected ':log' or nothing, got ':{}'",
                                          echo(std::string(rest.substr(second + 1)))));
    *log = true;
  }
  unsigned steps = 0;
  auto [end, ec] = std::from_chars(steps_text.data(), steps_text.data() + steps_text.size(), steps);
  if (ec != std::errc() || end != steps_text.data() + steps_text.size() || steps < 2 ||
      steps > kMaxSweepValues)
    throw InputError(where, fmt::format("STEPS must be a whole number from 2 to {}, got '{}'",
                                        kMaxSweepValues, echo(std::string(steps_text))));
  std::string error;
  const double lo = number_of(lo_text, k, &error);
  if (std::isnan(lo)) throw InputError(where, fmt::format("LO: {}", error));
  const double hi = number_of(hi_text, k, &error);
  if (std::isnan(hi)) throw InputError(where, fmt::format("HI: {}", error));
  if (*log && !(lo > 0 && hi > 0))
    throw InputError(where, "a log range needs LO and HI above zero");
  // The values are written in LO's unit: "10d" gives "10d", "20d", ...
  std::string_view unit;
  {
    double ignored = 0;
    auto [num_end, num_ec] =
        std::from_chars(lo_text.data(), lo_text.data() + lo_text.size(), ignored);
    if (num_ec == std::errc()) unit = trim(lo_text.substr(num_end - lo_text.data()));
  }
  const double factor = unit.empty() ? 1.0 : number_of(fmt::format("1{}", unit), k, nullptr);
  std::vector<std::string> out;
  for (unsigned i = 0; i < steps; ++i) {
    const double f = static_cast<double>(i) / (steps - 1);
    const double v = i + 1 == steps ? hi
                     : *log         ? std::exp(std::log(lo) + f * (std::log(hi) - std::log(lo)))
                                    : lo + f * (hi - lo);
    std::string text;
    if (whole(k.kind)) {
      text = fmt::format("{}", std::llround(v));
    } else {
      text = fmt::format("{:.6g}{}", v / factor, unit);
    }
    if (out.empty() || out.back() != text) out.push_back(std::move(text));
  }
  (void)key;
  return out;
}

}  // namespace

KeyKind set_key_kind(const std::string& key) {
  const std::vector<SetKeySegment> parts = set_key_segments(key, {"--vary " + echo(key), 0, 0});
  const MappingSpec* m = &scenario_mapping("scenario");
  std::optional<QuantityKind> figure_quantity;  // within a figure's mapping: its quantity
  std::size_t i = 0;
  while (i < parts.size()) {
    if (parts[i].item) return {};
    const KeySpec* spec = find_key(*m, parts[i].text);
    if (!spec) return {};
    const bool last = i + 1 == parts.size();
    switch (spec->kind) {
      case K::list:
      case K::actor_map:
      case K::finding_map:
        if (i + 2 >= parts.size()) return {};  // the item or actor itself is no value
        m = &scenario_mapping(spec->ref);
        i += 2;
        continue;
      case K::mapping:
        if (last) return {};
        m = &scenario_mapping(spec->ref);
        ++i;
        continue;
      case K::figure:
        figure_quantity = quantity_named(spec->ref);
        if (last) return {K::figure, figure_quantity};
        m = &scenario_mapping("figure");
        ++i;
        continue;
      case K::events:
        if (last) return {K::events, std::nullopt};
        m = &scenario_mapping("events");
        ++i;
        continue;
      case K::stage_duration:
        if (last) return {K::stage_duration, QuantityKind::duration};
        m = &scenario_mapping("duration_figure");
        ++i;
        continue;
      case K::on_off_map:
        return i + 2 == parts.size() ? KeyKind{K::on_off, std::nullopt} : KeyKind{};
      case K::text_map:
        return i + 2 == parts.size() ? KeyKind{K::text, std::nullopt} : KeyKind{};
      case K::payload_map:
        return i + 2 == parts.size() ? KeyKind{K::payload, QuantityKind::size} : KeyKind{};
      default:
        if (!last) return {};
        // A figure's value and its range's ends are quantities of the figure's kind.
        if (figure_quantity &&
            (spec->name == "value" || spec->name == "low" || spec->name == "high"))
          return {K::figure, figure_quantity};
        return {spec->kind, quantity_of(spec->kind)};
    }
  }
  return {};
}

SweepAxis parse_sweep_axis(const std::string& option) {
  const SourceLocation where{"--vary " + echo(option, kMaxEchoSetChars), 0, 0};
  const auto eq = option.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError(where,
                     "expected KEY=V1,V2,... or KEY=LO..HI:STEPS[:log], e.g. "
                     "platform.gpu=h100,b200 or actors.oc3.dwell=1d..90d:10:log");
  check_utf8(option, where.file);
  SweepAxis axis;
  axis.key = option.substr(0, eq);
  const std::string spec = option.substr(eq + 1);
  const KeyKind k = set_key_kind(axis.key);
  axis.kind = k.kind;
  axis.quantity = k.quantity;
  axis.actor_parameter = axis.key.starts_with("actors.") || axis.key.starts_with("actors[");
  const bool is_range = spec.find("..") != std::string::npos &&
                        spec.find(':') != std::string::npos && spec.find(',') == std::string::npos;
  if (is_range) {
    if (!rangeable(k))
      throw InputError(where,
                       fmt::format("'{}' holds no number: a range LO..HI:STEPS needs a key that "
                                   "holds a number, size, duration, bandwidth or rate; list its "
                                   "values instead (KEY=A,B,...)",
                                   echo(axis.key)));
    axis.texts = range_texts(axis.key, spec, k, &axis.log, where);
  } else {
    std::string_view rest = spec;
    for (;;) {
      const auto comma = rest.find(',');
      const std::string_view v = trim(rest.substr(0, comma));
      if (v.empty())
        throw InputError(where, "an empty value in the list (values are separated by commas)");
      axis.texts.emplace_back(v);
      if (axis.texts.size() > kMaxSweepValues)
        throw InputError(where, fmt::format("more than {} values", kMaxSweepValues));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  // Numeric when every value is a number of the key's kind ("from_link" makes it categorical).
  if (rangeable(k)) {
    for (const std::string& t : axis.texts) {
      const double v = number_of(t, k, nullptr);
      if (std::isnan(v)) {
        axis.numbers.clear();
        break;
      }
      axis.numbers.push_back(v);
    }
  }
  // A value listed twice would be two rows (or a heat map's two columns) of one point.
  if (!is_range)
    for (std::size_t j = 1; j < axis.texts.size(); ++j)
      for (std::size_t i = 0; i < j; ++i) {
        if (axis.texts[i] == axis.texts[j])
          throw InputError(where, fmt::format("the value '{}' is listed twice: list each once",
                                              echo(axis.texts[j])));
        if (axis.numeric() && axis.numbers[i] == axis.numbers[j])
          throw InputError(where,
                           fmt::format("'{}' is the same value as '{}': list each value once",
                                       echo(axis.texts[j]), echo(axis.texts[i])));
      }
  return axis;
}

}  // namespace plainsight
