#include "load/scenario_loader.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string_view>

#include <fmt/format.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

#include "core/ids.h"
#include "core/limits.h"
#include "core/printable.h"
#include "core/quantity.h"
#include "load/actor_overrides_loader.h"
#include "load/citation_reader.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"
#include "load/overlay.h"
#include "load/platform_validity.h"
#include "load/scenario_keys.h"
#include "load/transfer_pricing_loader.h"
#include "load/workload_loader.h"

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

// Stage id -> position in the stage list: open addressing over hashes, the ids themselves
// staying in the list (reserved up front, so they never move). With std::unordered_map the
// nodes' cache misses cost 90 ms of loading a 100,000-stage scenario.
class StageIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  explicit StageIndex(const std::vector<Stage>& stages) : stages_(stages) { slots_.resize(16); }

  std::uint32_t find(std::string_view id) const {
    const std::size_t h = std::hash<std::string_view>{}(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.pos == kNone) return kNone;
      if (s.tag == tag_of(h) && stages_[s.pos].id == id) return s.pos;
    }
  }
  // Adds the stage at `pos`; returns the position of an earlier stage with its id, or kNone.
  std::uint32_t insert(std::uint32_t pos) {
    const std::string& id = stages_[pos].id;
    if (const std::uint32_t old = find(id); old != kNone) return old;
    if (2 * (count_ + 1) > slots_.size()) grow();
    place(std::hash<std::string_view>{}(id), pos);
    ++count_;
    return kNone;
  }
  void reserve(std::size_t n) {
    while (slots_.size() < 2 * n) grow();
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t pos = kNone;
  };
  static std::uint32_t tag_of(std::size_t h) {
    return static_cast<std::uint32_t>(static_cast<std::uint64_t>(h) >> 32);
  }
  void place(std::size_t h, std::uint32_t pos) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].pos != kNone) i = (i + 1) & mask;
    slots_[i] = {tag_of(h), pos};
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.pos != kNone) place(std::hash<std::string_view>{}(stages_[s.pos].id), s.pos);
  }
  const std::vector<Stage>& stages_;
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

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

// The scenario's platform, or (with `base`) a group's: the scenario's with the group's own
// keys applied. `what` names it in messages.
Platform read_platform(const YamlFile& f, const YamlNode& n, const Catalog& c, const Platform* base,
                       const std::string& what) {
  MapReader r(f, n, what);
  r.allow(scenario_mapping(base ? "group_platform" : "platform"));
  Platform p = base ? *base : Platform{};
  if (r.has("gpu")) {
    p.gpu = r.id("gpu");
    check_ref(p.gpu, c.gpus, "gpu", [&] { return r.at_value("gpu"); });
  }
  p.gpus_per_node = r.integer_or("gpus_per_node",
                                 base && !r.has("gpu") ? base->gpus_per_node
                                 : p.gpu.empty()       ? 0
                                                       : 8,
                                 0, 1024);
  if (!base) p.nodes = r.integer_or("nodes", 1, 1, kMaxCount);
  if (r.has("cpu_tee")) p.cpu_tee = r.id("cpu_tee");
  check_ref(p.cpu_tee, c.cpu_tees, "cpu_tee", [&] { return r.at_value("cpu_tee"); });
  p.confidential_mode = r.on_off_or("confidential_mode", p.confidential_mode);
  if (p.confidential_mode && p.gpu.empty())
    throw InputError(
        r.has("confidential_mode") ? r.at_value("confidential_mode") : r.at_key("gpu"),
        (base ? what + ": " : std::string()) + "confidential_mode is on but no gpu is set");
  p.multi_gpu_mode = r.str_or("multi_gpu_mode", p.multi_gpu_mode);
  if (p.multi_gpu_mode != "none" && p.multi_gpu_mode != "protected_pcie" &&
      p.multi_gpu_mode != "nvlink_encryption")
    throw InputError(r.at_value("multi_gpu_mode"),
                     fmt::format("multi_gpu_mode '{}': expected none, protected_pcie or "
                                 "nvlink_encryption",
                                 p.multi_gpu_mode));
  if (r.has("key_custody")) p.key_custody = r.id("key_custody");
  check_ref(p.key_custody, c.key_custodies, "key_custody",
            [&] { return r.at_value("key_custody"); });
  if (YamlNode le = r.optional_node("link_encryption")) {
    MapReader lr(f, le, what + " link_encryption");
    for (const std::string& m : lr.keys()) {
      check_ref(m, c.media, "medium", [&] { return lr.at_key(m); });
      p.link_encryption[m] = lr.on_off_or(m, false);
    }
  }
  if (const PlatformRefusal* refused = platform_refusal(c, p)) {
    // Blame a --set that took part, else the first key the rule names, else the mapping.
    std::vector<SourceLocation> keys;
    for (const auto& [attribute, values] : refused->when)
      if (const std::string key = attribute.substr(0, attribute.find('.')); r.has(key))
        keys.push_back(r.at_value(key));
    SourceLocation at = keys.empty() ? r.at() : keys.front();
    for (const SourceLocation& k : keys)
      if (k.file.starts_with("--set")) {
        at = k;
        break;
      }
    throw InputError(at, (base ? what + ": " : std::string()) + refusal_message(c, *refused));
  }
  return p;
}

