#include "load/scenario_loader.h"

#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

#include "core/ids.h"
#include "core/quantity.h"
#include "load/actor_overrides_loader.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"
#include "load/overlay.h"
#include "load/workload_loader.h"

namespace plainsight {
namespace {

void check_ref(const std::string& id, const std::vector<std::string>& known,
               const std::string& what, const SourceLocation& where) {
  for (const auto& k : known)
    if (k == id) return;
  throw InputError(where, fmt::format("unknown {} '{}'{}; known: {}", what, id,
                                      did_you_mean(id, known), fmt::join(known, ", ")));
}

Asset read_asset(const YamlFile& f, const YAML::Node& n) {
  MapReader r(f, n, "asset");
  r.allow({"name", "parameters", "bytes_per_parameter", "optimizer_bytes_per_parameter"});
  Asset a;
  a.name = r.str_or("name", "weights");
  a.parameters = r.number("parameters", 1, 1e15);
  a.bytes_per_parameter = r.number_or("bytes_per_parameter", 2, 0.125, 64);
  a.optimizer_bytes_per_parameter = r.number_or("optimizer_bytes_per_parameter", 0, 0, 256);
  return a;
}

Platform read_platform(const YamlFile& f, const YAML::Node& n, const Catalog& c) {
  MapReader r(f, n, "platform");
  r.allow({"gpu", "gpus_per_node", "nodes", "cpu_tee", "confidential_mode", "multi_gpu_mode",
           "key_custody", "link_encryption"});
  Platform p;
  if (r.has("gpu")) {
    p.gpu = r.id("gpu");
    check_ref(p.gpu, ids_of(c.gpus), "gpu", r.at_value("gpu"));
  }
  p.gpus_per_node = r.integer_or("gpus_per_node", p.gpu.empty() ? 0 : 8, 0, 1024);
  p.nodes = r.integer_or("nodes", 1, 1, 1000000);
  p.cpu_tee = r.has("cpu_tee") ? r.id("cpu_tee") : "none";
  check_ref(p.cpu_tee, ids_of(c.cpu_tees), "cpu_tee", r.at_value("cpu_tee"));
  p.confidential_mode = r.on_off_or("confidential_mode", false);
  if (p.confidential_mode && p.gpu.empty())
    throw InputError(r.at_value("confidential_mode"), "confidential_mode is on but no gpu is set");
  p.multi_gpu_mode = r.str_or("multi_gpu_mode", "none");
  if (p.multi_gpu_mode != "none" && p.multi_gpu_mode != "protected_pcie" &&
      p.multi_gpu_mode != "nvlink_encryption")
    throw InputError(r.at_value("multi_gpu_mode"),
                     fmt::format("multi_gpu_mode '{}': expected none, protected_pcie or "
                                 "nvlink_encryption",
                                 p.multi_gpu_mode));
  p.key_custody = r.has("key_custody") ? r.id("key_custody") : "provider_kms";
  check_ref(p.key_custody, ids_of(c.key_custodies), "key_custody", r.at_value("key_custody"));
  if (YAML::Node le = r.optional_node("link_encryption")) {
    MapReader lr(f, le, "platform link_encryption");
    for (const std::string& m : lr.keys()) {
      check_ref(m, ids_of(c.media), "medium", lr.at_key(m));
      p.link_encryption[m] = lr.on_off_or(m, false);
    }
  }
  return p;
}

Stage read_stage(const YamlFile& f, const YAML::Node& n, const Catalog& c, double horizon) {
  MapReader r(f, n, "stage");
  r.allow({"id", "name", "location", "medium", "link", "payload", "shards", "resident", "duration",
           "capacity", "bandwidth", "events", "decrypts", "attributes"});
  Stage s;
  s.id = r.id("id");
  const std::string what = "stage '" + s.id + "'";
  s.where = r.at();
  s.name = r.str_or("name", s.id);
  s.location = r.str_or("location", "");
  if (r.has("link")) {
    s.link = r.id("link");
    check_ref(s.link, ids_of(c.links), "link", r.at_value("link"));
    s.medium = c.link(s.link)->medium;
  }
  if (r.has("medium")) {
    std::string m = r.id("medium");
    check_ref(m, ids_of(c.media), "medium", r.at_value("medium"));
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
  if (YAML::Node d = r.optional_node("duration")) {
    DurationSpec spec;
    spec.where = f.at(d);
    if (d.IsMap()) {
      MapReader dr(f, d, what + " duration");
      dr.allow({"figure"});
      spec.kind = DurationSpec::Kind::figure;
      spec.figure = dr.id("figure");
      check_ref(spec.figure, ids_of(c.figures), "figure", dr.at_value("figure"));
      const std::string& unit = c.figure(spec.figure)->unit;
      if (unit != "seconds" && unit != "bytes_per_second")
        throw InputError(dr.at_value("figure"),
                         fmt::format("figure '{}' is in {}; a duration needs seconds or "
                                     "bytes_per_second",
                                     spec.figure, unit));
    } else if (scalar_of(f, d, what + " duration") == "from_bandwidth") {
      spec.kind = DurationSpec::Kind::stated_bandwidth;
      if (!r.has("bandwidth"))
        throw InputError(spec.where,
                         fmt::format("{}: duration from_bandwidth needs 'bandwidth'", what));
      spec.bandwidth_Bps = r.bandwidth("bandwidth");
    } else if (scalar_of(f, d, what + " duration") == "from_link") {
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
      } else if (l->bandwidth_Bps <= 0) {
        throw InputError(
            spec.where, fmt::format("{}: link '{}' has no bandwidth in the catalog", what, s.link));
      }
    } else {
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

  if (YAML::Node e = r.optional_node("events")) {
    if (e.IsMap()) {
      MapReader er(f, e, what + " events");
      er.allow({"every", "count"});
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
      } else {
        s.events = er.number("count", 1, 1e9);
      }
    } else {
      s.events = r.number("events", 1, 1e9);
    }
  }
  s.decrypts = r.on_off_or("decrypts", false);
  s.attributes = r.str_map("attributes");
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
  r.allow({"name", "description", "source", "horizon", "origin", "asset", "platform", "stages",
           "flows", "workload", "actors", "measurements"});
  Scenario s;
  s.file = f.name();
  s.name = r.str("name");
  s.description = r.str_or("description", "");
  if (r.has("source")) {
    s.source = r.id("source");
    check_ref(s.source, ids_of(c.sources), "source", r.at_value("source"));
  }
  s.horizon_s = r.duration("horizon");
  if (YAML::Node o = r.optional_node("origin")) {
    MapReader orr(f, o, "origin");
    orr.allow({"encrypted_with", "scheme"});
    s.origin_encrypted = true;
    s.origin_custody = orr.id("encrypted_with");
    check_ref(s.origin_custody, ids_of(c.key_custodies), "key custody",
              orr.at_value("encrypted_with"));
    s.origin_scheme = orr.str_or("scheme", "AES-256-GCM");
  }
  s.asset = read_asset(f, r.node("asset"));
  s.platform = read_platform(f, r.node("platform"), c);

  std::map<std::string, SourceLocation> seen;
  for (const YAML::Node& n : sequence_of(f, r.node("stages"), "stages")) {
    Stage st = read_stage(f, n, c, s.horizon_s);
    if (auto it = seen.find(st.id); it != seen.end())
      throw InputError(st.where, fmt::format("duplicate stage id '{}' (first at line {})", st.id,
                                             it->second.line));
    seen[st.id] = st.where;
    s.stages.push_back(std::move(st));
  }
  if (s.stages.empty())
    throw InputError(r.at_value("stages"), "a scenario needs at least one stage");

  std::vector<std::string> stage_ids = ids_of(s.stages);
  if (YAML::Node fl = r.optional_node("flows")) {
    for (const YAML::Node& n : sequence_of(f, fl, "flows")) {
      MapReader fr(f, n, "flow");
      fr.allow({"from", "to", "encrypt", "decrypt"});
      Flow flow;
      flow.where = fr.at();
      flow.from = fr.id("from");
      // A map lookup first: a linear scan per flow is quadratic on generated clusters.
      if (!seen.count(flow.from)) check_ref(flow.from, stage_ids, "stage", fr.at_value("from"));
      flow.to = fr.id("to");
      if (!seen.count(flow.to)) check_ref(flow.to, stage_ids, "stage", fr.at_value("to"));
      if (flow.from == flow.to)
        throw InputError(fr.at_value("to"), fmt::format("flow from '{}' to itself", flow.from));
      if (YAML::Node e = fr.optional_node("encrypt")) {
        MapReader er(f, e, "flow encrypt");
        er.allow({"custody", "scheme"});
        flow.encrypts = true;
        flow.key_custody = er.id("custody");
        check_ref(flow.key_custody, ids_of(c.key_custodies), "key custody", er.at_value("custody"));
        flow.scheme = er.str_or("scheme", "AES-256-GCM");
      }
      flow.decrypts = fr.on_off_or("decrypt", false);
      if (flow.encrypts && flow.decrypts)
        throw InputError(flow.where, "a flow cannot both encrypt and decrypt");
      s.flows.push_back(flow);
    }
  }

  // The pipeline must be acyclic: bytes flow from storage towards use.
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  G g(s.stages.size());
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < s.stages.size(); ++i) index[s.stages[i].id] = i;
  for (const Flow& fl : s.flows) boost::add_edge(index[fl.from], index[fl.to], g);
  try {
    std::vector<std::size_t> order;
    boost::topological_sort(g, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    // Name a flow on the cycle: the first whose target reaches its source.
    for (const Flow& fl : s.flows) {
      std::vector<bool> seen_v(s.stages.size());
      std::vector<std::size_t> stack{index[fl.to]};
      while (!stack.empty()) {
        std::size_t v = stack.back();
        stack.pop_back();
        if (v == index[fl.from])
          throw InputError(fl.where, fmt::format("flow '{}' -> '{}' closes a cycle; a pipeline "
                                                 "must be acyclic",
                                                 fl.from, fl.to));
        if (seen_v[v]) continue;
        seen_v[v] = true;
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
          stack.push_back(boost::target(*e, g));
      }
    }
    throw InputError(r.at_value("flows"), "the flows contain a cycle");
  }
  // Sections owned by later analyses are read by them; mark them used here.
  if (YAML::Node w = r.optional_node("workload")) s.workload = read_workload(f, w, s);
  if (YAML::Node a = r.optional_node("actors")) s.actor_parameters = read_actor_overrides(f, a, c);
  (void)r.optional_node("measurements");
  return s;
}

Scenario load_scenario(const std::filesystem::path& path, const Catalog& catalog,
                       const std::vector<std::string>& overrides) {
  YamlFile f = YamlFile::load(path);
  return read_scenario(f, catalog, overrides);
}

}  // namespace plainsight
