#include "load/catalog_loader.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "build_info.h"
#include "core/ids.h"
#include "core/quantity.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"
#include "load/probe_map_loader.h"

namespace plainsight {
namespace {

// Reads `key: [ {...}, ... ]` from a catalog file, one MapReader per item.
template <class F>
void read_list(const YamlFile& file, const std::string& key, F item) {
  MapReader top(file, file.root(), file.name());
  top.allow({key});
  for (const YamlNode& n : sequence_of(file, top.node(key), key)) item(n);
}

void check_unique(const std::vector<std::string>& all, const std::vector<SourceLocation>& where,
                  const std::string& what) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (!seen.insert(all[i]).second)
      throw InputError(where[i], fmt::format("duplicate {} id '{}'", what, all[i]));
}

struct Refs {
  const Catalog& c;
  void check(const std::string& id, const std::vector<std::string>& known, const std::string& what,
             const SourceLocation& where) const {
    for (const auto& k : known)
      if (k == id) return;
    throw InputError(where, fmt::format("unknown {} '{}'{}", what, id, did_you_mean(id, known)));
  }
  void source(const std::string& id, const SourceLocation& w) const {
    check(id, ids_of(c.sources), "source", w);
  }
  void medium(const std::string& id, const SourceLocation& w) const {
    check(id, ids_of(c.media), "medium", w);
  }
  void capabilities(const std::vector<std::string>& list, const SourceLocation& w) const {
    for (const auto& id : list) check(id, ids_of(c.capabilities), "capability", w);
  }
};

Figure read_parameter(const YamlFile& f, const YamlNode& n, const std::string& name,
                      const std::string& what) {
  MapReader r(f, n, what + " parameter '" + name + "'");
  r.allow({"value", "provenance", "source"});
  Figure fig;
  std::string v = r.str("value");
  QuantityError err;
  // The unit follows from the parameter's name; docs/model.md lists them.
  if (name.ends_with("_rate"))
    fig.value = parse_rate(v, &err);
  else if (name.ends_with("_bandwidth"))
    fig.value = parse_bandwidth(v, &err);
  else if (name == "dwell" || name.ends_with("_time"))
    fig.value = parse_duration(v, &err);
  else
    fig.value = parse_bytes(v, &err);  // a plain number
  if (std::isnan(fig.value) || fig.value < 0)
    throw InputError(
        r.at_value("value"),
        fmt::format("{}: {}", name, err.message.empty() ? "must not be negative" : err.message));
  std::string prov = r.str_or("provenance", "assumed");
  if (!parse_provenance(prov, &fig.provenance))
    throw InputError(r.at_value("provenance"),
                     fmt::format("unknown provenance '{}': expected measured, fitted, published, "
                                 "datasheet or assumed",
                                 prov));
  fig.source = r.str("source");
  fig.detail = v;
  return fig;
}

PlatformOption read_option(const YamlFile& f, const YamlNode& n, const std::string& what) {
  MapReader r(f, n, what);
  r.allow({"id", "name", "status", "source", "attributes", "key_readers"});
  PlatformOption o;
  o.id = r.id("id");
  o.name = r.str("name");
  o.status = r.str_or("status", "shipping");
  if (o.status != "shipping" && o.status != "announced")
    throw InputError(r.at_value("status"),
                     fmt::format("{} '{}': status must be shipping or announced", what, o.id));
  o.source = r.str("source");
  o.attributes = r.str_map("attributes");
  o.key_readers = r.str_list("key_readers");
  o.where = r.at();
  return o;
}

}  // namespace

std::filesystem::path default_model_dir() {
  if (const char* env = std::getenv("PLAINSIGHT_MODEL"); env && *env) return env;
  return std::filesystem::path(PLAINSIGHT_SOURCE_DIR) / "model";
}

