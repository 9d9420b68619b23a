#include "report/actor_parameters.h"

#include <fmt/format.h>

#include "analyze/actor_profile.h"
#include "report/plot_axis.h"
#include "report/range_phrase.h"

namespace plainsight {
namespace {

QuantityKind kind_of(const std::string& parameter) {
  if (parameter == "foothold_rate") return QuantityKind::rate;
  if (parameter == "dwell") return QuantityKind::duration;
  return QuantityKind::bandwidth;
}

}  // namespace

TextTable actor_parameter_table(const Catalog& c) {
  TextTable t;
  t.header = {"actor", "parameter", "value", "90% range", "where the range comes from"};
  for (const Actor& a : c.actors)
    for (const char* name : kActorParameters) {
      auto value = a.parameters.find(name);
      if (value == a.parameters.end()) continue;
      const QuantityKind kind = kind_of(name);
      auto range = a.parameter_ranges.find(name);
      const bool ranged = range != a.parameter_ranges.end();
      t.rows.push_back({a.id, name, format_quantity(kind, value->second.value),
                        ranged ? fmt::format("{} .. {}", format_quantity(kind, range->second.low),
                                             format_quantity(kind, range->second.high))
                               : "(none: x1/2 .. x2 in sensitivity)",
                        ranged ? range_origin(range->second, value->second.value) : ""});
    }
  return t;
}

}  // namespace plainsight
