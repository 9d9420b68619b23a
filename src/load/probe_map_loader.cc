#include "load/probe_map_loader.h"

#include <fmt/format.h>

#include "core/ids.h"
#include "load/citation_reader.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"

namespace plainsight {
namespace {

void check(const std::string& id, const std::vector<std::string>& known, const std::string& what,
           const SourceLocation& where) {
  for (const auto& k : known)
    if (k == id) return;
  throw InputError(where, fmt::format("unknown {} '{}'{}", what, id, did_you_mean(id, known)));
}

std::map<std::string, std::vector<std::string>> read_when(const YamlFile& f, MapReader& r,
                                                          const std::string& what) {
  std::map<std::string, std::vector<std::string>> out;
  YamlNode w = r.optional_node("when");
  if (!w) return out;
  MapReader wr(f, w, what + " when");
  for (const std::string& k : wr.keys()) {
    YamlNode v = wr.node(k);
    out[k] = v.IsSequence() ? wr.str_list(k) : std::vector<std::string>{scalar_of(f, v, k)};
  }
  return out;
}

// Reads the keys of `n` present into `b` (fit_bounds, or a probe's `fit` overrides).
FitBounds read_fit_bounds(const YamlFile& f, const YamlNode& n, const std::string& what,
                          FitBounds b) {
  MapReader r(f, n, what);
  r.allow({"min_sizes", "min_r2", "max_rms_error", "max_extrapolation", "max_size_gap"});
  b.min_sizes = r.integer_or("min_sizes", static_cast<int>(b.min_sizes), 1, 1000);
  b.min_r2 = r.number_or("min_r2", b.min_r2, 0, 1);
  b.max_rms_error = r.number_or("max_rms_error", b.max_rms_error, 0, 10);
  b.max_extrapolation = r.number_or("max_extrapolation", b.max_extrapolation, 1, 1e9);
  b.max_size_gap = r.number_or("max_size_gap", b.max_size_gap, 1, 1e18);
  return b;
}

std::vector<PlatformFacet> read_facets(MapReader& r) {
  static const std::vector<std::pair<std::string, PlatformFacet>> kFacets{
      {"gpu", PlatformFacet::gpu},
      {"cc", PlatformFacet::cc},
      {"multi_gpu_mode", PlatformFacet::multi_gpu_mode},
      {"fabric", PlatformFacet::fabric},
      {"storage", PlatformFacet::storage}};
  std::vector<std::string> names;
  for (const auto& [name, facet] : kFacets) names.push_back(name);
  std::vector<PlatformFacet> out;
  for (const std::string& name : r.str_list("depends_on")) {
    check(name, names, "depends_on facet", r.at_value("depends_on"));
    for (const auto& [n, facet] : kFacets)
      if (n == name) out.push_back(facet);
  }
  return out;
}

// A candidate's physical bound: exactly one of link (transfer or node), figure (a catalog
// figure in bytes per second) or none (with why no bound can apply); a candidate that stands
// for a stage without saying is refused, so that no probe is used unchecked by omission.
ProbeBound read_bound(const YamlFile& f, MapReader& r, const std::string& what, const Catalog& c) {
  using K = ProbeBound::Kind;
  if (!r.has("bound"))
    throw InputError(r.at(),
                     fmt::format("{} says no bound: every probe that stands for a "
                                 "stage says what it cannot run faster than (bound: "
                                 "{{link: transfer|node}}, {{figure: ID}} or {{none: WHY}})",
                                 what));
  MapReader br(f, r.node("bound"), what + " bound");
  br.allow({"link", "figure", "none", "why"});
  const int given = br.has("link") + br.has("figure") + br.has("none");
  if (given != 1) throw InputError(br.at(), "a bound is one of link, figure or none");
  ProbeBound b;
  if (br.has("none")) {
    b.kind = K::none;
    b.why = br.str("none");
    if (b.why.empty()) throw InputError(br.at_value("none"), "none needs the reason");
    return b;
  }
  if (br.has("link")) {
    const std::string per = br.str("link");
    check(per, {"transfer", "node"}, "link bound", br.at_value("link"));
    b.kind = per == "node" ? K::link_node : K::link_transfer;
  } else {
    b.kind = K::figure;
    b.figure = br.id("figure");
    check(b.figure, ids_of(c.figures), "figure", br.at_value("figure"));
    if (c.figure(b.figure)->unit != "bytes_per_second")
      throw InputError(br.at_value("figure"),
                       fmt::format("figure '{}' is in {}, not bytes_per_second", b.figure,
                                   c.figure(b.figure)->unit));
  }
  b.why = br.str("why");
  return b;
}

ProbeCandidate read_candidate(const YamlFile& f, const YamlNode& n, const std::string& rule,
                              const FitBounds& bounds, const Catalog& catalog) {
  MapReader r(f, n, "probe_map rule '" + rule + "' probe");
  r.allow({"probe", "params", "cc", "depends_on", "emulation", "label", "series_by", "prefer_max",
           "fit", "bound"});
  ProbeCandidate c;
  c.probe = r.id("probe");
  c.params = r.str_map("params");
  if (YamlNode cc = r.optional_node("cc")) {
    MapReader cr(f, cc, "probe_map rule '" + rule + "' probe cc");
    cr.allow({"param", "on", "off"});
    c.cc_param = cr.str("param");
    c.cc_on = cr.str_list("on");
    c.cc_off = cr.str_list("off");
    if (c.cc_on.empty() || c.cc_off.empty())
      throw InputError(cr.at(), "cc needs the values meaning 'on' and 'off'");
  }
  c.depends_on = read_facets(r);
  // The state is compared only where the map says how a result carries it, and vice versa.
  if (c.depends_on_facet(PlatformFacet::cc) != !c.cc_param.empty())
    throw InputError(r.at(), c.cc_param.empty() ? "depends_on cc needs `cc` (the param and values)"
                                                : "`cc` needs cc in depends_on");
  c.emulation = r.on_off_or("emulation", false);
  c.bound = read_bound(f, r, "probe_map rule '" + rule + "' probe " + c.probe, catalog);
  c.label = r.str("label");
  c.series_by = r.str_list("series_by");
  c.prefer_max = r.str_or("prefer_max", "");
  c.fit = bounds;
  if (YamlNode fit = r.optional_node("fit"))
    c.fit = read_fit_bounds(f, fit, "probe_map rule '" + rule + "' probe fit", bounds);
  return c;
}

// storage_classes or fabrics: each link in at most one class of the list.
std::vector<PlatformClass> read_classes(const YamlFile& f, MapReader& top, const char* key,
                                        const Catalog& c) {
  std::vector<PlatformClass> out;
  YamlNode list = top.optional_node(key);
  if (!list) return out;
  const bool storage = std::string(key) == "storage_classes";
  for (const YamlNode& n : sequence_of(f, list, key)) {
    MapReader r(f, n, std::string(key) + " entry");
    if (storage)
      r.allow({"id", "name", "links", "filesystems"});
    else
      r.allow({"id", "name", "links"});
    PlatformClass k;
    k.id = r.id("id");
    k.name = r.str("name");
    k.links = r.str_list("links");
    for (const std::string& l : k.links) {
      check(l, ids_of(c.links), "link", r.at_value("links"));
      if (ProbeMap::class_of_link(out, l))
        throw InputError(r.at_value("links"), fmt::format("link '{}' is already in {} '{}'", l, key,
                                                          ProbeMap::class_of_link(out, l)->id));
    }
    if (storage) k.filesystems = r.str_list("filesystems");
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace

ProbeMap load_probe_map(const std::filesystem::path& path, const Catalog& c) {
  YamlFile f = YamlFile::load(path);
  MapReader top(f, f.root(), f.name());
  top.allow({"gpu_models", "fit_bounds", "bound_factor", "storage_classes", "fabrics",
             "same_node_fabrics", "rules"});
  ProbeMap m;
  if (YamlNode b = top.optional_node("fit_bounds"))
    m.fit_bounds = read_fit_bounds(f, b, "fit_bounds", m.fit_bounds);
  if (YamlNode l = top.optional_node("bound_factor")) {
    MapReader lr(f, l, "bound_factor");
    lr.allow({"factor", "why", "source"});
    m.bound_factor.factor = lr.number("factor", 1, 10);
    m.bound_factor.why = lr.str("why");
    m.bound_factor.source = read_citation(f, lr.node("source"), "bound_factor source", c.sources);
  }
  m.storage_classes = read_classes(f, top, "storage_classes", c);
  m.fabrics = read_classes(f, top, "fabrics", c);
  m.same_node_fabrics = top.str_list("same_node_fabrics");
  for (const YamlNode& n : sequence_of(f, top.node("gpu_models"), "gpu_models")) {
    MapReader r(f, n, "gpu model");
    r.allow({"match", "gpu"});
    GpuModel g{r.str("match"), r.id("gpu")};
    check(g.gpu, ids_of(c.gpus), "gpu", r.at_value("gpu"));
    m.gpu_models.push_back(g);
  }
  for (const YamlNode& n : sequence_of(f, top.node("rules"), "rules")) {
    MapReader r(f, n, "probe_map rule");
    r.allow({"id", "medium", "when", "probes", "why"});
    ProbeRule rule;
    rule.id = r.id("id");
    rule.where = r.at();
    rule.medium = r.id("medium");
    check(rule.medium, ids_of(c.media), "medium", r.at_value("medium"));
    rule.when = read_when(f, r, "probe_map rule '" + rule.id + "'");
    for (const YamlNode& p : sequence_of(f, r.node("probes"), "probes"))
      rule.candidates.push_back(read_candidate(f, p, rule.id, m.fit_bounds, c));
    if (rule.candidates.empty())
      throw InputError(r.at_value("probes"), "a probe_map rule needs at least one probe");
    rule.why = r.str("why");
    for (const ProbeRule& other : m.rules)
      if (other.id == rule.id)
        throw InputError(rule.where, fmt::format("duplicate probe_map rule id '{}'", rule.id));
    m.rules.push_back(std::move(rule));
  }
  for (const ProbeRule& rule : m.rules)
    for (const ProbeCandidate& cand : rule.candidates)
      if (cand.bound.kind != ProbeBound::Kind::none && m.bound_factor.factor == 0)
        throw InputError(rule.where, fmt::format("rule '{}': probe {} has a bound, but the map "
                                                 "gives no bound_factor",
                                                 rule.id, cand.probe));
  return m;
}

}  // namespace plainsight