Catalog load_catalog(const std::filesystem::path& dir) {
  Catalog c;
  auto file = [&](const char* name) { return YamlFile::load(dir / name); };

  YamlFile sources = file("sources.yaml");
  read_list(sources, "sources", [&](const YamlNode& n) {
    MapReader r(sources, n, "source");
    r.allow({"id", "title", "publisher", "year", "url"});
    c.sources.push_back(
        {r.id("id"), r.str("title"), r.str("publisher"), r.str("url"), r.str("year"), r.at()});
  });

  YamlFile media = file("media.yaml");
  read_list(media, "media", [&](const YamlNode& n) {
    MapReader r(media, n, "medium");
    r.allow({"id", "name", "kind", "description"});
    Medium m{r.id("id"), r.str("name"), r.str("kind"), r.str_or("description", ""), r.at()};
    if (m.kind != "storage" && m.kind != "cache" && m.kind != "memory" && m.kind != "link")
      throw InputError(r.at_value("kind"), "medium kind must be storage, cache, memory or link");
    c.media.push_back(m);
  });

  YamlFile platforms = file("platforms.yaml");
  {
    MapReader top(platforms, platforms.root(), platforms.name());
    top.allow({"gpus", "cpu_tees", "key_custodies"});
    for (const YamlNode& n : sequence_of(platforms, top.node("gpus"), "gpus"))
      c.gpus.push_back(read_option(platforms, n, "gpu"));
    for (const YamlNode& n : sequence_of(platforms, top.node("cpu_tees"), "cpu_tees"))
      c.cpu_tees.push_back(read_option(platforms, n, "cpu_tee"));
    for (const YamlNode& n : sequence_of(platforms, top.node("key_custodies"), "key_custodies"))
      c.key_custodies.push_back(read_option(platforms, n, "key_custody"));
  }

  YamlFile links = file("links.yaml");
  read_list(links, "links", [&](const YamlNode& n) {
    MapReader r(links, n, "link");
    r.allow({"id", "name", "medium", "bandwidth", "bandwidth_per_tib", "source", "attributes"});
    Link l;
    l.id = r.id("id");
    l.name = r.str("name");
    l.medium = r.id("medium");
    if (r.has("bandwidth")) l.bandwidth_Bps = r.bandwidth("bandwidth");
    if (r.has("bandwidth_per_tib")) l.bandwidth_per_TiB_Bps = r.bandwidth("bandwidth_per_tib");
    l.source = r.str("source");
    l.attributes = r.str_map("attributes");
    l.where = r.at();
    c.links.push_back(l);
  });

  YamlFile protections = file("protections.yaml");
  read_list(protections, "protections", [&](const YamlNode& n) {
    MapReader r(protections, n, "protection");
    r.allow({"id", "medium", "label", "when", "state", "blocks", "patterns_only", "key_readers",
             "note", "qualifier", "source"});
    ProtectionRule p;
    p.id = r.id("id");
    p.medium = r.id("medium");
    p.label = r.str("label");
    if (YamlNode w = r.optional_node("when")) {
      MapReader wr(protections, w, "protection '" + p.id + "' when");
      for (const std::string& k : wr.keys()) {
        YamlNode v = wr.node(k);
        if (v.IsSequence())
          p.when[k] = wr.str_list(k);
        else
          p.when[k] = {scalar_of(protections, v, k)};
      }
    }
    std::string st = r.str("state");
    if (!parse_state(st, &p.state))
      throw InputError(r.at_value("state"),
                       fmt::format("unknown state '{}': expected plaintext, ciphertext or "
                                   "deterministic_ciphertext",
                                   st));
    p.blocks = r.str_list("blocks");
    p.patterns_only = r.str_list("patterns_only");
    p.key_readers = r.str_list("key_readers");
    p.note = r.str_or("note", "");
    p.qualifier = r.str_or("qualifier", "");
    p.source = r.str("source");
    p.where = r.at();
    c.protections.push_back(p);
  });

  YamlFile caps = file("capabilities.yaml");
  read_list(caps, "capabilities", [&](const YamlNode& n) {
    MapReader r(caps, n, "capability");
    r.allow({"id", "name", "description", "reaches", "yields", "ttc", "source"});
    Capability k;
    k.id = r.id("id");
    k.name = r.str("name");
    k.description = r.str_or("description", "");
    k.reaches = r.str_list("reaches");
    std::string y = r.str_or("yields", "plaintext");
    if (y == "plaintext")
      k.yields = Access::plaintext;
    else if (y == "patterns")
      k.yields = Access::patterns;
    else if (y == "metadata")
      k.yields = Access::metadata;
    else
      throw InputError(r.at_value("yields"), "yields must be plaintext, patterns or metadata");
    std::string ttc_error;
    if (!parse_ttc(r.str_or("ttc", "EasyAndCertain"), &k.ttc, &ttc_error))
      throw InputError(r.at_value("ttc"), "capability '" + k.id + "' ttc: " + ttc_error);
    k.source = r.str("source");
    k.where = r.at();
    c.capabilities.push_back(k);
  });

  YamlFile actors = file("actors.yaml");
  read_list(actors, "actors", [&](const YamlNode& n) {
    MapReader r(actors, n, "actor");
    r.allow({"id", "level", "name", "description", "capabilities", "source", "parameters"});
    Actor a;
    a.id = r.id("id");
    a.level = r.integer("level", 1, 5);
    a.name = r.str("name");
    a.description = r.str_or("description", "");
    a.capabilities = r.str_list("capabilities");
    a.source = r.str("source");
    if (YamlNode p = r.optional_node("parameters")) {
      MapReader pr(actors, p, "actor '" + a.id + "' parameters");
      for (const std::string& k : pr.keys())
        a.parameters[k] = read_parameter(actors, pr.node(k), k, "actor '" + a.id + "'");
    }
    a.where = r.at();
    c.actors.push_back(a);
  });
  std::sort(c.actors.begin(), c.actors.end(),
            [](const Actor& x, const Actor& y) { return x.level < y.level; });

  YamlFile controls = file("controls.yaml");
  read_list(controls, "controls", [&](const YamlNode& n) {
    MapReader r(controls, n, "control");
    r.allow({"id", "name", "description", "cost", "sets", "source"});
    Control k;
    k.id = r.id("id");
    k.name = r.str("name");
    k.description = r.str_or("description", "");
    k.cost = r.number("cost", 0, 1e9);
    k.sets = r.str_map("sets");
    k.source = r.str("source");
    k.where = r.at();
    c.controls.push_back(k);
  });

  YamlFile figures = file("figures.yaml");
  read_list(figures, "figures", [&](const YamlNode& n) {
    MapReader r(figures, n, "figure");
    r.allow({"id", "description", "unit", "value", "source"});
    PublishedFigure f;
    f.id = r.id("id");
    f.description = r.str("description");
    f.unit = r.str("unit");
    if (f.unit != "seconds" && f.unit != "bytes_per_second" && f.unit != "ratio" &&
        f.unit != "bytes")
      throw InputError(r.at_value("unit"),
                       "unit must be seconds, bytes_per_second, ratio or bytes");
    f.value = r.number("value", 0, 1e18);
    f.source = r.str("source");
    f.where = r.at();
    c.figures.push_back(f);
  });

  // Every reference resolves; ids are unique per list.
  Refs refs{c};
  auto locs = [](const auto& list) {
    std::vector<SourceLocation> w;
    for (const auto& x : list) w.push_back(x.where);
    return w;
  };
  check_unique(ids_of(c.sources), locs(c.sources), "source");
  check_unique(ids_of(c.media), locs(c.media), "medium");
  check_unique(ids_of(c.gpus), locs(c.gpus), "gpu");
  check_unique(ids_of(c.cpu_tees), locs(c.cpu_tees), "cpu_tee");
  check_unique(ids_of(c.key_custodies), locs(c.key_custodies), "key custody");
  check_unique(ids_of(c.links), locs(c.links), "link");
  check_unique(ids_of(c.protections), locs(c.protections), "protection");
  check_unique(ids_of(c.capabilities), locs(c.capabilities), "capability");
  check_unique(ids_of(c.actors), locs(c.actors), "actor");
  check_unique(ids_of(c.controls), locs(c.controls), "control");
  check_unique(ids_of(c.figures), locs(c.figures), "figure");
  for (const auto& o : c.gpus) refs.source(o.source, o.where);
  for (const auto& o : c.cpu_tees) refs.source(o.source, o.where);
  for (const auto& o : c.key_custodies) {
    refs.source(o.source, o.where);
    refs.capabilities(o.key_readers, o.where);
  }
  for (const auto& l : c.links) {
    refs.source(l.source, l.where);
    refs.medium(l.medium, l.where);
  }
  for (const auto& p : c.protections) {
    refs.source(p.source, p.where);
    refs.medium(p.medium, p.where);
    refs.capabilities(p.blocks, p.where);
    refs.capabilities(p.patterns_only, p.where);
    refs.capabilities(p.key_readers, p.where);
  }
  for (const auto& k : c.capabilities) {
    refs.source(k.source, k.where);
    for (const auto& m : k.reaches) refs.medium(m, k.where);
  }
  for (const auto& a : c.actors) {
    refs.source(a.source, a.where);
    refs.capabilities(a.capabilities, a.where);
    for (const auto& [name, fig] : a.parameters) refs.source(fig.source, a.where);
  }
  for (const auto& k : c.controls) refs.source(k.source, k.where);
  for (const auto& f : c.figures) refs.source(f.source, f.where);
  for (const auto& m : c.media) {
    bool has_default = false;
    for (const auto& p : c.protections) has_default |= p.medium == m.id && p.when.empty();
    if (!has_default)
      throw InputError(m.where, fmt::format("medium '{}' has no protection rule without conditions "
                                            "(the default)",
                                            m.id));
  }
  // Optional: a catalog without it simply has no measured durations.
  if (std::filesystem::exists(dir / "probe_map.yaml"))
    c.probe_map = load_probe_map(dir / "probe_map.yaml", c);
  return c;
}

}  // namespace plainsight
