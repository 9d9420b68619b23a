#include "load/scenario_loader.h"

#include <cstdint>
#include <set>

#include <fmt/format.h>

#include "core/ids.h"
#include "core/limits.h"
#include "core/printable.h"
#include "core/quantity.h"
#include "load/actor_overrides_loader.h"
#include "load/did_you_mean.h"
#include "load/duplicate_id.h"
#include "load/map_reader.h"
#include "load/overlay.h"
#include "load/platform_validity.h"
#include "load/risk_tracking_reader.h"
#include "load/scenario_flows.h"
#include "load/scenario_keys.h"
#include "load/scenario_places.h"
#include "load/scenario_sources.h"
#include "load/scenario_stage.h"
#include "load/stage_index.h"
#include "load/transfer_pricing_loader.h"
#include "load/workload_loader.h"

namespace plainsight {
namespace {

Asset read_asset(const YamlFile& f, const YamlNode& n) {
  MapReader r(f, n, "asset");
  r.allow(scenario_mapping("asset"));
  Asset a;
  a.name = r.name_or("name", "weights");
  a.parameters = r.number("parameters", 1, 1e15);
  a.bytes_per_parameter = r.number_or("bytes_per_parameter", 2, 0.125, 64);
  a.optimizer_bytes_per_parameter = r.number_or("optimizer_bytes_per_parameter", 0, 0, 256);
  return a;
}

// name, description, source, horizon, target, origin.
void read_header(MapReader& r, const Catalog& c, Scenario& s) {
  s.name = r.name("name");
  s.description = r.str_or("description", "");
  if (r.has("source")) {
    s.source = r.id("source");
    if (!c.source(s.source)) {
      const std::vector<std::string> known = ids_of(c.sources);
      throw InputError(r.at_value("source"),
                       fmt::format("unknown source '{}'{}; known: {}", echo(s.source),
                                   did_you_mean(s.source, known), listed(known)));
    }
  }
  s.horizon_s = r.duration("horizon");
  if (s.horizon_s < kMinHorizonSeconds)
    throw InputError(
        r.at_value("horizon"),
        fmt::format("scenario: 'horizon' is {}; a horizon must be at least {}",
                    format_duration(s.horizon_s), format_duration(kMinHorizonSeconds)));
  if (r.has("target")) {
    const std::string raw = r.str("target");
    if (raw.size() != 3 || !raw.starts_with("OC") || raw[2] < '1' || raw[2] > '5')
      throw InputError(
          r.at_value("target"),
          fmt::format("scenario: target '{}': expected OC1, OC2, OC3, OC4 or OC5", echo(raw)));
    s.target_level = raw[2] - '0';
  }
  if (YamlNode o = r.optional_node("origin")) {
    MapReader orr(r.file(), o, "origin");
    orr.allow(scenario_mapping("origin"));
    s.origin_encrypted = true;
    s.origin_custody = orr.id("encrypted_with");
    if (!Catalog::find(c.key_custodies, s.origin_custody)) {
      const std::vector<std::string> known = ids_of(c.key_custodies);
      throw InputError(orr.at_value("encrypted_with"),
                       fmt::format("unknown key custody '{}'{}; known: {}", echo(s.origin_custody),
                                   did_you_mean(s.origin_custody, known), listed(known)));
    }
    s.origin_scheme = orr.name_or("scheme", "AES-256-GCM");
  }
}

// A stage list to read, with where it stands, for messages about duplicates.
struct Listed {
  YamlNode list;
  std::size_t item;
  const Group* group;
};

// Places and groups share one namespace of ids; `ids_at` is where each place's id is written.
void check_new_place_id(const Scenario& s, const std::vector<SourceLocation>& ids_at,
                        const std::string& id, const IdAt& at) {
  for (std::size_t i = 0; i < s.places.size(); ++i)
    if (s.places[i].id == id)
      throw_duplicate_id("place", id, {ids_at[i], s.places[i].where.line}, at);
}

// `places:`; then each group, as a place of its own, with its stages listed.
void read_places_and_groups(const YamlFile& f, MapReader& r, const Catalog& c,
                            const PlatformSection& section, Scenario& s,
                            std::vector<Listed>& listed, std::vector<FlowList>& flow_lists) {
  std::vector<SourceLocation> place_ids_at;  // of s.places, for messages about duplicates
  if (YamlNode ps = r.optional_node("places"))
    for (const YamlNode& n : sequence_of(f, ps, "places")) {
      MapReader pr(f, n, "place");
      Place p = read_place(pr, c, section);
      check_new_place_id(s, place_ids_at, p.id, {pr.at_value("id"), p.where.line});
      place_ids_at.push_back(pr.at_value("id"));
      s.places.push_back(std::move(p));
    }
  YamlNode gs = r.optional_node("groups");
  if (!gs) return;
  const std::vector<YamlNode> group_nodes = sequence_of(f, gs, "groups");
  s.groups.reserve(group_nodes.size());  // stages point at them while they are read
  for (const YamlNode& n : group_nodes) {
    MapReader gr(f, n, "group");
    gr.allow(scenario_mapping("group"));
    Group g;
    g.id = gr.id("id");
    g.where = gr.at();
    const IdAt id_at{gr.at_value("id"), g.where.line};
    for (const Group& other : s.groups)
      if (other.id == g.id)
        throw_duplicate_id(
            "group", g.id,
            {MapReader(f, group_nodes[&other - s.groups.data()], "group").at_value("id"),
             other.where.line},
            id_at);
    check_new_place_id(s, place_ids_at, g.id, id_at);
    place_ids_at.push_back(id_at.id);
    g.name = gr.name_or("name", g.id);
    g.count = gr.integer_or("count", 1, 1, kMaxCount);
    Place p = read_place(gr, c, section, &g.id);
    p.id = g.id;
    p.name = g.name;
    p.count = g.count;
    p.group = static_cast<int>(s.groups.size());
    g.place = static_cast<int>(s.places.size());
    s.places.push_back(std::move(p));
    s.groups.push_back(std::move(g));
    const YamlNode st = gr.node("stages");
    const std::size_t n_stages =
        sequence_of(f, st, "group '" + s.groups.back().id + "' stages").size();
    if (n_stages == 0)
      throw InputError(gr.at_value("stages"),
                       fmt::format("group '{}' has no stages", s.groups.back().id));
    for (std::size_t i = 0; i < n_stages; ++i) listed.push_back({st, i, &s.groups.back()});
    if (YamlNode fl = gr.optional_node("flows")) flow_lists.push_back({fl, s.groups.size()});
  }
}

// The place a stage names (`place:`), or its group's, or the implicit one.
int stage_place(const YamlFile& f, const PlaceRef& ref, const SourceLocation& stage_at,
                const Scenario& s, const Group* group, int implicit) {
  if (group) {
    if (!ref.id.empty())
      throw InputError(ref.key_at, fmt::format("a group's stages are at the group's place ('{}'); "
                                               "drop 'place'",
                                               group->id));
    return group->place;
  }
  if (ref.id.empty()) {
    if (implicit >= 0) return implicit;
    throw InputError(stage_at, "the scenario lists places: name this stage's place with 'place:'");
  }
  if (implicit >= 0)
    throw InputError(ref.value_at, fmt::format("place '{}': the scenario has no 'places:' section",
                                               echo(ref.id)));
  for (std::size_t i = 0; i < s.places.size(); ++i)
    if (s.places[i].id == ref.id) {
      if (s.places[i].group >= 0)
        throw InputError(ref.value_at,
                         fmt::format("place '{}' is a group: list the stage in the group", ref.id));
      return static_cast<int>(i);
    }
  std::vector<std::string> known;
  for (const Place& p : s.places)
    if (p.group < 0) known.push_back(p.id);
  throw InputError(ref.value_at,
                   fmt::format("unknown place '{}'{}{}; known: {}", echo(ref.id),
                               f.renamed_note(ref.id), did_you_mean(ref.id, known), listed(known)));
}

// Every stage: the top-level ones, then each group's, with their places and replicas.
void read_stages(const YamlFile& f, const Catalog& c, const std::vector<Listed>& listed,
                 int implicit, Scenario& s, StageIndex& index) {
  s.stages.reserve(listed.size());  // the index refers to the ids in place
  index.reserve(listed.size());
  std::int64_t all_replicas = 0;
  for (const Listed& l : listed) {
    const YamlNode n = l.list[l.item];
    const int group = l.group ? static_cast<int>(l.group - s.groups.data()) : -1;
    PlaceRef ref;
    Stage st = read_stage(f, n, c, s.horizon_s, l.group, group, &ref);
    st.place = stage_place(f, ref, st.where, s, l.group, implicit);
    st.replicas = st.count * s.places[st.place].count;
    s.stages.push_back(std::move(st));
    // Totals count replicas in 64-bit integers: bounded here, not left to overflow.
    all_replicas += s.stages.back().replicas;
    if (static_cast<double>(all_replicas) > kMaxTotalReplicas)
      throw InputError(f.at(n), fmt::format("the scenario's stages with their replicas (counts "
                                            "times group counts) pass the limit of {}",
                                            format_count(kMaxTotalReplicas)));
    const auto pos = static_cast<std::uint32_t>(s.stages.size() - 1);
    if (const std::uint32_t first = index.insert(pos); first != StageIndex::kNone) {
      // Named where the second id comes from: the --set that wrote it, or the alias that
      // lists the same stage again, else the stage itself.
      SourceLocation at = f.at_item(l.list, l.item);
      const SourceLocation id_at = MapReader(f, n, "stage").at_value("id");
      if (id_at.line <= 0) at = id_at;
      const Listed& one = listed[first];
      throw_duplicate_id("stage", s.stages[pos].id,
                         {MapReader(f, one.list[one.item], "stage").at_value("id"),
                          f.at_item(one.list, one.item).line},
                         {at, at.line});
    }
  }
}

}  // namespace

Scenario read_scenario(YamlFile& f, const Catalog& catalog,
                       const std::vector<std::string>& overrides) {
  for (const std::string& o : overrides) apply_override(f, o);
  MapReader r(f, f.root(), "scenario");
  if (r.has("measurements"))
    throw InputError(r.at_key("measurements"),
                     "scenario: 'measurements' is not a scenario key; give probe result files "
                     "on the command line: --measurements FILE");
  r.allow(scenario_mapping("scenario"));
  Scenario s;
  s.file = f.name();
  // The scenario's own sources first: every citation below may name them.
  s.own_catalog = read_scenario_sources(r, catalog);
  const Catalog& c = s.own_catalog ? *s.own_catalog : catalog;
  read_header(r, c, s);
  s.asset = read_asset(f, r.node("asset"));
  if (!r.has("platform") && !r.has("places"))
    throw InputError(r.at(), "a scenario needs 'platform' (one place) or 'places'");
  const PlatformSection section = read_platform_section(f, r.optional_node("platform"), c);
  s.platform = section.platform;

  std::vector<Listed> listed;
  std::vector<FlowList> flow_lists;
  if (YamlNode st = r.optional_node("stages"))
    for (std::size_t i = 0, n = sequence_of(f, st, "stages").size(); i < n; ++i)
      listed.push_back({st, i, nullptr});
  if (YamlNode fl = r.optional_node("flows")) flow_lists.push_back({fl, 0});
  const bool top_level = !listed.empty();
  read_places_and_groups(f, r, c, section, s, listed, flow_lists);
  if (listed.empty())
    throw InputError(r.has("stages") ? r.at_value("stages") : r.at(),
                     "a scenario needs at least one stage");
  // A scenario without places is one place: ours, on its platform.
  int implicit = -1;
  if (!r.has("places") && top_level) {
    implicit = static_cast<int>(s.places.size());
    s.places.push_back(implicit_place(section));
    s.places.back().where = r.at_value("platform");
  }
  for (const Place& p : s.places)
    check_place_platform(c, p,
                         p.implicit     ? ""
                         : p.group >= 0 ? "group '" + p.id + "' platform"
                                        : "place '" + p.id + "'");
  for (Place& p : s.places) p.attributes = place_attributes(c, p);

  // Hashed: generated clusters have 100,000 stages and as many flows naming them.
  StageIndex index(s.stages);
  read_stages(f, c, listed, implicit, s, index);
  read_flows(f, flow_lists, index, c, s);
  check_acyclic(s);
  check_hbm_fit(c, s, s.platforms(), nullptr);
  // Sections owned by later analyses are read by them; mark them used here.
  if (YamlNode w = r.optional_node("workload")) s.workload = read_workload(f, w, s);
  if (YamlNode t = r.optional_node("transfer_cost"))
    s.transfer_cost = read_transfer_pricing(f, t, s, c);
  if (YamlNode rt = r.optional_node("risk_tracking")) s.risk_tracking = read_risk_tracking(f, rt);
  if (YamlNode a = r.optional_node("actors")) {
    s.actor_parameters = read_actor_overrides(f, a, c, &s.actor_parameter_ranges);
    s.actor_place_reach = read_actor_place_reach(f, a, c);
  }
  return s;
}

Scenario load_scenario(const std::filesystem::path& path, const Catalog& catalog,
                       const std::vector<std::string>& overrides) {
  YamlFile f = YamlFile::load(
      path,
      "; describe a large cluster as groups of identical nodes, each with a count "
      "(docs/scenarios.md#groups): `plainsight generate cluster` writes that form, a million GPUs "
      "in a few kilobytes");
  return read_scenario(f, catalog, overrides);
}

}  // namespace plainsight
