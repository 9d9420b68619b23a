#include "load/figure_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/printable.h"
#include "load/citation_reader.h"
#include "load/map_reader.h"

namespace plainsight {
namespace {

QuantityKind unit_of(const std::string& name, const SourceLocation& at, const std::string& what) {
  if (name.ends_with("_rate")) return QuantityKind::rate;
  if (name.ends_with("_bandwidth")) return QuantityKind::bandwidth;
  if (name == "dwell" || name.ends_with("_time")) return QuantityKind::duration;
  if (name.ends_with("_capacity")) return QuantityKind::size;
  throw InputError(at, fmt::format("{}: '{}' names no unit: a figure's name ends in _rate, "
                                   "_bandwidth, _time or _capacity, or is dwell",
                                   what, name));
}

}  // namespace

CitedFigure read_figure(const YamlFile& f, const YamlNode& node, const std::string& name,
                        const std::string& what, const FigureContext& ctx, FigureRange* range) {
  CitedFigure out;
  const std::string where = what + " '" + name + "'";
  if (!node.IsMap()) {
    if (!ctx.allow_bare)
      throw InputError(f.at(node), fmt::format("{}: expected {{value, provenance, source}}: every "
                                               "catalog figure cites its source",
                                               where));
    const std::string text = scalar_of(f, node, where);
    const SourceLocation at = f.at(node);
    out.figure.value = parse_quantity(text, unit_of(name, at, what), at, what, name);
    out.figure.provenance = Provenance::assumed;
    out.figure.source = at.str();
    out.figure.how.kind = Derivation::Kind::written_by_scenario;
    out.figure.how.ref = text;
    out.source = {"", Status::assumed, "", at.str(), "set by the scenario", at, false};
    return out;
  }
  MapReader r(f, node, where);
  r.allow(scenario_mapping("figure"));  // catalog figures are written the same way
  const std::string text = r.str("value");
  out.figure.value =
      parse_quantity(text, unit_of(name, r.at_key("value"), what), r.at_value("value"), what, name);
  const std::string prov = r.str_or("provenance", "assumed");
  if (!parse_provenance(prov, &out.figure.provenance)) {
    constexpr auto& names = kProvenanceNames;
    throw InputError(r.at_value("provenance"),
                     fmt::format("{}: unknown provenance '{}': expected {} or {}", where, prov,
                                 fmt::join(names.begin(), names.end() - 1, ", "), names.back()));
  }
  static_cast<Cited&>(out) = read_cited(r, where, *ctx.sources);
  if (YamlNode rn = r.optional_node("range")) {
    if (!range)
      throw InputError(r.at_key("range"), fmt::format("{}: a range is not read here", where));
    MapReader rr(f, rn, where + " range");
    rr.allow(scenario_mapping("figure_range"));
    const QuantityKind kind = unit_of(name, r.at_key("value"), what);
    range->low = parse_quantity(rr.str("low"), kind, rr.at_value("low"), what, name);
    range->high = parse_quantity(rr.str("high"), kind, rr.at_value("high"), what, name);
    // The value is the range's median: it lies between the ends.
    if (!(range->low <= out.figure.value && out.figure.value <= range->high))
      throw InputError(rr.at(), fmt::format("{}: the range ({} .. {}) must hold the value {} "
                                            "(its median), low first",
                                            where, rr.str("low"), rr.str("high"), text));
    range->source = read_citation(f, rr.node("source"), where + " range source", *ctx.sources);
    const std::string cited = rr.str_or("cited", "both");
    if (cited == "low")
      range->cited = FigureRange::Cited::low;
    else if (cited == "high")
      range->cited = FigureRange::Cited::high;
    else if (cited != "both")
      throw InputError(rr.at_value("cited"),
                       fmt::format("{} range: cited is the end the source gives: low, high or "
                                   "both, not '{}'",
                                   where, echo(cited)));
  }
  out.figure.source = out.source.id;
  // The value as written; a scenario's says so (its source is the scenario's citation).
  out.figure.how.kind =
      ctx.allow_bare ? Derivation::Kind::written_by_scenario : Derivation::Kind::written;
  out.figure.how.ref = text;
  return out;
}

}  // namespace plainsight