// `group`: the stage's group, or null at the top level; its id qualifies the stage's.
Stage read_stage(const YamlFile& f, const YamlNode& n, const Catalog& c, double horizon,
                 const Group* group, int group_index) {
  MapReader r(f, n, "stage");
  r.allow(scenario_mapping("stage"));
  Stage s;
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
  if (YamlNode d = r.optional_node("duration")) {
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
          throw InputError(spec.where, fmt::format("{}: link '{}' scales per TiB; set 'capacity'",
                                                   what, s.link));
        spec.capacity_bytes = r.bytes("capacity");
        const double bw = l->bandwidth_per_TiB_Bps * spec.capacity_bytes / 1099511627776.0;
        if (bw < kMinBandwidth)
          throw InputError(r.at_value("capacity"),
                           fmt::format("{}: a capacity of {} gives link '{}' a bandwidth of {}; "
                                       "a bandwidth must be at least {}",
                                       what, format_bytes(spec.capacity_bytes), s.link,
                                       format_bandwidth(bw), format_bandwidth(kMinBandwidth)));
      } else if (l->bandwidth_Bps <= 0) {
        throw InputError(
            spec.where, fmt::format("{}: link '{}' has no bandwidth in the catalog", what, s.link));
      }
    } else {
      scalar_of(f, d, what + " duration");  // throws unless a scalar
      spec.kind = DurationSpec::Kind::stated;
      spec.seconds = r.duration("duration");
    }
    s.duration = spec;
  }
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

  if (YamlNode e = r.optional_node("events")) {
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
  if (s.resident && s.duration && !s.decrypts)
    throw InputError(s.where, fmt::format("{}: 'resident' and 'duration' together mean the stage "
                                          "holds a blob and decrypts it per event; add "
                                          "'decrypts: true' or drop one",
                                          what));
  return s;
}

}  // namespace

