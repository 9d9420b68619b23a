#include "load/scenario_stage.h"

#include <cmath>

#include <fmt/format.h>

#include "core/ids.h"
#include "core/limits.h"
#include "core/printable.h"
#include "core/quantity.h"
#include "load/citation_reader.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"
#include "load/scenario_keys.h"

namespace plainsight {
namespace {

// Throws unless `id` is the id of an item of `list`. The list of ids and the location are
// built only for the message: this runs several times for each of 100,000 generated stages.
template <class T, class Where>
void check_ref(const std::string& id, const std::vector<T>& list, const char* what, Where where) {
  for (const T& x : list)
    if (x.id == id) return;
  const std::vector<std::string> known = ids_of(list);
  throw InputError(where(), fmt::format("unknown {} '{}'{}; known: {}", what, echo(id),
                                        did_you_mean(id, known), listed(known)));
}

// The per-event duration `d` of the stage `r` reads (its link already read into `s`).
DurationSpec read_duration(MapReader& r, const YamlNode& d, const Stage& s, const Catalog& c,
                           const std::string& what) {
  const YamlFile& f = r.file();
  DurationSpec spec;
  spec.where = f.at(d);
  if (d.IsMap()) {
    MapReader dr(f, d, what + " duration");
    dr.allow(scenario_mapping("duration_figure"));
    spec.kind = DurationSpec::Kind::figure;
    spec.figure = dr.id("figure");
    check_ref(spec.figure, c.figures, "figure", [&] { return dr.at_value("figure"); });
    const std::string& unit = c.figure(spec.figure)->unit;
    if (unit != "seconds" && unit != "bytes_per_second")
      throw InputError(dr.at_value("figure"),
                       fmt::format("figure '{}' is in {}; a duration needs seconds or "
                                   "bytes_per_second",
                                   spec.figure, unit));
  } else if (d.IsScalar() && d.Scalar() == "from_bandwidth") {
    spec.kind = DurationSpec::Kind::stated_bandwidth;
    if (!r.has("bandwidth"))
      throw InputError(spec.where,
                       fmt::format("{}: duration from_bandwidth needs 'bandwidth'", what));
    spec.bandwidth_Bps = r.bandwidth("bandwidth");
  } else if (d.IsScalar() && d.Scalar() == "from_link") {
    spec.kind = DurationSpec::Kind::link_transfer;
    if (s.link.empty())
      throw InputError(spec.where, fmt::format("{}: duration from_link needs a 'link'", what));
    spec.link = s.link;
    const Link* l = c.link(s.link);
    if (l->bandwidth_per_TiB_Bps > 0) {
      if (!r.has("capacity"))
        throw InputError(spec.where,
                         fmt::format("{}: link '{}' scales per TiB; set 'capacity'", what, s.link));
      spec.capacity_bytes = r.bytes("capacity");
      const double bw = l->bandwidth_per_TiB_Bps * spec.capacity_bytes / 1099511627776.0;
      if (bw < kMinBandwidth)
        throw InputError(r.at_value("capacity"),
                         fmt::format("{}: a capacity of {} gives link '{}' a bandwidth of {}; "
                                     "a bandwidth must be at least {}",
                                     what, format_bytes(spec.capacity_bytes), s.link,
                                     format_bandwidth(bw), format_bandwidth(kMinBandwidth)));
    } else if (l->bandwidth_Bps <= 0) {
      throw InputError(spec.where,
                       fmt::format("{}: link '{}' has no bandwidth in the catalog", what, s.link));
    }
  } else {
    scalar_of(f, d, what + " duration");  // throws unless a scalar
    spec.kind = DurationSpec::Kind::stated;
    spec.seconds = r.duration("duration");
  }
  return spec;
}

// `events:` of the stage `r` reads: a count, {every: PERIOD} or {count: N}.
void read_events(MapReader& r, const YamlNode& e, Stage& s, double horizon,
                 const std::string& what) {
  const YamlFile& f = r.file();
  if (e.IsMap()) {
    MapReader er(f, e, what + " events");
    er.allow(scenario_mapping("events"));
    if (er.has("every") == er.has("count"))
      throw InputError(er.at(),
                       fmt::format("{}: events needs exactly one of 'every' or 'count'", what));
    if (er.has("every")) {
      s.event_period_s = er.duration("every");
      if (s.event_period_s > horizon)
        throw InputError(er.at_value("every"),
                         fmt::format("{}: events every {} exceeds the horizon", what,
                                     format_duration(s.event_period_s)));
      s.events = std::floor(horizon / s.event_period_s);
      // The same cap as a count: a period of 0.1 ns would be 2.6e22 events in a month.
      if (s.events > kMaxEvents)
        throw InputError(er.at_value("every"),
                         fmt::format("{}: events every {} make {:.3g} events over the horizon "
                                     "{}; the limit is {:g}",
                                     what, format_duration(s.event_period_s), s.events,
                                     format_duration(horizon), kMaxEvents));
    } else {
      s.events = er.count("count", 1, kMaxEvents);
    }
  } else {
    s.events = r.count("events", 1, kMaxEvents);
  }
}

}  // namespace

Stage read_stage(const YamlFile& f, const YamlNode& n, const Catalog& c, double horizon,
                 const Group* group, int group_index, PlaceRef* place) {
  MapReader r(f, n, "stage");
  r.allow(scenario_mapping("stage"));
  Stage s;
  if (r.has("place")) *place = {r.id("place"), r.at_key("place"), r.at_value("place")};
  const std::string own_id = r.id("id");
  s.id = group ? group->id + "." + own_id : own_id;
  const std::string what = "stage '" + s.id + "'";
  s.where = r.at();
  s.name = r.name_or("name", own_id);
  if (group) s.name = group->name + ": " + s.name;  // "CC nodes: Fabric"
  s.count = r.integer_or("count", 1, 1, kMaxCount);
  s.group = group_index;
  s.replicas = s.count * (group ? group->count : 1);
  s.location = r.str_or("location", "");
  if (r.has("link")) {
    s.link = r.id("link");
    check_ref(s.link, c.links, "link", [&] { return r.at_value("link"); });
    s.medium = c.link(s.link)->medium;
  }
  if (r.has("medium")) {
    std::string m = r.id("medium");
    check_ref(m, c.media, "medium", [&] { return r.at_value("medium"); });
    if (!s.medium.empty() && m != s.medium)
      throw InputError(r.at_value("medium"),
                       fmt::format("{}: medium '{}' contradicts link '{}' (medium '{}')", what, m,
                                   s.link, s.medium));
    s.medium = m;
  }
  if (s.medium.empty())
    throw InputError(s.where, fmt::format("{}: needs a 'medium' or a 'link'", what));

  std::string payload = r.str_or("payload", "weights");
  if (payload == "weights")
    s.payload = Payload::weights;
  else if (payload == "checkpoint")
    s.payload = Payload::checkpoint;
  else {
    s.payload = Payload::explicit_bytes;
    s.explicit_bytes = r.bytes("payload");
  }
  s.shards = r.integer_or("shards", 1, 1, 10000000);

  if (r.has("resident")) {
    s.resident = true;
    std::string v = r.str("resident");
    s.lifetime_s = v == "horizon" ? horizon : r.duration("resident");
    if (s.lifetime_s > horizon)
      throw InputError(r.at_value("resident"),
                       fmt::format("{}: resident {} is longer than the horizon {}", what,
                                   format_duration(s.lifetime_s), format_duration(horizon)));
  }
  if (YamlNode d = r.optional_node("duration")) s.duration = read_duration(r, d, s, c, what);
  if (r.has("capacity") && !(s.duration && s.duration->kind == DurationSpec::Kind::link_transfer))
    throw InputError(r.at_key("capacity"),
                     fmt::format("{}: 'capacity' is used only with duration from_link", what));
  if (r.has("bandwidth") &&
      !(s.duration && s.duration->kind == DurationSpec::Kind::stated_bandwidth))
    throw InputError(
        r.at_key("bandwidth"),
        fmt::format("{}: 'bandwidth' is used only with duration from_bandwidth", what));
  if (!s.resident && !s.duration)
    throw InputError(s.where, fmt::format("{}: needs 'duration' (per event) or 'resident'", what));

  if (YamlNode e = r.optional_node("events")) read_events(r, e, s, horizon, what);
  s.decrypts = r.on_off_or("decrypts", false);
  s.attributes = r.str_map("attributes");
  if (r.has("protection") && r.str("protection") != "derived") {
    s.stated_protection = r.id("protection");
    check_ref(s.stated_protection, c.protections, "protection",
              [&] { return r.at_value("protection"); });
    const ProtectionRule& rule = *Catalog::find(c.protections, s.stated_protection);
    if (rule.medium != s.medium)
      throw InputError(r.at_value("protection"),
                       fmt::format("{}: protection '{}' is for medium '{}', not '{}'", what,
                                   rule.id, rule.medium, s.medium));
  }
  if (YamlNode ps = r.optional_node("protection_source"))
    s.protection_source = read_citation(f, ps, what + " protection_source", c.sources);
  s.state_label = r.str_or("state_label", "");
  if (YamlNode cs = r.optional_node("corrections"))
    for (const YamlNode& n : sequence_of(f, cs, what + " corrections")) {
      MapReader cr(f, n, what + " correction");
      cr.allow(scenario_mapping("stage_correction"));
      s.corrections.push_back(
          {read_citation(f, cr.node("says"), what + " correction says", c.sources),
           read_citation(f, cr.node("corrected_by"), what + " correction corrected_by", c.sources),
           cr.str_or("note", "")});
    }
  if (s.resident && s.duration && !s.decrypts)
    throw InputError(s.where, fmt::format("{}: 'resident' and 'duration' together mean the stage "
                                          "holds a blob and decrypts it per event; add "
                                          "'decrypts: true' or drop one",
                                          what));
  return s;
}

}  // namespace plainsight
