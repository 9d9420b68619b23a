#include "load/probe_map_loader.h"

#include <fmt/format.h>

#include "core/ids.h"
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

ProbeCandidate read_candidate(const YamlFile& f, const YamlNode& n, const std::string& rule) {
  MapReader r(f, n, "probe_map rule '" + rule + "' probe");
  r.allow({"probe", "params", "cc", "gpu", "emulation", "label", "series_by", "prefer_max"});
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
  c.gpu = r.on_off_or("gpu", false);
  c.emulation = r.on_off_or("emulation", false);
  c.label = r.str("label");
  c.series_by = r.str_list("series_by");
  c.prefer_max = r.str_or("prefer_max", "");
  return c;
}

}  // namespace

ProbeMap load_probe_map(const std::filesystem::path& path, const Catalog& c) {
  YamlFile f = YamlFile::load(path);
  MapReader top(f, f.root(), f.name());
  top.allow({"gpu_models", "rules"});
  ProbeMap m;
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
      rule.candidates.push_back(read_candidate(f, p, rule.id));
    if (rule.candidates.empty())
      throw InputError(r.at_value("probes"), "a probe_map rule needs at least one probe");
    rule.why = r.str("why");
    for (const ProbeRule& other : m.rules)
      if (other.id == rule.id)
        throw InputError(rule.where, fmt::format("duplicate probe_map rule id '{}'", rule.id));
    m.rules.push_back(std::move(rule));
  }
  return m;
}

}  // namespace plainsight