Scenario read_scenario(YamlFile& f, const Catalog& c, const std::vector<std::string>& overrides) {
  for (const std::string& o : overrides) apply_override(f, o);
  MapReader r(f, f.root(), "scenario");
  if (r.has("measurements"))
    throw InputError(r.at_key("measurements"),
                     "scenario: 'measurements' is not a scenario key; give probe result files "
                     "on the command line: --measurements FILE");
  r.allow(scenario_mapping("scenario"));
  Scenario s;
  s.file = f.name();
  s.name = r.name("name");
  s.description = r.str_or("description", "");
  if (r.has("source")) {
    s.source = r.id("source");
    check_ref(s.source, c.sources, "source", [&] { return r.at_value("source"); });
  }
  s.horizon_s = r.duration("horizon");
  if (s.horizon_s < kMinHorizonSeconds)
    throw InputError(
        r.at_value("horizon"),
        fmt::format("scenario: 'horizon' is {}; a horizon must be at least {}",
                    format_duration(s.horizon_s), format_duration(kMinHorizonSeconds)));
  if (YamlNode o = r.optional_node("origin")) {
    MapReader orr(f, o, "origin");
    orr.allow(scenario_mapping("origin"));
    s.origin_encrypted = true;
    s.origin_custody = orr.id("encrypted_with");
    check_ref(s.origin_custody, c.key_custodies, "key custody",
              [&] { return orr.at_value("encrypted_with"); });
    s.origin_scheme = orr.name_or("scheme", "AES-256-GCM");
  }
  s.asset = read_asset(f, r.node("asset"));
  s.platform = read_platform(f, r.node("platform"), c, nullptr, "platform");

  // Every stage: the top-level ones, then each group's. Each is read with where it was
  // listed, for messages about duplicates.
  struct Listed {
    YamlNode list;
    std::size_t item;
    const Group* group;
  };
  std::vector<Listed> listed;
  std::vector<std::pair<YamlNode, std::size_t>> flow_lists;  // with the group index + 1 (0: none)
  if (YamlNode st = r.optional_node("stages"))
    for (std::size_t i = 0, n = sequence_of(f, st, "stages").size(); i < n; ++i)
      listed.push_back({st, i, nullptr});
  if (YamlNode fl = r.optional_node("flows")) flow_lists.emplace_back(fl, 0);
  if (YamlNode gs = r.optional_node("groups")) {
    const std::vector<YamlNode> group_nodes = sequence_of(f, gs, "groups");
    s.groups.reserve(group_nodes.size());  // stages point at them while they are read
    for (const YamlNode& n : group_nodes) {
      MapReader gr(f, n, "group");
      gr.allow(scenario_mapping("group"));
      Group g;
      g.id = gr.id("id");
      g.where = gr.at();
      for (const Group& other : s.groups)
        if (other.id == g.id) {
          // An override that gave the first group this id is at fault, not the original.
          const SourceLocation first_id =
              MapReader(f, group_nodes[&other - s.groups.data()], "group").at_value("id");
          if (first_id.line <= 0 && gr.at_value("id").line > 0)
            throw InputError(first_id, fmt::format("duplicate group id '{}' (also at line {})",
                                                   g.id, gr.at().line));
          throw InputError(gr.at_value("id"), fmt::format("duplicate group id '{}' (first at line "
                                                          "{})",
                                                          g.id, other.where.line));
        }
      g.name = gr.name_or("name", g.id);
      g.count = gr.integer_or("count", 1, 1, kMaxCount);
      if (YamlNode p = gr.optional_node("platform"))
        g.platform = read_platform(f, p, c, &s.platform, "group '" + g.id + "' platform");
      s.groups.push_back(std::move(g));
      const YamlNode st = gr.node("stages");
      const std::size_t n_stages =
          sequence_of(f, st, "group '" + s.groups.back().id + "' stages").size();
      if (n_stages == 0)
        throw InputError(gr.at_value("stages"),
                         fmt::format("group '{}' has no stages", s.groups.back().id));
      for (std::size_t i = 0; i < n_stages; ++i) listed.push_back({st, i, &s.groups.back()});
      if (YamlNode fl = gr.optional_node("flows")) flow_lists.emplace_back(fl, s.groups.size());
    }
  }
  if (listed.empty())
    throw InputError(r.has("stages") ? r.at_value("stages") : r.at(),
                     "a scenario needs at least one stage");

  // Hashed: generated clusters have 100,000 stages and as many flows naming them.
  s.stages.reserve(listed.size());  // the index refers to the ids in place
  StageIndex index(s.stages);
  index.reserve(listed.size());
  std::int64_t all_replicas = 0;
  for (const Listed& l : listed) {
    const YamlNode n = l.list[l.item];
    const int group = l.group ? static_cast<int>(l.group - s.groups.data()) : -1;
    s.stages.push_back(read_stage(f, n, c, s.horizon_s, l.group, group));
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
      // An override that gave the first stage this id is at fault, not the original.
      const Listed& one = listed[first];
      const SourceLocation first_id = MapReader(f, one.list[one.item], "stage").at_value("id");
      if (first_id.line <= 0 && id_at.line > 0)
        throw InputError(first_id, fmt::format("duplicate stage id '{}' (also at line {})",
                                               s.stages[pos].id, at.line));
      throw InputError(at,
                       fmt::format("duplicate stage id '{}' (first at line {})", s.stages[pos].id,
                                   f.at_item(listed[first].list, listed[first].item).line));
    }
  }

  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;  // of each flow, in s.stages
  for (const auto& [fl, group_plus_one] : flow_lists) {
    // A group's flows name its own stages first ("fabric" is "node.fabric"), then any other.
    const std::string scope = group_plus_one ? s.groups[group_plus_one - 1].id + "." : "";
    const std::vector<YamlNode> flow_nodes = sequence_of(f, fl, "flows");
    s.flows.reserve(s.flows.size() + flow_nodes.size());
    ends.reserve(ends.size() + flow_nodes.size());
    // Flows are mostly written in pipeline order: one starts where the previous ended and
    // goes to the stage listed next. Checking that stage first skips most hash probes,
    // whose cache misses dominated reading 100,000 flows.
    auto near_or_find = [&](const std::string& id, std::size_t guess) {
      if (!scope.empty())
        if (const std::uint32_t own = index.find(scope + id); own != StageIndex::kNone) return own;
      if (guess < s.stages.size() && s.stages[guess].id == id)
        return static_cast<std::uint32_t>(guess);
      return index.find(id);
    };
    for (const YamlNode& n : flow_nodes) {
      MapReader fr(f, n, "flow");
      fr.allow(scenario_mapping("flow"));
      Flow flow;
      flow.where = fr.at();
      flow.from = fr.id("from");
      // A hashed lookup: a linear scan per flow is quadratic on generated clusters.
      const std::uint32_t from = near_or_find(flow.from, ends.empty() ? 0 : ends.back().second);
      if (from == StageIndex::kNone)
        check_ref(flow.from, s.stages, "stage", [&] { return fr.at_value("from"); });
      flow.from = s.stages[from].id;
      flow.to = fr.id("to");
      const std::uint32_t to = near_or_find(flow.to, from + 1);
      if (to == StageIndex::kNone)
        check_ref(flow.to, s.stages, "stage", [&] { return fr.at_value("to"); });
      flow.to = s.stages[to].id;
      if (flow.from == flow.to)
        throw InputError(fr.at_value("to"), fmt::format("flow from '{}' to itself", flow.from));
      if (YamlNode e = fr.optional_node("encrypt")) {
        MapReader er(f, e, "flow encrypt");
        er.allow(scenario_mapping("flow_encrypt"));
        flow.encrypts = true;
        flow.key_custody = er.id("custody");
        check_ref(flow.key_custody, c.key_custodies, "key custody",
                  [&] { return er.at_value("custody"); });
        flow.scheme = er.name_or("scheme", "AES-256-GCM");
      }
      flow.decrypts = fr.on_off_or("decrypt", false);
      if (flow.encrypts && flow.decrypts)
        throw InputError(flow.where, "a flow cannot both encrypt and decrypt");
      s.flows.push_back(std::move(flow));
      ends.emplace_back(from, to);
    }
  }

  // The pipeline must be acyclic: bytes flow from storage towards use.
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  auto acyclic = [&](std::size_t flows) {
    G g(s.stages.size());
    for (std::size_t i = 0; i < flows; ++i) boost::add_edge(ends[i].first, ends[i].second, g);
    try {
      std::vector<std::size_t> order;
      boost::topological_sort(g, std::back_inserter(order));
      return true;
    } catch (const boost::not_a_dag&) {
      return false;
    }
  };
  if (!acyclic(ends.size())) {
    // Blame the flow that closes the first cycle: the shortest prefix of the flows that has
    // one ends with it. Found by bisection, so a cycle at the end of 100,000 flows costs a
    // few sorts, not a search per flow.
    std::size_t lo = 0, hi = ends.size();  // the first lo flows are acyclic, the first hi not
    while (hi - lo > 1) {
      const std::size_t mid = lo + (hi - lo) / 2;
      (acyclic(mid) ? lo : hi) = mid;
    }
    const Flow& fl = s.flows[hi - 1];
    throw InputError(fl.where, fmt::format("flow '{}' -> '{}' closes a cycle; a pipeline must be "
                                           "acyclic",
                                           fl.from, fl.to));
  }
  check_hbm_fit(c, s, s.platforms(), nullptr);
  // Sections owned by later analyses are read by them; mark them used here.
  if (YamlNode w = r.optional_node("workload")) s.workload = read_workload(f, w, s);
  if (YamlNode t = r.optional_node("transfer_cost"))
    s.transfer_cost = read_transfer_pricing(f, t, s, c);
  if (YamlNode a = r.optional_node("actors")) s.actor_parameters = read_actor_overrides(f, a, c);
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
